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

/**
 * A PNG screenshot of `page`, whose viewport is `size` at one device pixel
 * per CSS pixel, taken fast (`optimizeForSpeed`: a cover's PNG is made small
 * in Node anyway). In a browser that draws on request, the frame is asked
 * for here: a frame is always the whole viewport.
 */
export async function screenshotPng(page: Page, size: Size): Promise<Uint8Array> {
  if (!drawsOnRequest(page.browser())) return page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size }, captureBeyondViewport: false, optimizeForSpeed: true })
  const session = await page.createCDPSession()
  try {
    for (let tries = 0; tries < FRAME_TRIES; tries++) {
      const frame = await session.send('HeadlessExperimental.beginFrame', { screenshot: { format: 'png', optimizeForSpeed: true } })
      if (frame.screenshotData) return Buffer.from(frame.screenshotData, 'base64')
    }
    throw new Error(`Chromium drew ${FRAME_TRIES} frames without an image`)
  } finally {
    await session.detach().catch(() => undefined)
  }
}

/**
 * After a screenshot and the viewport made small again: draw one frame at
 * the new size, so that the compositor lets go of the screenshot's surfaces.
 * Without it the last frame stays the one drawn, and the cover's (1600 ×
 * 2560 pixels) kept the browser process 44 MiB larger for the whole build.
 */
export async function dropScreenshotFrame(page: Page): Promise<void> {
  if (!drawsOnRequest(page.browser())) return
  const session = await page.createCDPSession()
  try {
    await session.send('HeadlessExperimental.beginFrame', {})
  } finally {
    await session.detach().catch(() => undefined)
  }
}
