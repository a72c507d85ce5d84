/**
 * `chapkhana watch [files…]`: build what is out of date, then keep one
 * browser warm and rebuild an article's EPUB and PDF each time one of its
 * files (source, chapters, images) or a stylesheet is saved, printing what
 * was written and how long it took. Ends cleanly on Ctrl-C.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { watch } from 'chokidar'
import type { Config } from '../config/schema.ts'
import { cacheKey, runBatch, type BatchEvent } from '../pipeline/batch.ts'
import { BrowserPool } from '../pipeline/browser-pool.ts'
import { BuildCache, toolchainKey } from '../pipeline/cache.ts'
import { assertNoCollisions } from '../pipeline/collisions.ts'
import { reloadStylesheets, STYLES_DIR } from '../publication/styles.ts'
import { formatSize } from '../util/format.ts'
import { listArticles } from './build.ts'
import { reportBatch, reportFailure } from './report.ts'
import { isFailure } from '../util/failure.ts'
import { diffSources } from '../diff/word-diff.ts'
import { summary } from '../diff/render-diff.ts'
import { foldersUnder } from '../util/markdown-files.ts'

/** How long to wait after the last change event before building: editors save in several writes. */
const SETTLE_MS = 15

/** Hooks for commands built on watch (preview). */
export interface WatchHooks {
  readonly log?: (line: string) => void
  /** Called after every build round, with the sources that were (re)built. */
  readonly onBuilt?: (sources: readonly string[]) => void | Promise<void>
}

/** Exit code when Ctrl-C stops the first build: the shell's code for SIGINT (128 + 2). */
export const INTERRUPTED = 130

/**
 * Run until `signal` aborts; returns the exit code: 0 when stopped while
 * watching, `INTERRUPTED` (130) when stopped during the first build.
 */
export async function watchCommand(files: readonly string[], config: Config, signal: AbortSignal, hooks: WatchHooks = {}): Promise<number> {
  const log = hooks.log ?? ((l: string) => process.stderr.write(`${l}\n`))
  const browsers = new BrowserPool(config.renderTimeoutMs)
  const store = await BuildCache.open()
  const inputs = new Map<string, Set<string>>()
  const texts = new Map<string, string>()
  /** Sources whose last build failed: they may wait for a file or folder not there yet. */
  const failed = new Set<string>()
  /** What the editor changed since the last build of `source`: "1 word changed: «a» → «b»". */
  const changes = (source: string): string => {
    const now = readFileSync(source, 'utf8')
    const before = texts.get(source)
    texts.set(source, now)
    if (before === undefined || before === now) return ''
    const diff = diffSources(before, now)
    // First-strong isolates keep each side's direction whatever the terminal does.
    const shown = diff.paragraphs.flatMap((p) => p.changes).slice(0, 3).map((c) => `«\u2068${c.before}\u2069» → «\u2068${c.after}\u2069»`)
    return ` — ${summary(diff)}${shown.length > 0 ? `: ${shown.join(', ')}` : ''}`
  }
  const listed = async (): Promise<string[]> => (files.length > 0 ? files.map((f) => path.resolve(f)) : (await listArticles(config.contentDir)).map((f) => path.resolve(f)))
  /** The sources to build; throws a `name-collision` failure (nothing built) when two of them would share files. */
  const sources = async (): Promise<string[]> => {
    const all = await listed()
    await assertNoCollisions(all.map((f) => path.relative(process.cwd(), f) || f), { outDir: config.outDir, press: config.press === true })
    return all
  }
  const onEvent = (e: BatchEvent): void => {
    if (e.kind === 'failed') failed.add(e.source)
    else failed.delete(e.source)
    if (e.kind === 'built') {
      inputs.set(e.source, new Set(e.inputs.map((f) => path.resolve(f))))
      const parts = e.written.map((w) => `${path.basename(w.path)} ${formatSize(w.bytes)} ${Math.round(w.ms)} ms`)
      log(`${verb} ${path.relative(process.cwd(), e.source)} in ${Math.round(e.ms)} ms: ${parts.join(', ')}${changes(e.source)}`)
    } else if (e.kind === 'fresh') {
      inputs.set(e.source, new Set([e.source, ...store.inputsOf(cacheKey(e.source, config))]))
      changes(e.source)
    } else if (e.kind === 'failed') {
      inputs.set(e.source, new Set([...(inputs.get(e.source) ?? []), e.source]))
    }
  }
  let verb = 'built'
  /**
   * The toolchain's fingerprint, taken once: the code running is the code
   * that started (even if a newer one is installed meanwhile) and the fonts
   * do not change; only a saved stylesheet changes it (see flush). Taking it
   * walks every module file, 10–30 ms of every rebuild before it could start.
   */
  let toolchain: Promise<string> | undefined
  const build = async (list: readonly string[], force: boolean): Promise<void> => {
    toolchain ??= toolchainKey(config)
    const key = await toolchain.catch((error: unknown) => {
      toolchain = undefined
      throw error
    })
    const result = await runBatch(list, { config, browsers, jobs: config.jobs, onEvent, signal, cache: { store, toolchain: key, force } })
    // Stopped by Ctrl-C: the articles it cut short are not failures to report.
    if (signal.aborted) return
    reportBatch(result, log)
    await hooks.onBuilt?.(list)
    // Keep the record true, so a later `build` knows these are fresh.
    await store.save()
  }

  // chokidar, one folder deep on each folder it is given: it sees files
  // saved whole or replaced by rename (editors' atomic saves), and folders
  // created later, which it reports so they are watched too. Never the
  // outputs, the caches or hidden, version-control and dependency folders.
  const outDir = path.resolve(config.outDir)
  const skipped = (file: string): boolean => {
    const name = path.basename(file)
    return name.startsWith('.') || name === 'node_modules' || file === outDir || file.startsWith(outDir + path.sep)
  }
  const watcher = watch([], { depth: 0, ignoreInitial: true, followSymlinks: false, ignored: skipped })
  const watched = new Set<string>()
  let first: string[]
  try {
    first = await sources()
  } catch (error) {
    if (!isFailure(error, 'name-collision')) throw error
    await watcher.close()
    await browsers.close()
    return reportFailure(error, log)
  }
  try {
    await build(first, false)
    if (signal.aborted) {
      log('stopped during the first build; nothing is being watched')
      return INTERRUPTED
    }
    verb = 'rebuilt'
    let pending = new Set<string>()
    let timer: NodeJS.Timeout | undefined
    let running: Promise<void> = Promise.resolve()
    const flush = (): void => {
      const changed = pending
      pending = new Set()
      running = running.then(async () => {
        const all = await sources()
        const styles = [...changed].some((f) => f.startsWith(STYLES_DIR + path.sep))
        if (styles) {
          reloadStylesheets()
          toolchain = undefined
        }
        const below = (s: string): boolean => [...changed].some((f) => f.startsWith(path.dirname(s) + path.sep))
        const affected = styles ? all : all.filter((s) => changed.has(s) || [...changed].some((f) => inputs.get(s)?.has(f)) || !inputs.has(s) || (failed.has(s) && below(s)))
        if (affected.length > 0) await build(affected, true)
        watchInputs()
      }).catch((error: unknown) => void reportFailure(error, log))
    }
    const saw = (file: string): void => {
      pending.add(path.resolve(file))
      clearTimeout(timer)
      timer = setTimeout(flush, SETTLE_MS)
    }
    /** Watch `folder` and the files in it (not the folders below it), once. */
    const watchFolder = (folder: string): void => {
      const dir = path.resolve(folder)
      if (watched.has(dir) || skipped(dir)) return
      watched.add(dir)
      watcher.add(dir)
    }
    /**
     * A folder made while watching (a book's, an `images/`): watch it and the
     * folders in it, and count everything already saved there as changed,
     * since it may have arrived before the folder's watch began.
     */
    const adopt = async (folder: string): Promise<void> => {
      for (const dir of await foldersUnder(folder)) {
        if (skipped(dir)) continue
        watchFolder(dir)
        for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isFile()) saw(path.join(dir, entry.name))
      }
      saw(folder)
    }
    watcher.on('all', (event, file) => {
      if (event === 'addDir') void adopt(file).catch(() => saw(file))
      else saw(file)
    })
    watcher.on('error', (error: unknown) => log(`watch: ${(error as Error).message}`))
    /** The folders of everything the built articles were made from (images, chapters, a folder book). */
    const watchInputs = (): void => {
      for (const set of inputs.values()) {
        for (const input of set) {
          watchFolder(path.dirname(input))
          if (statSync(input, { throwIfNoEntry: false })?.isDirectory()) watchFolder(input)
        }
      }
    }
    // Named files: their folders and what they use, never every folder below
    // the current one. The content folder: it and its sub-folders (books),
    // each entered once whatever links lead there, without node_modules or .git.
    const roots = files.length > 0 ? [...new Set(files.map((f) => path.dirname(path.resolve(f))))] : [path.resolve(config.contentDir)]
    for (const dir of files.length > 0 ? roots : await foldersUnder(roots[0]!)) watchFolder(dir)
    watchFolder(STYLES_DIR)
    // After each rebuild too (see flush): an image added to the text brings its folder.
    watchInputs()
    // Ready before saying so: a folder made right after the line is seen.
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
    log(`watching ${roots.map((r) => path.relative(process.cwd(), r) || '.').join(', ')} and the styles; Ctrl-C to stop`)
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve()
      else signal.addEventListener('abort', () => resolve(), { once: true })
    })
    await running
    return 0
  } finally {
    await watcher.close()
    await browsers.close()
  }
}
