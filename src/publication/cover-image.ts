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
