/**
 * Building many articles: a bounded number at a time, all PDFs through one
 * warm browser, EPUB work overlapping PDF rendering (each article writes both
 * at once), and the build record consulted so unchanged editions are skipped.
 */
import { realpathSync } from 'node:fs'
import path from 'node:path'
import type { VFile } from 'vfile'
import type { Config } from '../config/schema.ts'
import { readDocument, readOptions, slugOf } from '../source/read.ts'
import type { Written } from './article.ts'
import type { BrowserPool } from './browser-pool.ts'
import type { BuildCache } from './cache.ts'

/** What happened to one article, as it happens. */
export type BatchEvent =
  | { readonly kind: 'start'; readonly source: string }
  | { readonly kind: 'built'; readonly source: string; readonly written: readonly Written[]; readonly inputs: readonly string[]; readonly ms: number }
  | { readonly kind: 'fresh'; readonly source: string }
  | { readonly kind: 'failed'; readonly source: string; readonly error: unknown }

/** How a batch runs. */
export interface BatchOptions {
  readonly config: Config
  readonly browsers: BrowserPool
  /** Articles in flight at once (each renders one PDF page at a time). */
  readonly jobs: number
  /**
   * The build record, consulted (unless `force`) and kept up to date; without
   * one every article is built. `toolchain` may still be being taken: it is
   * waited for only by an edition the record knows, and by the recording.
   */
  readonly cache?: { readonly store: BuildCache; readonly toolchain: string | Promise<string>; readonly force?: boolean }
  readonly onEvent?: (event: BatchEvent) => void
  readonly signal?: AbortSignal
  /**
   * Close the browser as soon as the last article has done its renderings
   * (a build), instead of keeping it for more (`watch`).
   */
  readonly closeWhenDone?: boolean
}

/** The outcome of a batch. */
export interface BatchResult {
  readonly built: number
  readonly fresh: number
  readonly failed: number
  /** Every source read, with its messages, for the report. */
  readonly files: readonly VFile[]
  /** The errors that were not content problems (VFileMessages are in `files`). */
  readonly errors: readonly { source: string; error: unknown }[]
}

/**
 * The build record's key for `source`'s edition: the source's real path (two
 * sources with one slug, `drafts/a.md` and `content/a.md`, are two editions;
 * a link and its target are one) and the output folder.
 */
export function cacheKey(source: string, config: Config): string {
  let real: string
  try {
    real = realpathSync(source)
  } catch {
    real = path.resolve(source)
  }
  return `${real} -> ${path.resolve(config.outDir, slugOf(source))}`
}

/** Build `sources` (in order of start; they finish in any order). */
export async function runBatch(sources: readonly string[], options: BatchOptions): Promise<BatchResult> {
  const { config, cache, onEvent = () => {} } = options
  const files: VFile[] = []
  const errors: { source: string; error: unknown }[] = []
  let built = 0
  let fresh = 0
  const queue = [...sources]
  const worker = async (): Promise<void> => {
    for (let source = queue.shift(); source !== undefined; source = queue.shift()) {
      options.signal?.throwIfAborted()
      // Held until the article holds the browser itself (or is found up to date): the last
      // article closes it once its renderings are done, and no other may be left without it.
      const waiting = options.browsers.hold()
      if (queue.length === 0 && options.closeWhenDone) options.browsers.closeWhenIdle()
      const key = cacheKey(source, config)
      if (cache && !cache.force && (await cache.store.upToDate(key, cache.toolchain))) {
        fresh++
        onEvent({ kind: 'fresh', source })
        waiting()
        continue
      }
      onEvent({ kind: 'start', source })
      const start = performance.now()
      try {
        // Read the text and its front matter first (milliseconds): the
        // commonest bad input, a broken front matter or encoding, is refused
        // before any browser starts. Then start the browser the PDF needs and
        // load the rest of the code and parse the text while it starts (the
        // first article only pays).
        const read = await readDocument(source, readOptions(config))
        if (config.formats.includes('pdf')) await options.browsers.warm()
        const { buildArticle } = await import('./article.ts')
        const building = buildArticle(read, config, options.browsers, options.signal)
        waiting()
        const result = await building
        files.push(...result.files)
        built++
        await cache?.store.record(key, cache.toolchain, result.inputs, result.written.map((w) => w.path))
        onEvent({ kind: 'built', source, written: result.written, inputs: result.inputs, ms: performance.now() - start })
      } catch (error) {
        waiting()
        cache?.store.forget(key)
        errors.push({ source, error })
        onEvent({ kind: 'failed', source, error })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, sources.length)) }, worker))
  return { built, fresh, failed: errors.length, files, errors }
}
