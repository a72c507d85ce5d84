/**
 * The press cover: one page whose artwork fills the A4 trim and the 3 mm
 * bleed on every side, made into PDF/X-4 by the same pass as the interior
 * (`pressDocument`: output intent, XMP, boxes, crop marks). The artwork comes
 * from the pipeline (`PressCoverArt`): the generated cover as Chromium's
 * vector page of exactly the bleed's size, placed as a form XObject (its
 * fonts embedded with it), or the author's own image, scaled to cover the
 * bleed box like CSS `object-fit: cover` and centred, the overflow clipped.
 */
import { clip, endPath, PDFDocument, PDFName, popGraphicsState, pushGraphicsState, rectangle, type PDFPage } from 'pdf-lib'
import { imageSize } from 'image-size'
import type { CoverImage, PressCoverArt } from '../../../publication/cover-image.ts'
import type { Edition } from '../../../publication/edition.ts'
import { A4, postprocessPdf } from '../postprocess.ts'
import { PRESS } from './marks.ts'
import { pressPdf, type PressOptions } from './press.ts'
import { failure } from '../../../util/failure.ts'

/**
 * The least effective resolution of a cover image: print shops' preflight
 * profiles flag images below about 250 ppi (300 is the target).
 */
export const MIN_COVER_PPI = 250

/** A rectangle in points, PDF coordinates. */
export interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** The bleed box of an A4 page: the area the cover's artwork must fill. */
export const COVER_BLEED: Box = { x: -PRESS.bleed, y: -PRESS.bleed, width: A4.width + 2 * PRESS.bleed, height: A4.height + 2 * PRESS.bleed }

/**
 * Where an image of `pixels` goes to cover `box` (CSS `object-fit: cover`,
 * centred), and the resolution it then prints at, in pixels per inch.
 */
export function coverFit(pixels: { readonly width: number; readonly height: number }, box: Box = COVER_BLEED): Box & { readonly ppi: number } {
  const scale = Math.max(box.width / pixels.width, box.height / pixels.height)
  const width = pixels.width * scale
  const height = pixels.height * scale
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height, ppi: 72 / scale }
}

/** The colour components of a JPEG's frame (1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK), from its SOF marker. */
export function jpegComponents(bytes: Uint8Array): number | undefined {
  let i = 2
  while (i + 9 < bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): length, precision, height, width, components.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return bytes[i + 9]
    i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!)
  }
  return undefined
}

/**
 * Refuse a cover image the press file could not carry: a CMYK JPEG would be
 * DeviceCMYK under an sRGB output intent, which PDF/X-4 forbids (and no
 * freely licensed CMYK profile ships to describe it instead).
 */
export function assertPressImage(image: CoverImage, file?: string): void {
  if (image.mediaType === 'image/jpeg' && jpegComponents(image.bytes) === 4) {
    throw failure('press-cover-cmyk', 'The cover image is a CMYK JPEG: the press cover declares sRGB (PDF/X-4 allows no device CMYK beside it); save the cover as an RGB JPEG or PNG, and the print shop converts it to its press', file ? { file } : {})
  }
}

/** Draw `image` onto `page` covering the bleed box; returns its effective resolution. */
async function placeImage(pdf: PDFDocument, page: PDFPage, image: CoverImage): Promise<number> {
  const size = image.width && image.height ? { width: image.width, height: image.height } : imageSize(image.bytes)
  if (!size.width || !size.height) throw new Error('the cover image has no size')
  const embedded = image.mediaType === 'image/png' ? await pdf.embedPng(image.bytes) : await pdf.embedJpg(image.bytes)
  const fit = coverFit({ width: size.width, height: size.height })
  page.pushOperators(pushGraphicsState(), rectangle(COVER_BLEED.x, COVER_BLEED.y, COVER_BLEED.width, COVER_BLEED.height), clip(), endPath())
  page.drawImage(embedded, fit)
  page.pushOperators(popGraphicsState())
  // A PNG with alpha gets a soft mask: PDF/X-4 wants the page to say how it blends.
  page.node.set(PDFName.of('Group'), pdf.context.obj({ Type: 'Group', S: 'Transparency', CS: 'DeviceRGB' }))
  return fit.ppi
}

/** The press cover PDF, and the resolution its image prints at (none for a vector page). */
export interface PressCover {
  readonly bytes: Uint8Array
  readonly ppi?: number
}

/** Make the press cover of `edition` from `art`. */
export async function pressCoverPdf(art: PressCoverArt, edition: Edition, options: PressOptions): Promise<PressCover> {
  const pdf = await PDFDocument.create({ updateMetadata: false })
  const page = pdf.addPage([A4.width, A4.height])
  let ppi: number | undefined
  if (art.kind === 'page') {
    const [drawn] = await pdf.embedPdf(art.pdf, [0])
    if (!drawn) throw new Error('the generated press cover has no page')
    // Chromium rounds the page size to its own units: stretch it to the exact bleed box.
    page.pushOperators(pushGraphicsState(), rectangle(COVER_BLEED.x, COVER_BLEED.y, COVER_BLEED.width, COVER_BLEED.height), clip(), endPath())
    page.drawPage(drawn, COVER_BLEED)
    page.pushOperators(popGraphicsState())
  } else {
    assertPressImage(art.image, edition.file.path)
    ppi = await placeImage(pdf, page, art.image)
  }
  // The interior's metadata (title, language, dates from the edition), then the press pass.
  const { slug, meta } = edition
  const finished = await postprocessPdf(pdf, edition, { producer: options.producer, fileId: `${slug}-${meta.edition}-${meta.date}-press-cover` })
  return { bytes: await pressPdf(finished, edition, options), ...(ppi === undefined ? {} : { ppi }) }
}
