/**
 * The EPUB's cover: the article's own image when its front matter names one
 * (checked at load time, see `tree/resources.ts`), else one rendered
 * from the title in the browser. Declared for EPUB 3 (`cover-image`), for
 * EPUB 2 and Kindle (`<meta name="cover">`, in the template) and shown on a
 * cover page that opens the spine.
 */
import { h } from 'hastscript'
import type { Edition } from '../../publication/edition.ts'
import type { CoverSource } from '../../publication/cover-image.ts'
import { xhtmlDocument } from './xhtml.ts'

/** The cover's files inside the EPUB. */
export interface EpubCover {
  readonly image: { readonly id: string; readonly href: string; readonly mediaType: string; readonly bytes: Buffer }
  readonly page: { readonly id: string; readonly filename: string; readonly xhtml: string }
}

/** Manifest id of the cover image; the EPUB 2 `<meta name="cover">` names it. */
export const COVER_IMAGE_ID = 'cover-image'

/** The cover pages and image of `edition`'s EPUB, from the cover the pipeline made. */
export async function epubCover(edition: Edition, cover: CoverSource): Promise<EpubCover> {
  const image = await cover()
  const href = `images/cover.${image.extension}`
  // The image is the whole page: its alternative is the title it shows.
  const xhtml = xhtmlDocument(
    edition,
    [h('section.cover-page', { 'epub:type': 'cover' }, [h('img', { src: href, alt: edition.meta.title, role: 'doc-cover' })])],
    { title: edition.words.cover, bodyClass: 'cover-body' }
  )
  return {
    image: { id: COVER_IMAGE_ID, href, mediaType: image.mediaType, bytes: image.bytes },
    page: { id: 'cover', filename: 'cover.xhtml', xhtml }
  }
}
