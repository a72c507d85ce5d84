/**
 * End to end: build the seed article with the real Chromium, then check both
 * editions with the real tools (EPUBCheck, pdfinfo, pdffonts, pdftotext).
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { ROOT, SHARED, tempDir } from '../helpers/paths.ts'
import { chapkhana, epubcheck, pdffonts, pdfinfo, pdftotext, pdfWords, unzipEpub } from '../helpers/tools.ts'

const out = tempDir('chapkhana-e2e-')
const epub = path.join(out, 'nato-coalition-leadership.epub')
const pdf = path.join(out, 'nato-coalition-leadership.pdf')
const paragraphs = readFileSync(path.join(SHARED, 'seed', 'article.txt'), 'utf8')
  .trim()
  .split(/(?<=\.) {2,}/)
  .map((p) => p.replace(/ {2,}/g, ' '))

describe('the seed article, built by `chapkhana build`', () => {
  before(() => {
    const r = chapkhana(['build', '--out', out, path.join(ROOT, 'content', 'nato-coalition-leadership.md')])
    assert.equal(r.code, 0, `build failed:\n${r.stderr}`)
    assert.match(r.stderr, /wrote .*nato-coalition-leadership\.epub/)
    assert.match(r.stderr, /wrote .*nato-coalition-leadership\.pdf/)
  })

  it('EPUBCheck: 0 fatals, 0 errors, 0 warnings', () => {
    const verdict = epubcheck(epub)
    assert.deepEqual([verdict.fatals, verdict.errors, verdict.warnings], [0, 0, 0], verdict.output)
  })

  it('EPUB: right-to-left spine, language and direction on the package and every XHTML file, the font inside', async () => {
    const files = await unzipEpub(epub)
    const opf = files.get('OEBPS/content.opf')?.toString('utf8') ?? ''
    assert.match(opf, /<spine[^>]*page-progression-direction="rtl"/)
    assert.match(opf, /<package[^>]*xml:lang="ckb"[^>]*dir="rtl"/)
    assert.match(opf, /<dc:language>ckb<\/dc:language>/)
    const xhtml = [...files.keys()].filter((n) => n.endsWith('.xhtml'))
    assert.ok(xhtml.length >= 3, `expected title, nav and text files, got ${xhtml.join(', ')}`)
    for (const name of xhtml) {
      const text = files.get(name)!.toString('utf8')
      assert.match(text, /<html[^>]*\slang="ckb"/, `${name} lang`)
      assert.match(text, /<html[^>]*\sxml:lang="ckb"/, `${name} xml:lang`)
      assert.match(text, /<html[^>]*\sdir="rtl"/, `${name} dir`)
      assert.doesNotMatch(text, /&#x[0-9a-f]+;/i, `${name} keeps letters as UTF-8`)
    }
    const fonts = [...files.keys()].filter((n) => /\.(ttf|otf)$/.test(n))
    assert.ok(fonts.some((n) => /amiri-regular/.test(n)), `the book font is embedded: ${fonts.join(', ')}`)
    const css = files.get('OEBPS/style.css')?.toString('utf8') ?? ''
    assert.doesNotMatch(css, /(^|[;{\s])direction\s*:/, 'EPUB CSS must not use the direction property')
    // The text is all there, word for word.
    const body = xhtml.map((n) => files.get(n)!.toString('utf8')).join('\n')
    for (const p of paragraphs) assert.ok(body.includes(p), `missing paragraph: ${p.slice(0, 40)}…`)
  })

  it('PDF: A4, at least 2 pages, tagged, titled', () => {
    const info = pdfinfo(pdf)
    const [w, h] = (/([\d.]+) x ([\d.]+) pts/.exec(info['Page size'] ?? '') ?? []).slice(1).map(Number)
    assert.ok(Math.abs((w ?? 0) - 595.28) < 0.5 && Math.abs((h ?? 0) - 841.89) < 0.5, `page size ${info['Page size']}`)
    assert.ok(Number(info.Pages) >= 2)
    assert.equal(info.Tagged, 'yes')
    assert.equal(info.Title, 'گواستنەوەی سەرکردایەتی هاوپەیمانییەکە بۆ دەستی ناتۆ')
  })

  it('PDF: every font embedded, and only chapkhana\'s fonts', () => {
    const fonts = pdffonts(pdf)
    assert.ok(fonts.length > 0)
    for (const f of fonts) {
      assert.ok(f.embedded, `${f.name} is embedded`)
      assert.match(f.name, /\+Amiri-/, `${f.name} is one of chapkhana's typefaces, not a system fallback`)
    }
  })

  it('PDF: the text layer holds every paragraph\'s words, in order', () => {
    // Punctuation and numbers are compared apart from words: poppler's bidi
    // guess attaches a neutral Arabic comma or a number inside right-to-left
    // text to either neighbour ("کە  ٥٥٠٠سەربازە"); the letters are what
    // search needs whole and in order.
    const words = (t: string) => t.replace(/[\u202a-\u202e\u200e\u200f]/g, '').replace(/([0-9٠-٩۰-۹]+)/g, ' $1 ').split(/[\s،؛؟.:!?«»"'()\-]+/u).filter(Boolean)
    const text = words(pdftotext(pdf))
    let at = 0
    for (const p of paragraphs) {
      for (const word of words(p)) {
        const found = text.indexOf(word, at)
        assert.ok(found >= 0 && found - at < 40, `word ${word} (from «${p.slice(0, 30)}…») not found in order near word ${at}`)
        at = found + 1
      }
    }
  })

  it('PDF: page 2 carries its number in Arabic-Indic digits in the bottom margin; page 1 has none', () => {
    // The bottom margin is 24 mm: anything below 841.89 − 68 pt is furniture.
    const foot = (page: number) => pdfWords(pdf, page).filter((w) => w.yMin > 841.89 - 68)
    assert.deepEqual(foot(2).map((w) => w.text), ['٢'])
    assert.deepEqual(foot(1), [])
  })
})
