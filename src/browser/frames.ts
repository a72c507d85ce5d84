/**
 * A browser that draws only when asked. A build's browser prints PDFs and
 * takes one screenshot (the cover); it never shows a screen. Left to itself,
 * headless Chromium still paints, rasterises and composites a frame of every
 * page it loads, sixty times a second while anything changes: on the
 * 50-chapter book's eight renderings that is work of the compositor, the
 * raster threads and the renderer's main thread nobody looks at (a harness
 * printing the book's part documents: 5.10 → 4.68 s of CPU,
 * docs/benchmarks.md). With begin-frame control the headless shell makes a
 * frame only when a client sends one (`HeadlessExperimental.beginFrame`);
 * printing needs none, and the screenshot is taken with the frame asked for
 * it, pixel for pixel the same PNG.
 */
import type { Browser, Page } from 'puppeteer'
import { RENDER_VIEWPORT } from './page.ts'

/**
 * The headless shell's switches for it: frames only on request, and every
 * compositor stage run before such a frame is drawn (which
 * `HeadlessExperimental.beginFrame` requires for a screenshot).
 */
export const DRAW_ON_REQUEST_ARGS = ['--enable-begin-frame-control', '--run-all-compositor-stages-before-draw'] as const

const onRequest = new WeakSet<Browser>()

/** Remember that `browser` was launched with `DRAW_ON_REQUEST_ARGS`. */
export function markDrawsOnRequest(browser: Browser): void {
  onRequest.add(browser)
}

/** Does `browser` draw frames only when asked? */
export function drawsOnRequest(browser: Browser): boolean {
  return onRequest.has(browser)
}

/** A page's viewport, in CSS pixels. */
export interface Size {
  readonly width: number
  readonly height: number
}

/**
 * Frames asked for before giving up on a screenshot. The first frame after
 * a page is loaded carries no image (the compositor has nothing submitted
 * yet); the second does (measured on Chromium 156's headless shell).
 */
const FRAME_TRIES = 8

/** The last screenshot asked of each browser; the next one starts after it. */
const screenshots = new WeakMap<Browser, Promise<unknown>>()

/**
 * Run `shoot` after every screenshot already asked of `browser`. Headless
 * Chromium over CDP can leave a tab's screenshot unanswered when several tabs
 * capture at once (puppeteer issue #12712): a batch of articles drawing their
 * covers together hit puppeteer's 180 s protocol limit ("Page.captureScreenshot
 * timed out") on a loaded machine. Drawing on request, a frame asked of one
 * tab while another tab's frame was under way was never answered (a batch of
 * four al-Muqtabas issues waited for its second cover): every frame of a
 * screenshot, the last small one included, is asked inside its turn. A
 * capture takes a fraction of a second; the pages are still laid out in
 * parallel.
 */
function oneAtATime<T>(browser: Browser, shoot: () => Promise<T>): Promise<T> {
  const turn = (screenshots.get(browser) ?? Promise.resolve()).catch(() => undefined).then(shoot)
  screenshots.set(browser, turn)
  return turn
}

/** Run `use` with `beginFrame`, which asks `page` for a frame, over a DevTools session of its own. */
async function withSession<T>(page: Page, use: (send: (params: { screenshot?: { format: 'png'; optimizeForSpeed: boolean } }) => Promise<{ screenshotData?: string }>) => Promise<T>): Promise<T> {
  const session = await page.createCDPSession()
  try {
    return await use((params) => session.send('HeadlessExperimental.beginFrame', params))
  } finally {
    await session.detach().catch(() => undefined)
  }
}

/** The image of the first frame of `page` that carries one. */
const framePng = (page: Page): Promise<Uint8Array> =>
  withSession(page, async (beginFrame) => {
    for (let tries = 0; tries < FRAME_TRIES; tries++) {
      const frame = await beginFrame({ screenshot: { format: 'png', optimizeForSpeed: true } })
      if (frame.screenshotData) return Buffer.from(frame.screenshotData, 'base64')
    }
    throw new Error(`Chromium drew ${FRAME_TRIES} frames without an image`)
  })

/** One frame of `page`, drawn now, without an image. */
const drawFrame = (page: Page): Promise<void> => withSession(page, async (beginFrame) => void (await beginFrame({})))

/**
 * A PNG screenshot of `page`, whose viewport is `size` at one device pixel
 * per CSS pixel, taken fast (`optimizeForSpeed`: a cover's PNG is made small
 * in Node anyway); then the page is set back to `RENDER_VIEWPORT`, for the
 * next render in its tab. In a browser that draws on request the frame is
 * asked for here (a frame is always the whole viewport), and one more at the
 * small viewport: the last frame drawn stays, and the cover's (1600 × 2560
 * pixels) kept the browser process 44 MiB larger for the whole build.
 */
export function screenshotPng(page: Page, size: Size): Promise<Uint8Array> {
  const onRequest = drawsOnRequest(page.browser())
  return oneAtATime(page.browser(), async () => {
    const png = onRequest ? await framePng(page) : await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size }, captureBeyondViewport: false, optimizeForSpeed: true })
    await page.setViewport(RENDER_VIEWPORT)
    if (onRequest) await drawFrame(page)
    return png
  })
}
