/**
 * Building one article: read → tree → edition → EPUB and PDF, written
 * side by side. A failure leaves the previous edition's files untouched.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { VFile } from 'vfile'
import type { Config } from '../config/schema.ts'
import { readDocument } from '../document/read.ts'
import { checkCover, checkImages } from '../document/resources.ts'
import { toHast } from '../markdown/processor.ts'
import { makeEdition, type Edition } from '../output/edition.ts'
import { writeEpub } from '../output/epub/write.ts'
import { writePdf } from '../output/pdf/write.ts'
import { writeArticlePage } from '../output/site/article-page.ts'
import { GENERATOR } from '../version.ts'
import type { BrowserPool } from './browser-pool.ts'
import { hastOptions, loadBook } from './book.ts'

/** One file written, for the report. */
export interface Written {
  readonly path: string
  readonly bytes: number
  readonly ms: number
}

/** The outcome of one article or book. */
export interface ArticleResult {
  /** Every source read (a book's file and its chapters), for the report. */
  readonly files: readonly VFile[]
  readonly written: readonly Written[]
  /** Every file the edition was made from, for the build record. */
  readonly inputs: readonly string[]
}

/** Read and parse `source` (an article or a book) into an edition (no output yet). */
export async function loadEdition(source: string, config: Config): Promise<Edition> {
  const file = await readDocument(source, {
    ...(config.lang ? { lang: config.lang } : {}),
    ...(config.dir ? { dir: config.dir } : {})
  })
  if (file.data.book) return loadBook(file, config)
  const tree = await toHast(file, hastOptions(config))
  const baseDir = path.dirname(path.resolve(source))
  const images = await checkImages(file, baseDir)
  const cover = await checkCover(file, baseDir)
  return makeEdition(file, tree, baseDir, [], [file.path, ...images.map((i) => i.file), ...(cover ? [cover.file] : [])])
}

async function timed(work: () => Promise<string>): Promise<Written> {
  const start = performance.now()
  const written = await work()
  const ms = performance.now() - start
  return { path: written, bytes: (await stat(written)).size, ms }
}

/** Build `source` into `config.outDir`. Throws a fatal VFileMessage for bad input. */
export async function buildArticle(source: string, config: Config, browsers: BrowserPool, signal?: AbortSignal): Promise<ArticleResult> {
  const edition = await loadEdition(source, config)
  const base = path.join(config.outDir, edition.slug)
  const jobs: Promise<Written>[] = []
  const common = { edition, generator: GENERATOR, ...(signal ? { signal } : {}) }
  // Each write is atomic: a failure keeps that format's previous edition.
  if (config.formats.includes('epub')) jobs.push(timed(() => writeEpub({ ...common, target: `${base}.epub`, browser: () => browsers.get() })))
  if (config.formats.includes('pdf')) {
    jobs.push(timed(async () => writePdf({ ...common, target: `${base}.pdf`, browser: await browsers.get(), timeoutMs: config.renderTimeoutMs })))
  }
  const settled = await Promise.allSettled(jobs)
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
  const written = settled.map((s) => (s as PromiseFulfilledResult<Written>).value)
  // The reader page comes last: it shows the sizes of the files just written.
  const page = await writeArticlePage({ edition, written, outDir: config.outDir, browser: () => browsers.get(), ...(signal ? { signal } : {}) })
  return { files: [edition.file, ...edition.chapters], inputs: edition.inputs, written: [...written, ...page] }
}
