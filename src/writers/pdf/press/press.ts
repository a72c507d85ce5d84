/**
 * The press edition: the finished A4 PDF made into a PDF/X-4 file a print
 * shop accepts. The pages are not laid out again: the same page content gets
 * a 3 mm bleed box around the exact A4 trim box, a media box large enough for
 * crop marks outside the bleed, the sRGB output intent (Chromium paints in
 * device RGB), an XMP packet naming PDF/X-4, and `/Trapped /False`. The
 * regular PDF is left as it is, for screens and office printers.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib'
import type { Edition } from '../../../publication/edition.ts'
import { A4 } from '../postprocess.ts'
import { srgbProfile, type OutputProfile } from './icc.ts'
import { cropMarks, PRESS, REGISTRATION, registrationSpace, SLUG } from './marks.ts'
import { xmpPacket } from './xmp.ts'
import { loadPdf, savePdf } from '../pdf-lib.ts'

/** What the press pass reads from the edition. */
export type PressFacts = Pick<Edition, 'meta' | 'lang' | 'slug'>

/** What the press pass needs beyond the edition. */
export interface PressOptions {
  readonly producer: string
  /** The output intent's profile (default: Debian's sRGB). */
  readonly profile?: OutputProfile
}

/** Set the trim, bleed and media boxes of every page and draw its crop marks. */
function pressPages(pdf: PDFDocument, registration: PDFArray): void {
  const { width, height } = A4
  const start = pdf.context.register(pdf.context.stream('q\n'))
  const end = pdf.context.register(pdf.context.stream(`Q\n${cropMarks(width, height)}`))
  for (const page of pdf.getPages()) {
    page.setMediaBox(-SLUG, -SLUG, width + 2 * SLUG, height + 2 * SLUG)
    page.setCropBox(-SLUG, -SLUG, width + 2 * SLUG, height + 2 * SLUG)
    page.setBleedBox(-PRESS.bleed, -PRESS.bleed, width + 2 * PRESS.bleed, height + 2 * PRESS.bleed)
    page.setTrimBox(0, 0, width, height)
    const { Resources } = page.node.normalizedEntries()
    let spaces = Resources.lookupMaybe(PDFName.of('ColorSpace'), PDFDict)
    if (!spaces) {
      spaces = pdf.context.obj({})
      Resources.set(PDFName.of('ColorSpace'), spaces)
    }
    spaces.set(PDFName.of(REGISTRATION), registration)
    // The page's own content runs inside q … Q, so the marks start from a clean graphics state.
    page.node.wrapContentStreams(start, end)
  }
}

/** The document-level PDF/X-4 parts: version, output intent, XMP, info entries. */
function pressCatalog(pdf: PDFDocument, edition: PressFacts, options: PressOptions): void {
  const xmp = xmpPacket({
    title: edition.meta.title,
    lang: edition.lang,
    authors: edition.meta.author ?? [],
    date: edition.meta.date,
    edition: edition.meta.edition,
    slug: edition.slug,
    producer: options.producer
  })
  // Uncompressed, so preflight tools (and people) can read it.
  const metadata = pdf.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' })
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(metadata))
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict)
  info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of('PDF/X-4'))
  info.set(PDFName.of('Trapped'), PDFName.of('False'))
}

/**
 * Make `pdf`, whose pages are laid out on an A4 trim at the origin (their
 * bleed drawn below and left of it where they have one), a PDF/X-4 file:
 * output intent, XMP, info entries, boxes and crop marks. Used for the
 * interior and for the cover (`cover.ts`), so both go to press alike.
 */
export async function pressDocument(pdf: PDFDocument, edition: PressFacts, options: PressOptions): Promise<Uint8Array> {
  const profile = options.profile ?? (await srgbProfile())
  const icc = pdf.context.register(pdf.context.flateStream(profile.bytes, { N: profile.components }))
  pdf.catalog.set(
    PDFName.of('OutputIntents'),
    pdf.context.obj([
      {
        Type: 'OutputIntent',
        S: 'GTS_PDFX',
        OutputConditionIdentifier: PDFString.of(profile.condition),
        Info: PDFString.of(profile.condition),
        RegistryName: PDFString.of('http://www.color.org'),
        DestOutputProfile: icc
      }
    ])
  )
  const registration = registrationSpace(pdf.context, icc)
  pressCatalog(pdf, edition, options)
  pressPages(pdf, registration)
  const saved = await savePdf(pdf)
  return asVersion16(saved)
}

/** Turn the finished regular PDF `bytes` into the press PDF. */
export async function pressPdf(bytes: Uint8Array, edition: PressFacts, options: PressOptions): Promise<Uint8Array> {
  return pressDocument(await loadPdf(bytes), edition, options)
}

const HEADER_17 = '%PDF-1.7'

/**
 * PDF/X-4 is PDF 1.6 (ISO 15930-7), and nothing chapkhana writes needs 1.7,
 * but pdf-lib always writes a 1.7 header: rewrite its last digit in place
 * (same length, so no offset in the cross-reference table moves).
 */
export function asVersion16(bytes: Uint8Array): Uint8Array {
  if (new TextDecoder().decode(bytes.subarray(0, HEADER_17.length)) !== HEADER_17) throw new Error('pdf-lib wrote an unexpected PDF header')
  const copy = new Uint8Array(bytes)
  copy[HEADER_17.length - 1] = '6'.charCodeAt(0)
  return copy
}
