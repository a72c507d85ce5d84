/**
 * The browser chapkhana launches has its faces as system fonts (its own
 * fontconfig, browser/fontconfig.ts), and print asks for them with CSS
 * `local()` before their files: decoded once per renderer instead of once
 * per document, and the words shaped in them stay cached from one rendering
 * of a book to the next. No other font of their PostScript names may stand
 * in, whatever the machine has installed.
 */
import assert from 'node:assert/strict'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, describe, it } from 'node:test'
import subsetFont from 'subset-font'
import { closeBrowser, launchBrowser } from '../../src/browser/launch.ts'
import { withLockedPage } from '../../src/browser/page.ts'
import { ALL_FACES, BOOK_FONT, CODE_FONT, FACE_DIRS, fontBytes, fontFaceCss } from '../../src/fonts/fonts.ts'
import { COVER_FACES, COVER_SIZE, coverHtml } from '../../src/writers/cover/cover-html.ts'
import { loadCover } from '../../src/writers/cover/render-cover.ts'
import { tempDir } from '../helpers/paths.ts'
import { pdffonts, pdftotext } from '../helpers/tools.ts'

const dir = tempDir('chapkhana-system-faces-')
after(() => rmSync(dir, { recursive: true, force: true }))

const TEXT = 'چاپخانە'
/** Every face: regular, bold, italic and bold italic Amiri, regular and bold mono. */
const HTML = `<!doctype html><html lang="ckb" dir="rtl"><head><meta charset="utf-8"><style>
${fontFaceCss((face) => pathToFileURL(face.file).href, ALL_FACES, { local: true })}
body { font-family: "${BOOK_FONT.family}"; } code { font-family: "${CODE_FONT.family}"; }
</style></head><body><p>${TEXT} <b>کتێب</b> <i>پەراوێز</i> <b><i>ناتۆ</i></b> <code>npm start</code> <code><b>--out</b></code></p></body></html>`

/** Print `HTML` in a browser launched with `env`: the PDF's fonts, its text, and the font files the page asked for. */
async function printed(name: string, env: NodeJS.ProcessEnv): Promise<{ fonts: string[]; text: string; fileRequests: string[] }> {
  const browser = await launchBrowser(env)
  try {
    const page = await browser.newPage()
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    const html = path.join(dir, `${name}.html`)
    writeFileSync(html, HTML)
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' })
    const status = await page.evaluate(async () => {
      await Promise.all([...document.fonts].map((f) => f.load().catch(() => undefined)))
      return [...document.fonts].map((f) => f.status)
    })
    assert.deepEqual(status, ALL_FACES.map(() => 'loaded'))
    const pdf = path.join(dir, `${name}.pdf`)
    writeFileSync(pdf, await page.pdf({ format: 'A4' }))
    return {
      fonts: [...new Set(pdffonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].sort(),
      text: pdftotext(pdf),
      fileRequests: requests.filter((url) => url.endsWith('.ttf'))
    }
  } finally {
    await closeBrowser(browser)
  }
}

const EVERY_FACE = ALL_FACES.map((f) => f.postscript).sort()

describe('the faces in print', () => {
  it('come from the system by name, every face, with no font file asked for', async () => {
    const { fonts, text, fileRequests } = await printed('plain', process.env)
    assert.deepEqual(fileRequests, [])
    assert.deepEqual(fonts, EVERY_FACE)
    assert.match(text, new RegExp(TEXT))
  })

  it('are chapkhana\'s own even where the machine has another font of the same PostScript name', async () => {
    // The stand-in: an Amiri Regular with Latin letters only. Had the browser taken it, the
    // Sorani words would be set in some other font of the machine's.
    const other = path.join(dir, 'machine-fonts')
    mkdirSync(other, { recursive: true })
    writeFileSync(path.join(other, 'amiri-latin.ttf'), await subsetFont(await fontBytes(BOOK_FONT.faces[0]!), 'abcdefghijklmnopqrstuvwxyz', { targetFormat: 'sfnt' }))
    const machine = path.join(dir, 'machine.conf')
    writeFileSync(machine, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${other}</dir></fontconfig>\n`)
    const { fonts, text, fileRequests } = await printed('stand-in', { ...process.env, FONTCONFIG_FILE: machine })
    assert.deepEqual(fileRequests, [])
    assert.deepEqual(fonts, EVERY_FACE)
    assert.match(text, new RegExp(TEXT))
  })
})

describe('the faces on the generated cover', () => {
  it('are named, not embedded, and draw the same pixels as the faces embedded in the page', async () => {
    const texts = { title: 'ناتۆ و سەرکردایەتیی هاوپەیمانی', author: 'نووسەر', date: '٢٤ی تشرینی دووەمی ٢٠٢٦', edition: 'چاپی ١' }
    const named = await coverHtml(texts, 'ckb', 'rtl')
    assert.doesNotMatch(named, /data:font/)
    // The same page with each face's whole file embedded, as the cover was made before.
    let embedded = named
    for (const face of COVER_FACES) {
      const rule = new RegExp(`src: local\\("${face.postscript}"\\), url\\("[^"]+"\\)`)
      assert.match(embedded, rule)
      embedded = embedded.replace(rule, `src: url("data:font/ttf;base64,${(await fontBytes(face)).toString('base64')}")`)
    }
    const browser = await launchBrowser()
    try {
      const shot = (html: string) =>
        withLockedPage(browser, FACE_DIRS, async (locked) => {
          const requests: string[] = []
          locked.page.on('request', (request) => requests.push(request.url()))
          await locked.page.setViewport({ ...COVER_SIZE, deviceScaleFactor: 1 })
          await loadCover(locked, html, 60_000)
          const png = await locked.page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...COVER_SIZE } })
          return { png: Buffer.from(png), fontFiles: requests.filter((url) => url.endsWith('.ttf')) }
        })
      const [byName, byData] = [await shot(named), await shot(embedded)]
      assert.deepEqual(byName.fontFiles, [], 'the page read a font file: the system faces were not found')
      assert.ok(byName.png.equals(byData.png), 'the cover drawn with the named faces differs from the one with the faces embedded')
    } finally {
      await closeBrowser(browser)
    }
  })
})
