/**
 * Rendering the cover HTML to an image in headless Chromium: a locked page
 * (JavaScript off, nothing read but `data:` URLs and the faces' folders), a
 * fixed viewport at scale 1, and a check that the book's faces really loaded,
 * so no other font can ever stand in on a cover.
 */
import { createHash } from 'node:crypto'
import { readFile, realpath } from 'node:fs/promises'
import type { Browser } from 'puppeteer'
import { findChromium } from '../../browser/launch.ts'
import { remembered } from '../../util/artifacts.ts'
import { withLockedPage, type LockedPage } from '../../browser/page.ts'
import { screenshotPng } from '../../browser/frames.ts'
import type { EditionFacts } from '../../publication/edition.ts'
import type { CoverImage, CoverSource } from '../../publication/cover-image.ts'
import { FACE_DIRS } from '../../fonts/fonts.ts'
import { COVER_PALETTE, COVER_SIZE, coverFacesIdentity, coverHtml, coverTexts } from './cover-html.ts'
import { fileStamp } from '../../util/file-stamp.ts'
import { COVER_ENCODING } from './png.ts'
import { startPngThread } from './png-thread.ts'
import { failure } from '../../util/failure.ts'

export type { CoverImage } from '../../publication/cover-image.ts'

/** Options of a render. */
export interface RenderCoverOptions {
  readonly timeoutMs?: number
  readonly signal?: AbortSignal
  /**
   * Called once the browser is done with the cover (the screenshot taken, the
   * tab handed back), before the screenshot is made small in Node: a PDF
   * waiting for that tab can print while Node works (`pipeline/article.ts`).
   */
  readonly onDrawn?: () => void
}

/**
 * Screenshot `html` (a self-contained page of `COVER_SIZE`) as a 4-bit
 * indexed PNG in `COVER_PALETTE`. Measured on the seed article's cover:
 * Chromium's own PNG 117 KB, JPEG 104 KB at quality 70 (its 8×8 blocks cost
 * bytes even on the flat ink), the indexed PNG about a fifth of that, with
 * sharp letters; the seed EPUB must stay under 150 KB.
 */
export async function renderCoverHtml(browser: Browser, html: string, options: RenderCoverOptions = {}): Promise<Buffer> {
  // The encoder's thread loads while Chromium draws; the main thread stays free for the PDF's requests.
  const encoder = startPngThread()
  let image: Uint8Array
  try {
    image = await screenshotCover(browser, html, options)
    options.onDrawn?.()
    options.signal?.throwIfAborted()
  } catch (error) {
    encoder.cancel()
    throw error
  }
  return encoder.encode(image, COVER_PALETTE)
}

/**
 * Set the cover's HTML in a locked page and wait for its fonts: a font that
 * did not load, or a request refused, fails the cover rather than drawing it
 * in a fallback face (the e-book cover and the press cover alike).
 */
export async function loadCover({ page, refused }: LockedPage, html: string, timeout: number): Promise<void> {
  await page.setContent(html, { waitUntil: 'load', timeout })
  const fonts = await page.evaluate(async () => {
    await Promise.all([...document.fonts].map((f) => f.load().catch(() => undefined)))
    return [...document.fonts].map((f) => `${f.family} ${f.weight}: ${f.status}`)
  })
  const failed = fonts.filter((f) => !f.endsWith(': loaded'))
  if (failed.length > 0 || fonts.length === 0) throw failure('cover-fonts', `The cover's fonts did not load: ${failed.join('; ') || 'none declared'}`)
  if (refused.length > 0) throw failure('cover-refused-request', `The cover asked for resources outside itself: ${refused.slice(0, 3).join(', ')}`)
}

/** A cover's page is a few kilobytes: the PDF's rendering, next in its tab, need not wait for a tidy (`withLockedPage`). */
const COVER_PAGE_IS_SMALL = true

/** Chromium's own PNG of the cover page; the tab goes back to the pool as soon as it is taken. */
async function screenshotCover(browser: Browser, html: string, options: RenderCoverOptions): Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? 60_000
  const asked = performance.now()
  // The page may read the faces' files: it asks for them by name first (cover-html.ts).
  return withLockedPage(browser, FACE_DIRS, async (locked) => {
    const { page } = locked
    const tab = performance.now()
    options.signal?.throwIfAborted()
    await page.setViewport({ ...COVER_SIZE, deviceScaleFactor: 1 })
    await loadCover(locked, html, timeout)
    const loaded = performance.now()
    // One screenshot of the browser's at a time; the tab then back at the render viewport (frames.ts).
    const image = await screenshotPng(page, COVER_SIZE)
    // As the renderings log theirs (pdf/render.ts): asked, tab ready, page loaded, screenshot taken.
    if (process.env.CHAPKHANA_TIMING) process.stderr.write(`cover: ${[asked, tab, loaded, performance.now()].map((t) => t.toFixed(0)).join(' → ')} ms\n`)
    options.signal?.throwIfAborted()
    return image
  }, COVER_PAGE_IS_SMALL)
}

/**
 * Which browser would draw a cover, without starting it: the executable the
 * build launches, by its real path, size and modification time (an upgrade
 * changes them). `undefined` when there is none.
 */
export async function browserIdentity(): Promise<string | undefined> {
  const executable = findChromium(process.env)
  if (!executable) return undefined
  try {
    return await fileStamp(await realpath(executable))
  } catch {
    return undefined
  }
}

/**
 * The generated cover of `edition`: title, author and date/edition line in
 * its language, direction and digits. Exported for every place that shows a
 * cover (the EPUB, the download page). `browser` is asked for only when the
 * cover is not remembered yet, so an EPUB-only rebuild starts no browser.
 */
export async function renderCover(edition: EditionFacts, browser: Browser | (() => Promise<Browser>), options: RenderCoverOptions = {}): Promise<CoverImage> {
  const html = await coverHtml(coverTexts(edition), edition.lang, edition.dir)
  const get = typeof browser === 'function' ? browser : () => Promise.resolve(browser)
  const identity = await browserIdentity()
  // No browser found: ask for one anyway, which fails with how to install it.
  if (identity === undefined) return { bytes: await renderCoverHtml(await get(), html, options), mediaType: 'image/png', extension: 'png', ...COVER_SIZE }
  // A cover depends only on its page and the browser that draws it, and a
  // correction in the text rarely changes it: render each page once.
  const key = createHash('sha256').update('cover\0').update(identity).update('\0').update(await coverFacesIdentity()).update('\0').update(COVER_ENCODING).update('\0').update(html).digest('hex')
  const bytes = await remembered(key, async () => renderCoverHtml(await get(), html, options))
  return { bytes, mediaType: 'image/png', extension: 'png', ...COVER_SIZE }
}

/**
 * The cover of `edition` for every writer that shows one: the article's own
 * image when its front matter names one (checked with the text, before it is
 * asked for), else the generated cover, which needs only the front matter.
 * Made once, on the first call; `browser` is asked for only when the cover
 * must be drawn.
 */
export function coverSource(edition: EditionFacts, browser: () => Promise<Browser>, options: RenderCoverOptions = {}): CoverSource {
  let made: Promise<CoverImage> | undefined
  const make = async (): Promise<CoverImage> => {
    // When it was first asked for, in ms since the process started (pipeline/article.ts asks early).
    if (process.env.CHAPKHANA_TIMING) process.stderr.write(`cover wanted: ${performance.now().toFixed(0)} ms\n`)
    const own = edition.file.data.cover
    if (!own && edition.meta.cover !== undefined) throw new Error(`coverSource: the cover ${edition.meta.cover} was asked for before it was checked`)
    if (!own) return renderCover(edition, browser, options)
    const png = own.mediaType === 'image/png'
    return { bytes: await readFile(own.file), mediaType: png ? 'image/png' : 'image/jpeg', extension: png ? 'png' : 'jpg' }
  }
  return () => (made ??= make())
}
