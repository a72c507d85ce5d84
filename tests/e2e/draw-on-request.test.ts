/**
 * A build's browser draws frames only when asked (src/browser/frames.ts):
 * printing needs no frame, and the cover's screenshot asks for its own. What
 * it must keep: the same PDF and the same cover PNG, byte for byte, as a
 * browser that draws a screen; and it must really stop drawing, or the
 * saving is gone without a test noticing.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'puppeteer'
import { drawsOnRequest, screenshotPng } from '../../src/browser/frames.ts'
import { closeBrowser, findChromium, isHeadlessShell, launchBrowser } from '../../src/browser/launch.ts'
import { RENDER_VIEWPORT, withLockedPage } from '../../src/browser/page.ts'
import { FACE_DIRS } from '../../src/fonts/fonts.ts'
import { BrowserPool } from '../../src/pipeline/browser-pool.ts'
import { COVER_SIZE, coverHtml } from '../../src/writers/cover/cover-html.ts'
import { loadCover } from '../../src/writers/cover/render-cover.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { loadEdition } from '../../src/pipeline/article.ts'
import { firstLayout, printHtml } from '../../src/writers/pdf/print-html.ts'
import { renderPdf } from '../../src/writers/pdf/render.ts'
import { SEED } from '../helpers/paths.ts'

const shell = isHeadlessShell(findChromium() ?? '')
let drawing: Browser
let onRequest: Browser
before(async () => {
  ;[drawing, onRequest] = await Promise.all([launchBrowser(), launchBrowser(process.env, { drawOnRequest: true })])
})
after(async () => {
  await Promise.all([drawing, onRequest].filter(Boolean).map(closeBrowser))
})

/** Whether a page of `browser` sees an animation frame within `ms`: only a browser that draws for a screen gives one. */
async function seesAFrame(browser: Browser, ms: number): Promise<boolean> {
  const page = await browser.newPage()
  try {
    await page.setContent('<!doctype html><p>frame?</p>')
    return await page.evaluate((ms) => new Promise<boolean>((resolve) => {
      requestAnimationFrame(() => resolve(true))
      setTimeout(() => resolve(false), ms)
    }), ms)
  } finally {
    await page.close()
  }
}

/** The cover of a Sorani edition as `browser` screenshots it. */
async function cover(browser: Browser): Promise<Uint8Array> {
  const html = await coverHtml({ title: 'چاپخانە: کتێبێکی تاقیکردنەوە', author: 'نووسەرێک', date: '٤ی کانوونی یەکەمی ٢٠٢٦', edition: 'چاپی یەکەم' }, 'ckb', 'rtl')
  return withLockedPage(browser, FACE_DIRS, async (locked) => {
    await locked.page.setViewport({ ...COVER_SIZE, deviceScaleFactor: 1 })
    await loadCover(locked, html, 60_000)
    const png = await screenshotPng(locked.page, COVER_SIZE)
    await locked.page.setViewport(RENDER_VIEWPORT)
    return png
  })
}

/** A PDF's bytes without what differs between two printings of one page: the dates and the file identifier. */
const timeless = (pdf: Uint8Array): string =>
  Buffer.from(pdf).toString('latin1').replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '').replace(/\/ID \[<[0-9a-f]+><[0-9a-f]+>\]/gi, '')

describe('a browser that draws only when asked', { skip: !shell && 'only the headless shell draws on request' }, () => {
  it('is what a build launches, and draws no frame for a screen while one that draws does', async () => {
    const pool = new BrowserPool()
    try {
      assert.equal(drawsOnRequest(await pool.get()), true)
    } finally {
      await pool.close()
    }
    assert.equal(drawsOnRequest(drawing), false)
    assert.equal(drawsOnRequest(onRequest), true)
    assert.equal(await seesAFrame(drawing, 2_000), true)
    assert.equal(await seesAFrame(onRequest, 500), false)
  })

  it('takes the same cover PNG, byte for byte, and again on a second cover in the same tab', async () => {
    const expected = await cover(drawing)
    assert.deepEqual(Buffer.from(await cover(onRequest)), Buffer.from(expected))
    assert.deepEqual(Buffer.from(await cover(onRequest)), Buffer.from(expected))
  })

  it('prints the seed article as the same tagged PDF as a browser that draws', async () => {
    const edition = await loadEdition(SEED, resolveConfig({}))
    const html = await printHtml(edition, firstLayout(edition, 'foot'))
    const print = (browser: Browser) => renderPdf({ browser, html, roots: [edition.baseDir], timeoutMs: 60_000 })
    const [expected, printed] = [await print(drawing), await print(onRequest)]
    assert.ok(expected.length > 20_000, `a PDF of ${expected.length} bytes`)
    assert.equal(timeless(printed), timeless(expected))
  })
})
