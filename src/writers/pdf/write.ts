/**
 * Writing the A4 PDF: print HTML → Chromium → pdf-lib post-processing →
 * atomic write. A book with several chapters is laid out more than once: the
 * first rendering tells where each chapter and section landed, the next one
 * prints those page numbers in the table of contents and starts each
 * chapter's running head after its opening page; when that moves anything
 * (a longer table of contents), lay out again, `MAX_PASSES` renderings in all.
 */
import path from 'node:path'
import type { PDFDocument } from 'pdf-lib'
import type { Browser } from 'puppeteer'
import { writeFileAtomic } from '../../util/atomic.ts'
import type { Edition } from '../../publication/edition.ts'
import type { OutputArgs } from '../../publication/output-args.ts'
import { printWarnings } from './fit.ts'
import { NO_LULL, type Lull } from '../../util/lull.ts'
import { bookmarksOf } from './outline.ts'
import { postprocessPdf } from './postprocess.ts'
import { firstLayout, type PrintLayout } from './print-html.ts'
import { renderPdf } from './render.ts'
import { pressPdf } from './press/press.ts'
import { MIN_COVER_PPI, pressCoverPdf } from './press/cover.ts'
import type { PressCoverSource } from '../../publication/cover-image.ts'
import { settle, type RenderHtml } from './settle.ts'
import { paginateBook } from './book.ts'
import { PART_CHARS } from './parts.ts'
import { printChapters, type PrintChapter } from './chapters.ts'
import type { Config, NotesPlacement } from '../../config/schema.ts'

/** What printing needs beyond the common output arguments. */
export interface PdfArgs extends OutputArgs {
  readonly browser: Browser
  readonly timeoutMs: number
  /** Where notes print when the front matter does not say (default: at the foot of the page). */
  readonly notes?: NotesPlacement
  /**
   * Lay a book out in parts of about this many characters and merge them
   * (`book.ts`; default `PART_CHARS`); 0: one document.
   */
  readonly bookParts?: number
  /** The press cover's artwork, from the pipeline: with `press`, the press cover is made from it. */
  readonly pressCover?: PressCoverSource
  /** Called once the browser is no longer needed: the last rendering (and the press cover's drawing) is done. */
  readonly rendered?: () => void
  /** Told while each rendering prints, so that work waiting for Chromium to be busy (the EPUB) runs then; ended by the caller. */
  readonly lull?: Lull
}

/**
 * The printing settings a project's config gives: one place, so that `build`,
 * `release` and `--rebuild` print an edition alike.
 */
export function pdfSettings(config: Pick<Config, 'renderTimeoutMs' | 'notes' | 'bookParts'>): Pick<PdfArgs, 'timeoutMs' | 'notes' | 'bookParts'> {
  return { timeoutMs: config.renderTimeoutMs, ...(config.notes ? { notes: config.notes } : {}), bookParts: config.bookParts }
}

export { MAX_PASSES } from './settle.ts'

/**
 * Lay out and render `edition` as one document until the layout prints what
 * the rendering showed (table of contents numbers, blank versos, notes at the
 * foot of their pages); the raw PDF and the passes it took. An edition with
 * nothing to measure is rendered once.
 */
export async function paginate(edition: Edition, render: RenderHtml, notes: NotesPlacement = 'foot', chapters?: readonly PrintChapter[]): Promise<{ bytes: Uint8Array; passes: number; layout: PrintLayout; pdf?: PDFDocument }> {
  const { bytes, passes, layout, pdf } = await settle(edition, firstLayout(edition, notes, chapters), render)
  return { bytes, passes, layout, ...(pdf ? { pdf } : {}) }
}

/** The PDFs of one edition: the regular one, and the press one and its cover when asked for. */
export interface BuiltPdfs {
  readonly pdf: Uint8Array
  readonly press?: Uint8Array
  readonly pressCover?: Uint8Array
}

/** The press cover from `art`, warning on `edition` when its image would print coarse. */
async function pressCover(edition: Edition, art: PressCoverSource, producer: string): Promise<Uint8Array> {
  const cover = await pressCoverPdf(await art(), edition, { producer })
  if (cover.ppi !== undefined && cover.ppi < MIN_COVER_PPI) {
    const need = 'about 2551 × 3579 pixels fill the 216 × 303 mm of trim and bleed at 300 ppi'
    edition.file.message(`The cover image prints at ${Math.round(cover.ppi)} ppi on the press cover, below the ${MIN_COVER_PPI} ppi a print shop accepts: ${need}`, { ruleId: 'press-cover-resolution', source: 'chapkhana' })
  }
  return cover.bytes
}

/**
 * Build the regular PDF and, with `press`, the PDF/X-4 press edition from the
 * same rendering, and its cover when the pipeline passes the artwork.
 */
export async function buildPdfs({ edition, browser, timeoutMs, generator, signal, notes, bookParts = PART_CHARS, pressCover: art, rendered, lull }: Omit<PdfArgs, 'target'>, press = false): Promise<BuiltPdfs> {
  const render = (html: string, draft = false) => renderPdf({ browser, html, roots: [edition.baseDir], timeoutMs, draft, ...(signal ? { signal } : {}), ...(lull ? { lull } : {}) })
  // What print must shrink, break or would print coarse, said once per build:
  // only messages, looked for while Chromium prints the first rendering.
  const warned = (lull ?? NO_LULL).wait().then(() => printWarnings(edition))
  warned.catch(() => undefined)
  const chapters = printChapters(edition)
  // A book is laid out part by part and merged; an article (one chapter) in one document.
  // The browser may go as soon as the last rendering is done (before a book's merge), unless the press cover is still to draw.
  const done = !press || !art ? rendered : undefined
  // A measured rendering is finished from the layout loop's parse of it, not parsed again.
  const single = async () => {
    const { bytes, pdf } = await paginate(edition, render, notes, chapters)
    return pdf ?? bytes
  }
  const raw = chapters.length >= 2 && bookParts > 0 ? await paginateBook(edition, chapters, render, notes, bookParts, done) : await single()
  done?.()
  await warned
  const pdf = await postprocessPdf(raw, edition, { producer: generator, bookmarks: bookmarksOf(chapters) })
  if (!press) return { pdf }
  const interior = await pressPdf(pdf, edition, { producer: generator })
  // After the interior, in the tab it used: the cover is drawn only now.
  const cover = art ? await pressCover(edition, art, generator) : undefined
  // Without artwork the browser was let go after the last rendering already.
  if (art) rendered?.()
  return { pdf, press: interior, ...(cover ? { pressCover: cover } : {}) }
}

/** Build the finished PDF bytes. */
export async function buildPdf(args: Omit<PdfArgs, 'target'>): Promise<Uint8Array> {
  return (await buildPdfs(args)).pdf
}

/** Write `out/<slug>.pdf` atomically; returns the path written. */
export async function writePdf(args: PdfArgs): Promise<string> {
  const bytes = await buildPdf(args)
  args.signal?.throwIfAborted()
  return writeFileAtomic(path.resolve(args.target), bytes)
}
