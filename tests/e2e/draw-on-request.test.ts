/**
 * A build's browser draws frames only when asked (src/browser/frames.ts):
 * printing needs no frame, and the cover's screenshot asks for its own. What
 * it must keep: the same PDF and the same cover PNG, byte for byte, as a
 * browser that draws a screen; and it must really stop drawing, or the
 * saving is gone without a test noticing.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'puppeteer'
import { drawsOnRequest } from '../../src/browser/frames.ts'
import { closeBrowser, findChromium, isHeadlessShell, launchBrowser } from '../../src/browser/launch.ts'
import { BrowserPool } from '../../src/pipeline/browser-pool.ts'
import { coverHtml } from '../../src/writers/cover/cover-html.ts'
import { renderCoverHtml } from '../../src/writers/cover/render-cover.ts'
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

/** The cover of a Sorani edition as `browser` draws it (the e-book's indexed PNG). */
async function cover(browser: Browser): Promise<Buffer> {
  const html = await coverHtml({ title: 'چاپخانە: کتێبێکی تاقیکردنەوە', author: 'نووسەرێک', date: '٤ی کانوونی یەکەمی ٢٠٢٦', edition: 'چاپی یەکەم' }, 'ckb', 'rtl')
  return renderCoverHtml(browser, html, { timeoutMs: 60_000 })
}

/**
 * The anonymous memory of `browser`'s own process, in MiB: where a kept frame
 * lives (the cover's: +36 MiB). Not its whole PSS: the share of the binary's
 * pages moves with every other Chromium the test suite runs at the same time,
 * and the shared-memory pools grow by ~8 MiB after a first screenshot; under
 * the suite's load the whole PSS grew by 21 MiB once where it grows by 12 alone.
 */
const browserMiB = (browser: Browser): number => Number(/^Pss_Anon:\s+(\d+)/m.exec(readFileSync(`/proc/${browser.process()!.pid}/smaps_rollup`, 'utf8'))?.[1]) / 1024

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

  it('draws the same cover, byte for byte, again in the same tab, and lets go of its frame', async () => {
    const before = browserMiB(onRequest)
    const expected = await cover(drawing)
    assert.deepEqual(await cover(onRequest), expected)
    assert.deepEqual(await cover(onRequest), expected)
    // The cover's frame (1600 × 2560 pixels) kept for the rest of a build was 44 MiB more.
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.ok(browserMiB(onRequest) < before + 20, `the browser process grew from ${before.toFixed(0)} to ${browserMiB(onRequest).toFixed(0)} MiB`)
  })

  it('draws three covers at once in one browser, as a batch of articles does', { timeout: 90_000 }, async () => {
    // A frame asked of one tab while another tab's frame was under way was never answered: a batch
    // of four al-Muqtabas issues waited for its second cover until the test runner's time ran out.
    const expected = await cover(drawing)
    const covers = await Promise.all([cover(onRequest), cover(onRequest), cover(onRequest)])
    for (const png of covers) assert.deepEqual(png, expected)
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
