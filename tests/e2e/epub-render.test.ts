/**
 * Looking at the EPUB the way a reading system does: every file of the spine
 * (cover, title page, contents, text, colophon) opened from the unpacked book
 * in headless Chromium at an e-reader's size, screenshotted, and checked for
 * what a reader would see: ink on the page, the document's direction, the
 * embedded face in use, nothing running off the side, the cover whole.
 * Screenshots are kept in CHAPKHANA_SCREENSHOTS (or a temp folder) to look at.
 */
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'puppeteer'
import { launchBrowser } from '../../src/browser/launch.ts'
import { openLockedPage } from '../../src/browser/page.ts'
import { decodePng } from '../../src/writers/cover/png.ts'
import { tempDir } from '../helpers/paths.ts'
import { MUQTABAS_ARGS, SEED_ARGS, sharedBuild } from '../helpers/shared-build.ts'
import { unzipEpub } from '../helpers/tools.ts'

const out = tempDir('chapkhana-look-')
const shots = process.env.CHAPKHANA_SCREENSHOTS ?? path.join(out, 'screenshots')
const books = [
  { slug: 'nato-coalition-leadership', args: SEED_ARGS, lang: 'ckb' },
  { slug: 'al-muqtabas-issue-65', args: MUQTABAS_ARGS, lang: 'ar' }
]
/** Each book's EPUB, from the builds other test files share (shared-build.ts). */
const epubs = new Map<string, string>()

/** Share of pixels darker than mid-grey: ink on a light page. */
function inkShare(png: Uint8Array): number {
  const { rgba } = decodePng(png)
  let dark = 0
  for (let i = 0; i < rgba.length; i += 4) if (0.2126 * (rgba[i] ?? 0) + 0.7152 * (rgba[i + 1] ?? 0) + 0.0722 * (rgba[i + 2] ?? 0) < 110) dark++
  return dark / (rgba.length / 4)
}

/** The spine's files in reading order, from the package document. */
function spine(opf: string): string[] {
  const hrefs = new Map([...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]))
  return [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => hrefs.get(m[1]) ?? '')
}

describe('the EPUB as a reader sees it (headless Chromium, JavaScript off)', () => {
  let browser: Browser
  before(async () => {
    mkdirSync(shots, { recursive: true })
    for (const book of books) {
      const r = sharedBuild(book.args)
      assert.equal(r.code, 0, r.stderr)
      epubs.set(book.slug, path.join(r.out, `${book.slug}.epub`))
    }
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
  })

  for (const book of books) {
    it(`${book.slug}: every spine file renders with ink, ${book.lang} right-to-left, in the embedded face, without overflow`, async (t) => {
      const dir = path.join(out, book.slug)
      const files = await unzipEpub(epubs.get(book.slug) ?? '')
      for (const [name, bytes] of files) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
        writeFileSync(path.join(dir, name), bytes)
      }
      const order = spine(files.get('OEBPS/content.opf')!.toString('utf8'))
      assert.equal(order[0], 'cover.xhtml', 'the cover opens the book')
      const { page, refused } = await openLockedPage(browser, [dir])
      try {
        // A 6-inch e-reader held upright.
        await page.setViewport({ width: 600, height: 960, deviceScaleFactor: 1 })
        for (const [i, href] of order.entries()) {
          await page.goto(pathToFileURL(path.join(dir, 'OEBPS', href)).href, { waitUntil: 'load' })
          const facts = await page.evaluate(async () => {
            await document.fonts.ready
            const root = document.documentElement
            const img = document.querySelector('img')
            return {
              direction: getComputedStyle(root).direction,
              lang: root.lang,
              loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight}`),
              // Right-to-left text that spills past the start edge adds no
              // scroll width: look at every box as well.
              overflow: Math.max(root.scrollWidth - root.clientWidth, ...[...document.body.querySelectorAll('*')].map((e) => Math.max(-e.getBoundingClientRect().left, e.getBoundingClientRect().right - root.clientWidth))),
              text: (document.body.textContent ?? '').trim().length,
              // Note numbers drawn with a line under them: the line skips "(" and ")" and leaves stubs that read as full stops.
              underlinedNotes: [...document.querySelectorAll('.note-number')].filter((a) => getComputedStyle(a).textDecorationLine !== 'none').length,
              image: img ? { complete: img.complete, width: img.naturalWidth, height: img.naturalHeight, bottom: img.getBoundingClientRect().bottom } : undefined
            }
          })
          // The whole file as one tall screen: a `fullPage` screenshot shifts
          // right-to-left pages sideways, so the viewport grows instead.
          const height = await page.evaluate(() => document.documentElement.scrollHeight)
          await page.setViewport({ width: 600, height: Math.max(960, height), deviceScaleFactor: 1 })
          const png = await page.screenshot({ type: 'png' })
          await page.setViewport({ width: 600, height: 960, deviceScaleFactor: 1 })
          const shot = path.join(shots, `${book.slug}-${String(i).padStart(2, '0')}-${href.replace(/\W+/g, '-')}.png`)
          writeFileSync(shot, png)
          t.diagnostic(shot)
          assert.equal(facts.direction, 'rtl', `${href}: direction`)
          assert.equal(facts.lang, book.lang, `${href}: lang`)
          assert.ok(facts.overflow <= 1, `${href}: ${facts.overflow} px run off the side`)
          assert.equal(facts.underlinedNotes, 0, `${href}: note numbers are underlined`)
          assert.ok(inkShare(png) > 0.0005, `${href}: the page looks blank (${shot})`)
          if (href === 'cover.xhtml') {
            assert.ok(facts.image?.complete && facts.image.width === 1600 && facts.image.height === 2560, `cover image ${JSON.stringify(facts.image)}`)
            assert.ok(facts.image.bottom <= 960, 'the cover fits one screen')
            assert.ok(inkShare(png) > 0.5, 'the cover is the deep ink colour')
          } else {
            assert.ok(facts.text > 0, `${href}: has text`)
            assert.ok(facts.loaded.some((f) => f.startsWith('Chapkhana Amiri')), `${href}: the embedded face is used (${facts.loaded.join(', ') || 'none loaded'})`)
          }
        }
        assert.deepEqual(refused, [], 'the book reads nothing outside itself')
      } finally {
        await page.close()
      }
    })
  }
})
