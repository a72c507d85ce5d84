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
import { attachCorrections } from '../editions/corrections.ts'
import { makeEdition, type Edition } from '../output/edition.ts'
import { writeEpub } from '../output/epub/write.ts'
import { writePdf } from '../output/pdf/write.ts'
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
  await attachCorrections(file) // colophon corrections, when the front matter asks (issue 5)
  const tree = await toHast(file, { latinLang: config.latinLang, ...(config.proofing ? { severity: config.proofing } : {}) })
  const baseDir = path.dirname(path.resolve(source))
  await checkImages(file, baseDir)
  return makeEdition(file, tree, baseDir)
}

async function timed(work: () => Promise<string>): Promise<Written> {
  const start = performance.now()
  const written = await work()
  return { path: written, ms: performance.now() - start }
}

/** Build `source` into `config.outDir`. Throws a fatal VFileMessage for bad input. */
export async function buildArticle(source: string, config: Config, browsers: BrowserPool, signal?: AbortSignal): Promise<ArticleResult> {
  const edition = await loadEdition(source, config)
  const base = path.join(config.outDir, edition.slug)
  const jobs: Promise<Written>[] = []
  const common = { edition, generator: GENERATOR, ...(signal ? { signal } : {}) }
  // Each write is atomic: a failure keeps that format's previous edition.
  if (config.formats.includes('epub')) jobs.push(timed(() => writeEpub({ ...common, target: `${base}.epub` })))
  if (config.formats.includes('pdf')) {
    jobs.push(timed(async () => writePdf({ ...common, target: `${base}.pdf`, browser: await browsers.get(), timeoutMs: config.renderTimeoutMs })))
  }
  const settled = await Promise.allSettled(jobs)
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
  return { file: edition.file, written: settled.map((s) => (s as PromiseFulfilledResult<Written>).value) }
}
