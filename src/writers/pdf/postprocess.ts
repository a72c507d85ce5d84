/**
 * Post-processing Chromium's PDF with pdf-lib: an exact A4 page box (Chromium
 * writes 594.96 × 841.92 pt), document metadata and language, dates from the
 * edition (never the clock, so builds repeat byte for byte), structure ids
 * in reading order (`element-ids.ts`, likewise), and the viewer
 * preference that makes two-page view open right-to-left books correctly.
 */
import { PDFDocument, PDFName, PDFString, ReadingDirection } from 'pdf-lib'
import type { Edition } from '../../publication/edition.ts'
import { writeOutline, type Bookmark } from './outline.ts'
import { joinContinued, tagFootNotes } from './footnotes/tags.ts'
import { stableElementIds } from './element-ids.ts'
import { modifiedDate } from '../../publication/modified.ts'
import { loadPdf, savePdf } from './pdf-lib.ts'

/** A4 in PostScript points. */
export const A4 = { width: 595.28, height: 841.89 } as const

/** Version string written as the PDF producer. */
export interface PostprocessOptions {
  readonly producer: string
  /** The outline under the title (every printed heading); none when not given. */
  readonly bookmarks?: readonly Bookmark[]
  /** What the file identifier is made from (default: slug, edition and date): another document of the edition (the press cover) names itself. */
  readonly fileId?: string
}

/** Return the finished PDF bytes for `edition`, from Chromium's bytes or a merged document. */
export async function postprocessPdf(raw: Uint8Array | PDFDocument, edition: Edition, options: PostprocessOptions): Promise<Uint8Array> {
  const pdf = raw instanceof PDFDocument ? raw : await loadPdf(raw)
  for (const page of pdf.getPages()) {
    page.setMediaBox(0, 0, A4.width, A4.height)
    page.setCropBox(0, 0, A4.width, A4.height)
    page.setTrimBox(0, 0, A4.width, A4.height)
    page.setBleedBox(0, 0, A4.width, A4.height)
  }
  const { meta } = edition
  // The build's time, as the EPUB's dcterms:modified: never a 1910 journal's own date.
  const date = new Date(modifiedDate(edition))
  pdf.setTitle(meta.title, { showInWindowTitleBar: true })
  if (meta.author) pdf.setAuthor(meta.author.join(', '))
  pdf.setSubject(meta.description ?? edition.file.data.teaser?.slice(0, 300) ?? meta.title)
  if (meta.subject) pdf.setKeywords([...meta.subject])
  pdf.setCreator('chapkhana')
  pdf.setProducer(options.producer)
  pdf.setCreationDate(date)
  pdf.setModificationDate(date)
  pdf.setLanguage(edition.lang)
  const prefs = pdf.catalog.getOrCreateViewerPreferences()
  prefs.setReadingDirection(edition.dir === 'rtl' ? ReadingDirection.R2L : ReadingDirection.L2R)
  prefs.setDisplayDocTitle(true)
  // Open on the outline when there is one, so readers see the chapters.
  if (options.bookmarks) {
    writeOutline(pdf, meta.title, options.bookmarks)
    pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
  }
  // Notes at the page foot are tagged as notes (Chromium tags them as a list in an aside).
  tagFootNotes(pdf)
  joinContinued(pdf)
  // Chromium's ids count the DOM nodes its renderer ever made: numbered again, in reading order.
  stableElementIds(pdf)
  // A stable file identifier derived from the content, for reproducible bytes.
  const id = PDFString.of(options.fileId ?? `${edition.slug}-${meta.edition}-${meta.date}`)
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id])
  return savePdf(pdf)
}
