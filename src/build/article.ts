/**
 * Building one article: read → tree → edition → EPUB and PDF, written
 * side by side. A failure leaves the previous edition's files untouched.
 */
import path from 'node:path'
import type { VFile } from 'vfile'
import type { Config } from '../config/schema.ts'
import { readDocument } from '../document/read.ts'
import { checkImages } from '../document/resources.ts'
import { toHast } from '../markdown/processor.ts'
import { makeEdition, type Edition } from '../output/edition.ts'
import { buildEpub } from '../output/epub/write.ts'
import { buildPdf } from '../output/pdf/write.ts'
import { writeFilesAtomic } from '../util/atomic.ts'
import { GENERATOR } from '../version.ts'
import type { BrowserPool } from './browser-pool.ts'

/** One file written, for the report. */
export interface Written {
  readonly path: string
  readonly ms: number
}

/** The outcome of one article. */
export interface ArticleResult {
  readonly file: VFile
  readonly written: readonly Written[]
}

/** Read and parse `source` into an edition (no output yet). */
export async function loadEdition(source: string, config: Config): Promise<Edition> {
  const file = await readDocument(source, {
    ...(config.lang ? { lang: config.lang } : {}),
    ...(config.dir ? { dir: config.dir } : {})
  })
  const tree = await toHast(file, { latinLang: config.latinLang, ...(config.proofing ? { severity: config.proofing } : {}) })
  const baseDir = path.dirname(path.resolve(source))
  await checkImages(file, baseDir)
  return makeEdition(file, tree, baseDir)
}

/** One output in memory, with the time it took to make. */
interface Built {
  readonly target: string
  readonly bytes: Uint8Array
  readonly ms: number
}

async function timed(target: string, work: () => Promise<Uint8Array>): Promise<Built> {
  const start = performance.now()
  const bytes = await work()
  return { target, bytes, ms: performance.now() - start }
}

/**
 * Build `source` into `config.outDir`. Throws a fatal VFileMessage for bad
 * input. Every format is made in memory first and the files are replaced
 * together at the end, so a failure (or `kill -9`) anywhere leaves the whole
 * previous edition, never a new EPUB beside an old PDF.
 */
export async function buildArticle(source: string, config: Config, browsers: BrowserPool, signal?: AbortSignal): Promise<ArticleResult> {
  const edition = await loadEdition(source, config)
  const base = path.resolve(config.outDir, edition.slug)
  const jobs: Promise<Built>[] = []
  if (config.formats.includes('epub')) jobs.push(timed(`${base}.epub`, () => buildEpub(edition, GENERATOR)))
  if (config.formats.includes('pdf')) {
    jobs.push(timed(`${base}.pdf`, async () => buildPdf({ edition, generator: GENERATOR, browser: await browsers.get(), timeoutMs: config.renderTimeoutMs, ...(signal ? { signal } : {}) })))
  }
  const settled = await Promise.allSettled(jobs)
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
  const built = settled.map((s) => (s as PromiseFulfilledResult<Built>).value)
  signal?.throwIfAborted()
  const start = performance.now()
  await writeFilesAtomic(built)
  const writing = performance.now() - start
  return { file: edition.file, written: built.map((b) => ({ path: b.target, ms: b.ms + writing })) }
}
