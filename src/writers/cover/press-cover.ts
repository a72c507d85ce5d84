/**
 * The generated cover for the press: the same design as the e-book cover,
 * laid out again at the press cover's proportions (A4 trim + 3 mm bleed,
 * 216 × 303 mm) and printed by Chromium to a one-page vector PDF, its letters
 * set in the embedded book face. Not the e-book PNG placed on the page: at
 * 1600 px across 216 mm that would be 188 ppi, below the ~250 ppi a print
 * shop's preflight accepts, and its 1:1.6 shape is not A4's, so filling the
 * bleed would crop the frame and the text near the trim. Drawn at the press
 * size, the ink background reaches the bleed edge and the gold frame (90 px
 * in from the bleed edge: about 9 mm inside the trim) keeps every letter
 * within a safe margin.
 */
import { createHash } from 'node:crypto'
import type { Browser } from 'puppeteer'
import { withLockedPage } from '../../browser/page.ts'
import { FACE_DIRS } from '../../fonts/fonts.ts'
import { PRESS_COVER_MM, type CoverSource, type PressCoverSource } from '../../publication/cover-image.ts'
import type { Edition } from '../../publication/edition.ts'
import { remembered } from '../../util/artifacts.ts'
import { COVER_SIZE, coverFacesIdentity, coverHtml, coverTexts, type CoverLayout } from './cover-html.ts'
import { browserIdentity, loadCover, type RenderCoverOptions } from './render-cover.ts'

/**
 * The press cover's layout: the e-book cover's 1600 px width (its type sizes
 * are set for it), as tall as the press page's proportions ask (2244 px).
 */
export const PRESS_COVER_LAYOUT: CoverLayout = {
  width: COVER_SIZE.width,
  height: Math.round((COVER_SIZE.width * PRESS_COVER_MM.heightMm) / PRESS_COVER_MM.widthMm),
  page: PRESS_COVER_MM
}

/**
 * How Chromium prints the press cover. The PDF writer places the page inside
 * its own document: no tags or outline to keep. Part of the key under which a
 * printed cover is remembered, so a change here never serves the old bytes.
 */
const PRINT = { preferCSSPageSize: true, printBackground: true, pageRanges: '1', tagged: false, outline: false } as const

/** Print `html` (a cover laid out at `PRESS_COVER_LAYOUT`) to a one-page PDF of the press cover's size. */
export async function printCoverHtml(browser: Browser, html: string, options: RenderCoverOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? 60_000
  // The page may read the faces' files: it asks for them by name first (cover-html.ts).
  return withLockedPage(browser, FACE_DIRS, async (locked) => {
    options.signal?.throwIfAborted()
    await loadCover(locked, html, timeout)
    const pdf = await locked.page.pdf({ ...PRINT, timeout })
    options.signal?.throwIfAborted()
    return pdf
  })
}

/** The generated press cover of `edition` as a one-page PDF, remembered like the e-book cover. */
export async function renderPressCover(edition: Edition, browser: () => Promise<Browser>, options: RenderCoverOptions = {}): Promise<Uint8Array> {
  const html = await coverHtml(coverTexts(edition), edition.lang, edition.dir, PRESS_COVER_LAYOUT)
  const identity = await browserIdentity()
  if (identity === undefined) return printCoverHtml(await browser(), html, options)
  const key = createHash('sha256').update('press-cover\0').update(identity).update('\0').update(await coverFacesIdentity()).update('\0').update(JSON.stringify(PRINT)).update('\0').update(html).digest('hex')
  return new Uint8Array(await remembered(key, async () => Buffer.from(await printCoverHtml(await browser(), html, options))))
}

/**
 * The press cover's artwork for the PDF writer: the article's own image (the
 * one `cover` gives the EPUB) when its front matter names one, else the
 * generated cover drawn at the press size. Made once, on the first call.
 */
export function pressCoverSource(edition: Edition, cover: CoverSource, browser: () => Promise<Browser>, options: RenderCoverOptions = {}): PressCoverSource {
  let made: ReturnType<PressCoverSource> | undefined
  const make: PressCoverSource = async () => (edition.file.data.cover ? { kind: 'image', image: await cover() } : { kind: 'page', pdf: await renderPressCover(edition, browser, options) })
  return () => (made ??= make())
}
