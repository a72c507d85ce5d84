/**
 * The EPUB's cover: generated from the title (declared for EPUB 3 and for
 * EPUB 2/Kindle, first in the spine and the landmarks, the title as its
 * alternative), or the article's own image from its front matter, which
 * must be a real JPEG or PNG beside the article.
 */
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { launchBrowser } from '../../src/browser/launch.ts'
import { encodeIndexedPng } from '../../src/writers/cover/png.ts'
import { tempDir } from '../helpers/paths.ts'
import { SEED_ARGS, sharedBuild } from '../helpers/shared-build.ts'
import { chapkhana, epubcheck, unzipEpub } from '../helpers/tools.ts'

const TITLE = 'گواستنەوەی سەرکردایەتی هاوپەیمانییەکە بۆ دەستی ناتۆ'

/** An article in a fresh folder whose front matter names `cover`. */
function article(cover: string, files: Record<string, Uint8Array | string> = {}): { dir: string; source: string } {
  const dir = tempDir('chapkhana-cover-')
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), bytes)
  }
  const source = path.join(dir, 'own-cover.md')
  writeFileSync(source, `---\ntitle: "بەرگی خۆی"\nlang: ckb\ndate: 2026-11-24\ncover: ${cover}\n---\n\nئەم وتارە بەرگی خۆی هەیە.\n`)
  return { dir, source }
}

/** A browser that cannot start: the build must not need one. */
const NO_BROWSER = { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' }

describe('EPUB cover', () => {
  let files: Map<string, Buffer>
  before(async () => {
    // The seed's EPUB, built once for this file and others (shared-build.ts).
    const r = sharedBuild(SEED_ARGS)
    assert.equal(r.code, 0, r.stderr)
    files = await unzipEpub(path.join(r.out, 'nato-coalition-leadership.epub'))
  })

  it('generated: declared as cover-image and for EPUB 2, first in the spine and the landmarks', () => {
    const opf = files.get('OEBPS/content.opf')!.toString('utf8')
    assert.match(opf, /<item id="cover-image" href="images\/cover\.png" media-type="image\/png" properties="cover-image"\/>/)
    assert.match(opf, /<meta name="cover" content="cover-image"\/>/)
    assert.match(opf, /<spine[^>]*>\s*<itemref idref="cover"\/>\s*<itemref idref="titlepage"\/>/)
    assert.match(opf, /<item id="cover" href="cover\.xhtml"/)
    assert.match(opf, /<meta property="schema:accessibilityFeature">alternativeText<\/meta>/)
    const nav = files.get('OEBPS/toc.xhtml')!.toString('utf8')
    assert.match(nav, /<nav epub:type="landmarks"[^>]*><ol><li><a epub:type="cover" href="cover\.xhtml">بەرگ<\/a>/)
    const page = files.get('OEBPS/cover.xhtml')!.toString('utf8')
    assert.match(page, /<html[^>]*\slang="ckb"[^>]*\sdir="rtl"/)
    assert.match(page, /epub:type="cover"/)
    assert.ok(page.includes(`<img src="images/cover.png" alt="${TITLE}" role="doc-cover" />`), page)
  })

  it('generated: a 1600 × 2560 PNG, small enough for the whole seed EPUB to stay under 150 KB', () => {
    const png = files.get('OEBPS/images/cover.png')!
    assert.equal(png.readUInt32BE(16), 1600)
    assert.equal(png.readUInt32BE(20), 2560)
    assert.ok(png.length < 40_000, `cover is ${png.length} bytes`)
  })

  it("the article's own PNG from front matter is used as it is, and no browser is needed", async () => {
    const pixels = { width: 16, height: 24, rgba: new Uint8Array(16 * 24 * 4).fill(90) }
    const png = encodeIndexedPng(pixels, [[90, 90, 90]])
    const { dir, source } = article('images/cover.png', { 'images/cover.png': png })
    const r = chapkhana(['build', '--format', 'epub', '--out', path.join(dir, 'out'), source], { env: NO_BROWSER })
    assert.equal(r.code, 0, r.stderr)
    const epub = path.join(dir, 'out', 'own-cover.epub')
    const inside = await unzipEpub(epub)
    assert.ok(inside.get('OEBPS/images/cover.png')!.equals(png), 'the bytes of the article\'s cover')
    assert.match(inside.get('OEBPS/content.opf')!.toString('utf8'), /href="images\/cover\.png" media-type="image\/png" properties="cover-image"/)
    const verdict = epubcheck(epub)
    assert.deepEqual([verdict.fatals, verdict.errors, verdict.warnings], [0, 0, 0], verdict.output)
  })

  it("the article's own JPEG from front matter", async () => {
    const browser = await launchBrowser()
    let jpeg: Uint8Array
    try {
      const page = await browser.newPage()
      await page.setViewport({ width: 40, height: 64 })
      jpeg = await page.screenshot({ type: 'jpeg', quality: 60 })
    } finally {
      await browser.close()
    }
    const { dir, source } = article('images/Cover Photo.jpeg', { 'images/Cover Photo.jpeg': jpeg })
    const r = chapkhana(['build', '--format', 'epub', '--out', path.join(dir, 'out'), source], { env: NO_BROWSER })
    assert.equal(r.code, 0, r.stderr)
    const epub = path.join(dir, 'out', 'own-cover.epub')
    const inside = await unzipEpub(epub)
    assert.ok(inside.get('OEBPS/images/cover.jpg')!.equals(Buffer.from(jpeg)))
    assert.match(inside.get('OEBPS/content.opf')!.toString('utf8'), /href="images\/cover\.jpg" media-type="image\/jpeg" properties="cover-image"/)
    const verdict = epubcheck(epub)
    assert.deepEqual([verdict.fatals, verdict.errors, verdict.warnings], [0, 0, 0], verdict.output)
  })

  it('a cover that is not an image: a clear error at the cover: line, exit 1, nothing written', () => {
    const { dir, source } = article('images/cover.jpg', { 'images/cover.jpg': 'not a picture\n' })
    const r = chapkhana(['build', '--format', 'epub', '--out', path.join(dir, 'out'), source])
    assert.equal(r.code, 1)
    assert.match(r.stderr, /own-cover\.md/)
    assert.match(r.stderr, /5:8\s+error\s+Cover image "images\/cover\.jpg" is not an image .*JPEG or PNG/)
    assert.throws(() => readFileSync(path.join(dir, 'out', 'own-cover.epub')))
  })

  it('a cover that is missing, outside the folder, or of another image type: clear errors', () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')
    const cases: [string, Record<string, Uint8Array | string>, RegExp][] = [
      ['images/none.png', {}, /Cover image "images\/none\.png" does not exist/],
      ['../elsewhere.png', {}, /Cover image "\.\.\/elsewhere\.png" is outside the article's folder/],
      ['https://example.com/c.png', {}, /Cover image "https:\/\/example\.com\/c\.png" is remote/],
      ['cover.gif', { 'cover.gif': gif }, /Cover image "cover\.gif" is GIF; it must be JPEG or PNG/]
    ]
    for (const [cover, given, message] of cases) {
      const { dir, source } = article(cover, given)
      const r = chapkhana(['build', '--format', 'epub', '--out', path.join(dir, 'out'), source], { env: NO_BROWSER })
      assert.equal(r.code, 1, cover)
      assert.match(r.stderr, /5:8\s+error/, cover)
      assert.match(r.stderr, message)
    }
  })
})
