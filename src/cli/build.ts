/**
 * `chapkhana build [files…]`: build every article and book (or the ones
 * named) into the output folder: one browser for all PDFs, a bounded number
 * of articles at a time, unchanged editions skipped (unless `--force`), an
 * optional deterministic shard, progress as it goes, one report at the end.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { Config } from '../config/schema.ts'
import { runBatch } from '../pipeline/batch.ts'
import { BrowserPool } from '../pipeline/browser-pool.ts'
import { BuildCache, toolchainKey } from '../pipeline/cache.ts'
import { findCollisions } from '../pipeline/collisions.ts'
import { inShard, type Shard } from '../pipeline/shard.ts'
import { isBookFileName } from '../source/book.ts'
import { slugOf } from '../source/read.ts'
import { writeSiteIndex } from '../writers/site/index-hook.ts'
import { failure } from '../util/failure.ts'
import { progressReporter, type ProgressSink } from './progress.ts'
import { failedFile, report, reportBatch, reportFailure } from './report.ts'

/**
 * Every Markdown article directly in `dir`, and every folder book in it
 * (`dir/<name>/book.md`), sorted by name. Chapters kept in sub-folders are
 * built as part of their book, not on their own.
 */
export async function listArticles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw failure('article-missing', `The content folder ${dir}/ does not exist: create it and put .md articles in it, or name files to build`, { file: dir })
    throw error
  })
  const found: string[] = []
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) found.push(entry.name)
    if (entry.isDirectory()) {
      const book = (await readdir(path.join(dir, entry.name)).catch(() => [] as string[])).find(isBookFileName)
      if (book) found.push(path.join(entry.name, book))
    }
  }
  return found.sort().map((n) => path.join(dir, n))
}

/** How `build` runs beyond the config. */
export interface BuildOptions {
  /** Rebuild even what is up to date. */
  readonly force?: boolean
  readonly shard?: Shard
  /** No per-file lines or progress, only problems and the summary. */
  readonly quiet?: boolean
  readonly sink?: ProgressSink
}

const stderrSink: ProgressSink = { write: (t) => process.stderr.write(t), isTTY: process.stderr.isTTY === true }

/** Build `files` (or all of `config.contentDir`); returns the exit code. */
export async function buildCommand(files: readonly string[], config: Config, options: BuildOptions = {}): Promise<number> {
  const sink = options.sink ?? stderrSink
  const log = (line: string): void => sink.write(`${line}\n`)
  const all = files.length > 0 ? [...files] : await listArticles(config.contentDir)
  if (all.length === 0) return reportFailure(failure('article-missing', `No articles in ${config.contentDir}/: add a Markdown file (see README)`, { file: config.contentDir }), log)
  // Before anything is written: no two sources may share an output or a history file.
  const collisions = await findCollisions(all, { outDir: config.outDir, press: config.press === true })
  if (collisions.length > 0) return report(collisions.map((c) => failedFile(c)), log)
  const { shard } = options
  const sources = shard ? all.filter((s) => inShard(slugOf(s), shard)) : all
  if (shard) log(`shard ${shard.index}/${shard.total}: ${sources.length} of ${all.length} articles`)
  if (sources.length === 0) {
    // The (empty) collection page and its manifest still go out, for `chapkhana index`.
    await writeSiteIndex(config, log, options.quiet === true)
    log('0 built, 0 up to date: nothing in this shard')
    return 0
  }

  const started = performance.now()
  const store = await BuildCache.open()
  // Taken while the first edition starts (runBatch waits for it only where the record knows an edition).
  const toolchain = toolchainKey(config)
  toolchain.catch(() => undefined)
  const progress = progressReporter(sources.length, sink, options.quiet)
  const browsers = new BrowserPool(config.renderTimeoutMs)
  let result
  try {
    result = await runBatch(sources, {
      config,
      browsers,
      jobs: config.jobs,
      closeWhenDone: true,
      cache: { store, toolchain, force: options.force === true },
      onEvent: progress.onEvent
    })
  } finally {
    progress.finish()
    await browsers.close()
    await store.save()
  }
  await writeSiteIndex(config, log, options.quiet === true)
  const code = reportBatch(result, log)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  log(`${result.built} built, ${result.fresh} up to date${result.failed ? `, ${result.failed} failed` : ''} in ${seconds} s${result.fresh && !options.force ? ' (--force rebuilds everything)' : ''}`)
  return code
}
