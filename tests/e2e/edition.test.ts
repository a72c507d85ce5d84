/**
 * End to end: build the seed article with the real Chromium, then check both
 * editions with the real tools (EPUBCheck, pdfinfo, pdffonts, pdftotext).
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { ROOT, CORPORA, tempDir } from '../helpers/paths.ts'
import { SEED_ARGS, sharedBuild, sharedOut } from '../helpers/shared-build.ts'
import { chapkhana, epubcheck, pdffonts, pdfinfo, pdftotext, pdfWords, unzipEpub } from '../helpers/tools.ts'

// The seed's build every test file reading it shares (shared-build.ts); only read here.
const out = sharedOut(SEED_ARGS)
const epub = path.join(out, 'nato-coalition-leadership.epub')
const pdf = path.join(out, 'nato-coalition-leadership.pdf')
const info0Pages = () => pdfinfo(pdf).Pages ?? '1'
const paragraphs = readFileSync(path.join(CORPORA, 'seed', 'article.txt'), 'utf8')
  .trim()
  .split(/(?<=\.) {2,}/)
  .map((p) => p.replace(/ {2,}/g, ' '))

describe('the seed article, built by `chapkhana build`', () => {
  before(() => {
    const r = sharedBuild(SEED_ARGS)
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

  it('PDF: exactly A4 on every page (595.28 × 841.89 pt within 0.01 pt)', () => {
    const info = pdfinfo(pdf, ['-box', '-f', '1', '-l', info0Pages()])
    for (const [key, value] of Object.entries(info)) {
      if (!/MediaBox|CropBox|TrimBox/.test(key)) continue
      const [x0, y0, x1, y1] = value.split(/\s+/).map(Number)
      assert.ok(Math.abs((x1 ?? 0) - (x0 ?? 0) - 595.28) <= 0.01 && Math.abs((y1 ?? 0) - (y0 ?? 0) - 841.89) <= 0.01, `${key}: ${value}`)
    }
  })

  it('PDF: mirrored margins, the wider one at the spine (page 1 of an RTL book is a left-hand page)', () => {
    // Page 2 is a right-hand page: spine on its left. Page 3 is a left-hand page: spine on its right.
    const box = (page: number) => {
      const words = pdfWords(pdf, page).filter((w) => w.yMin > 68 && w.yMax < 841.89 - 68)
      return { left: Math.min(...words.map((w) => w.xMin)), right: 595.28 - Math.max(...words.map((w) => w.xMax)) }
    }
    const right = box(2)
    const left = box(3)
    const mm = (pt: number) => (pt * 25.4) / 72
    assert.ok(mm(right.left) > mm(right.right) + 5, `page 2 inner (left) ${mm(right.left)} mm > outer ${mm(right.right)} mm`)
    assert.ok(mm(left.right) > mm(left.left) + 5, `page 3 inner (right) ${mm(left.right)} mm > outer ${mm(left.left)} mm`)
    assert.ok(Math.abs(right.left - left.right) < 3 && Math.abs(right.right - left.left) < 3, 'the two pages mirror each other')
  })

  it('PDF metadata: language, reading direction, creator and the edition date', () => {
    const info = pdfinfo(pdf)
    assert.equal(info.Creator, 'chapkhana')
    assert.match(info.Producer ?? '', /^chapkhana /)
    assert.match(info.CreationDate ?? '', /2026/)
    const raw = readFileSync(pdf).toString('latin1')
    assert.match(raw, /\/Lang \(ckb\)/)
    assert.match(raw, /\/Direction \/R2L/)
  })

  it('the same sources build byte-identical EPUB and PDF', () => {
    const again = tempDir('chapkhana-again-')
    const r = chapkhana(['build', '--out', again, path.join(ROOT, 'content', 'nato-coalition-leadership.md')])
    assert.equal(r.code, 0, r.stderr)
    for (const name of ['nato-coalition-leadership.epub', 'nato-coalition-leadership.pdf']) {
      assert.ok(readFileSync(path.join(again, name)).equals(readFileSync(path.join(out, name))), `${name} differs between two builds`)
    }
  })

  it('EPUB: small, with every character of the text covered by the embedded fonts', async () => {
    const { statSync } = await import('node:fs')
    assert.ok(statSync(epub).size <= 150_000, `EPUB is ${statSync(epub).size} bytes`)
    const fontkit = await import('fontkit')
    const files = await unzipEpub(epub)
    const fonts = [...files.entries()].filter(([n]) => n.endsWith('.ttf')).map(([, b]) => fontkit.create(b) as import('fontkit').Font)
    const text = [...files.entries()].filter(([n]) => n.endsWith('.xhtml')).map(([, b]) => b.toString('utf8').replace(/<[^>]*>/g, '')).join('')
    const missing = [...new Set(text)].filter((c) => /\S/u.test(c) && !fonts.some((f) => f.hasGlyphForCodePoint(c.codePointAt(0)!)))
    assert.deepEqual(missing, [])
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
