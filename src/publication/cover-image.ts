/**
 * The cover every writer shows, as the model gives it to them: the writers
 * (EPUB, reader page) never draw it themselves, so none of them imports the
 * cover writer; the pipeline hands each a `CoverSource` that reads the
 * article's own image or renders one, once.
 */

/** A cover image ready to go into a book or onto a web page. */
export interface CoverImage {
  readonly bytes: Buffer
  readonly mediaType: 'image/jpeg' | 'image/png'
  /** File extension without the dot. */
  readonly extension: 'jpg' | 'png'
  /** Size in pixels, when chapkhana drew it (an author's own image is not measured). */
  readonly width?: number
  readonly height?: number
}

/** The edition's cover, made on the first call (a browser is started only if it must be drawn). */
export type CoverSource = () => Promise<CoverImage>

/**
 * The press cover's artwork, as the pipeline hands it to the PDF writer
 * (which never imports the cover writer): the generated cover drawn by
 * Chromium as a one-page vector PDF the size of trim + bleed, so its
 * background truly runs into the bleed and its text stays inside the trim,
 * or the article's own image, which the PDF writer places to fill the bleed.
 */
export type PressCoverArt = { readonly kind: 'page'; readonly pdf: Uint8Array } | { readonly kind: 'image'; readonly image: CoverImage }

/**
 * The press cover's page in millimetres: the A4 trim (210 × 297 mm) and the
 * press edition's 3 mm bleed on every side (`writers/pdf/press/marks.ts`).
 */
export const PRESS_COVER_MM = { widthMm: 216, heightMm: 303 } as const

/** The press cover's artwork, made on the first call. */
export type PressCoverSource = () => Promise<PressCoverArt>
