/**
 * Building one article: read → tree → edition → EPUB and PDF, written
 * side by side. A failure leaves the previous edition's files untouched.
 */
import path from 'node:path'
import type { VFile } from 'vfile'
import type { Config } from '../config/schema.ts'
import { readDocument, readOptions } from '../source/read.ts'
import { checkCover, checkImages } from '../tree/resources.ts'
import { liftTitleHeading } from '../tree/opening-heading.ts'
import { toHast } from '../tree/processor.ts'
import { attachChapterCorrections, attachCorrections } from '../publication/corrections.ts'
import { historyPath, type EditionRecord } from '../source/history.ts'
import { editionFacts, makeEdition, type Edition } from '../publication/edition.ts'
import { buildEpub } from '../writers/epub/write.ts'
import { coverSource } from '../writers/cover/render-cover.ts'
import { pressCoverSource } from '../writers/cover/press-cover.ts'
import { buildPdfs, pdfSettings, type BuiltPdfs } from '../writers/pdf/write.ts'
import { writeFilesAtomic } from '../util/atomic.ts'
import { Lull } from '../util/lull.ts'
import { prepareArticlePage, writeArticlePage } from '../writers/site/article-page.ts'
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


/**
 * Turn a document already read (from disk, or from a text held in memory by
 * `release`) into an edition: its tree, checked images and cover, the
 * corrections its colophon lists (computed from `history`, by default the
 * file beside the article), and the inputs the build record follows.
 */
export async function editionOf(file: VFile, config: Config, history?: readonly EditionRecord[]): Promise<Edition> {
  await attachCorrections(file, history)
  if (file.data.book) {
    const book = await loadBook(file, config)
    await attachChapterCorrections(file, book.chapters, history)
    return book
  }
  const tree = await toHast(file, hastOptions(config))
  liftTitleHeading(tree, file)
  const baseDir = path.dirname(path.resolve(file.path))
  const images = await checkImages(file, baseDir)
  const cover = await checkCover(file, baseDir)
  return makeEdition(file, tree, baseDir, [], [file.path, historyPath(file.path), ...images.map((i) => i.file), ...(cover ? [cover.file] : [])], images)
}

/** `source` read (its front matter validated), or as given when it was read already. */
async function readSource(source: string | VFile, config: Config): Promise<VFile> {
  return typeof source === 'string' ? readDocument(source, readOptions(config)) : source
}

/** Read and parse `source` (an article or a book, or one already read) into an edition (no output yet). */
export async function loadEdition(source: string | VFile, config: Config): Promise<Edition> {
  return editionOf(await readSource(source, config), config)
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

function pressBytes(printed: BuiltPdfs, which: 'press' | 'pressCover'): Uint8Array {
  const bytes = printed[which]
  if (!bytes) throw new Error(`the ${which === 'press' ? 'press PDF' : 'press cover'} was asked for but not built`)
  return bytes
}

/**
 * Build `source` into `config.outDir`. Throws a fatal VFileMessage for bad
 * input. Every format is made in memory first and the files are replaced
 * together at the end, so a failure (or `kill -9`) anywhere leaves the whole
 * previous edition, never a new EPUB beside an old PDF.
 */
export async function buildArticle(source: string | VFile, config: Config, browsers: BrowserPool, signal?: AbortSignal): Promise<ArticleResult> {
  // Until the PDF's last rendering (or, without a PDF, the cover) is done: the browser may close then (browser-pool.ts).
  const release = browsers.hold()
  try {
    return await buildWith(source, config, browsers, release, signal)
  } finally {
    release()
  }
}

async function buildWith(source: string | VFile, config: Config, browsers: BrowserPool, release: () => void, signal?: AbortSignal): Promise<ArticleResult> {
  const file = await readSource(source, config)
  // One cover for the EPUB and the reader page, drawn (if it must be) on the first call.
  let coverDrawn = (): void => {}
  const tabFree = new Promise<void>((resolve) => (coverDrawn = resolve))
  const cover = coverSource(editionFacts(file), () => browsers.get(), { onDrawn: () => coverDrawn(), ...(signal ? { signal } : {}) })
  // The cover first when anything shows it (each job only picks up its own
  // failure). A generated cover needs only the front matter: Chromium draws
  // it while Node parses the text (a 50-chapter book: about a second it sat
  // idle), and the PDF's first rendering need not wait for it. An image the
  // front matter names is checked with the text, then read.
  const showsCover = config.formats.some((f) => f !== 'pdf')
  if (showsCover && file.data.meta?.cover === undefined) cover().catch(() => undefined)
  const edition = await editionOf(file, config)
  // When the text was read and parsed, in ms since the process started (the cover logs when it was wanted).
  if (process.env.CHAPKHANA_TIMING) process.stderr.write(`edition loaded: ${performance.now().toFixed(0)} ms\n`)
  const base = path.resolve(config.outDir, edition.slug)
  const jobs: Promise<Built>[] = []
  if (showsCover) cover().catch(() => undefined)
  // The PDF's renderings are the longest chain of the build, and each waits
  // for Node to prepare it: the EPUB is made while Chromium prints, in the
  // time Node would otherwise wait for it (util/lull.ts, docs/benchmarks.md).
  const lull = new Lull()
  // So is the reader page's text and its fonts (it is written last, with the sizes of the files).
  const prepared = config.formats.includes('html') ? prepareArticlePage(edition, lull) : undefined
  prepared?.catch(() => undefined)
  if (config.formats.includes('epub')) jobs.push(timed(`${base}.epub`, () => buildEpub({ edition, generator: GENERATOR, cover, lull, ...(signal ? { signal } : {}) })))
  if (config.formats.includes('pdf')) {
    // One rendering gives both PDFs; a press PDF that fails fails the edition.
    const printed = (async () => {
      // The cover first, when an EPUB or a reader page shows it, then the PDF
      // in the tab the cover used: a second tab costs Chromium more CPU than
      // the wait (docs/benchmarks.md). The PDF waits only for the browser's
      // part of the cover (its screenshot), not for Node making it small, so
      // Chromium prints while Node works. A PDF alone needs no cover. A cover
      // that fails says so in the EPUB's or the reader page's job.
      if (showsCover) await Promise.race([cover().catch(() => undefined), tabFree])
      // The press cover: the EPUB's own cover image, or the generated one drawn at the press size.
      const pressCover = config.press ? { pressCover: pressCoverSource(edition, cover, () => browsers.get(), signal ? { signal } : {}) } : {}
      return buildPdfs({ edition, generator: GENERATOR, browser: await browsers.get(), ...pdfSettings(config), ...pressCover, rendered: release, lull, ...(signal ? { signal } : {}) }, config.press === true)
    })()
    printed.catch(() => undefined).finally(() => lull.end())
    jobs.push(timed(`${base}.pdf`, async () => (await printed).pdf))
    if (config.press) jobs.push(timed(`${base}-press.pdf`, async () => pressBytes(await printed, 'press')))
    if (config.press) jobs.push(timed(`${base}-press-cover.pdf`, async () => pressBytes(await printed, 'pressCover')))
  } else lull.end()
  const settled = await Promise.allSettled(jobs)
  // The reader page below shows the same cover, drawn once: then the browser may go.
  if (showsCover) await cover().catch(() => undefined)
  release()
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
  const built = settled.map((s) => (s as PromiseFulfilledResult<Built>).value)
  signal?.throwIfAborted()
  const start = performance.now()
  await writeFilesAtomic(built)
  const writing = performance.now() - start
  const written = built.map((b) => ({ path: b.target, bytes: b.bytes.length, ms: b.ms + writing }))
  // The reader page comes last: it shows the sizes of the files just written.
  const page = config.formats.includes('html') ? await writeArticlePage({ edition, written, outDir: config.outDir, cover, ...(prepared ? { prepared } : {}), ...(signal ? { signal } : {}) }) : []
  return { files: [edition.file, ...edition.chapters], inputs: edition.inputs, written: [...written, ...page] }
}
