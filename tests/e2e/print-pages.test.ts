/**
 * What a typesetter sees on the printed pages of real texts (issue 14, items
 * 1–7), read from the PDFs with poppler: no ink of a pushed heading at the
 * foot of the page before it, bookmarks on the pages their headings are
 * printed on, no page spent on an empty chapter, an untitled preface or a
 * four-line colophon, code in the bundled monospaced face, an article of
 * `##` sections printed as an article, wide content fitted and reported.
 */
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { printChapters } from '../../src/writers/pdf/chapters.ts'
import { bookmarksOf } from '../../src/writers/pdf/outline.ts'
import { strayInk } from '../helpers/ink.ts'
import { CORPORA, tempDir } from '../helpers/paths.ts'
import { pdfDests, pdfOutline } from '../helpers/pdf.ts'
import { greyPng } from '../helpers/png.ts'
import { MUQTABAS_ARGS, SEED_ARGS, sharedBuild } from '../helpers/shared-build.ts'
import { chapkhana, epubcheck, pdffonts, pdfinfo, pdftotext, unzipEpub } from '../helpers/tools.ts'

const M60 = path.join(CORPORA, 'muqtabas', 'al-muqtabas-issue-60.md')
const DOCS = path.join(CORPORA, 'documentation-kurdish', 'pages')
const out = tempDir('chapkhana-pages-')
const src = tempDir('chapkhana-pages-src-')
/** al-Muqtabas 60's and the seed's PDFs come from the builds other test files share (shared-build.ts). */
const shared = new Map<string, string>()
const pdf = (slug: string) => path.join(shared.get(slug) ?? out, `${slug}.pdf`)
/** Letters only: poppler writes a tanwin and its alef in either order. */
const bare = (text: string) => clean(text).replace(/[\p{M}\s]/gu, '')
const clean = (text: string) => text.replace(/[\u202a-\u202e\u200e\u200f]/g, '').replace(/\s+/g, ' ').trim()
const pages = (file: string) => Number(pdfinfo(file).Pages)

/** A docs page (`pages/<folder>/index.md`) copied as `<slug>.md`: every docs page is an `index.md`. */
function docsPage(folder: string, slug: string): string {
  const dir = path.join(src, slug)
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${slug}.md`)
  writeFileSync(file, `---\nlang: ckb\n---\n${readText(path.join(DOCS, folder, 'index.md'))}`)
  return file
}
const readText = (file: string) => readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '')

const cols = 12
const row = (cell: string) => `| ${Array.from({ length: cols }, (_, i) => `${cell}${i + 1}`).join(' | ')} |`
const WIDE = `---\ntitle: پان\nlang: ckb\ndate: 2026-11-24\n---\n\nدەق.\n\n${row('ستوون')}\n| ${Array.from({ length: cols }, () => '---').join(' | ')} |\n${row('خانە')}\n\nوشەی ${'ب'.repeat(50_000)} کۆتایی.\n\n![وێنە](small.png)\n`

let stderr = ''
describe('the printed page on real texts', () => {
  before(() => {
    writeFileSync(path.join(src, 'wide.md'), WIDE)
    writeFileSync(path.join(src, 'small.png'), greyPng(300, 150))
    const book = path.join(src, 'kteb')
    mkdirSync(book)
    writeFileSync(path.join(book, 'book.md'), '---\ntitle: "کتێب"\nlang: ckb\ndate: 2026-11-24\n---\n\nبە ناوی خوا\n')
    writeFileSync(path.join(book, '01.md'), '---\ntitle: "یەکەم"\n---\n\nدەقی بەشی یەکەم.\n')
    writeFileSync(path.join(book, '02.md'), '---\ntitle: "دووەم"\n---\n\nدەقی بەشی دووەم.\n')
    const r = chapkhana(['build', '--force', '--jobs', '2', '--out', out, path.join(src, 'wide.md'), path.join(book, 'book.md'), docsPage('content/custom-fields', 'content-custom-fields'), docsPage('bludit-pro', 'bludit-pro')])
    assert.equal(r.code, 0, r.stderr)
    stderr = r.stderr + r.stdout
    for (const [slug, args] of [['al-muqtabas-issue-60', MUQTABAS_ARGS], ['nato-coalition-leadership', SEED_ARGS]] as const) {
      const m = sharedBuild(args)
      assert.equal(m.code, 0, m.stderr)
      shared.set(slug, m.out)
    }
  })

  it('al-Muqtabas 60: no ink of a heading pushed to the next page is left at the foot of any page', () => {
    const stray = Array.from({ length: pages(pdf('al-muqtabas-issue-60')) }, (_, i) => i + 1).filter((p) => strayInk(pdf('al-muqtabas-issue-60'), p).length > 0)
    assert.deepEqual(stray, [])
  })

  it('al-Muqtabas 60: every bookmark points at the page its heading is printed on, where its link lands', async () => {
    const file = pdf('al-muqtabas-issue-60')
    const edition = await loadEdition(M60, resolveConfig({ lang: 'ar' }))
    const marks = bookmarksOf(printChapters(edition))
    const outline = await pdfOutline(file)
    const dests = await pdfDests(file)
    assert.equal(outline.length, marks.length + 1)
    marks.forEach((mark, i) => {
      const entry = outline[i + 1]!
      assert.equal(entry.page, dests.get(mark.target), `${mark.title}: bookmark and destination`)
      assert.ok(bare(pdftotext(file, entry.page)).includes(bare(mark.title).slice(0, 25)), `${mark.title} is printed on page ${entry.page}`)
    })
  })

  it('al-Muqtabas 60: the empty «notes» chapter is gone, and the basmala opens the first article’s page', () => {
    const file = pdf('al-muqtabas-issue-60')
    const text = clean(pdftotext(file))
    assert.doesNotMatch(text, /\bnotes\b/)
    const page = Array.from({ length: pages(file) }, (_, i) => clean(pdftotext(file, i + 1))).findIndex((t) => t.includes('بسم الله الرحمن الرحيم'))
    assert.match(clean(pdftotext(file, page + 1)), /بسم الله الرحمن الرحيم.*فاتحة السنة السادسة/)
  })

  it('the seed: the colophon is set on the last text page, not on a fourth page', () => {
    assert.equal(pages(pdf('nato-coalition-leadership')), 3)
    assert.match(clean(pdftotext(pdf('nato-coalition-leadership'), 3)), /Amiri \(SIL Open Font License 1\.1\)/)
  })

  it('a book: the colophon on the title page’s verso, the contents next; the untitled preface has no page or entry of its own, and opens the first chapter’s recto', () => {
    const file = pdf('kteb')
    assert.match(clean(pdftotext(file, 2)), /Amiri/)
    const contents = clean(pdftotext(file, 3))
    assert.match(contents, /^ناوەڕۆک/)
    assert.doesNotMatch(contents, /کتێب/, 'no contents entry named after the book')
    // Chapters open on a recto (an odd page): the preface takes it, with the chapter after it, after a blank verso.
    assert.equal(clean(pdftotext(file, 4)), '')
    assert.match(clean(pdftotext(file, 5)), /بە ناوی خوا.*یەکەم/)
  })

  it('a docs page: code is set in JetBrains Mono, in the PDF and in the EPUB, and the colophon names it', async () => {
    const fonts = pdffonts(pdf('content-custom-fields')).map((f) => f.name)
    assert.ok(fonts.some((f) => /JetBrainsMono-Regular$/.test(f)), fonts.join(', '))
    assert.match(clean(pdftotext(pdf('content-custom-fields'))), /JetBrains Mono \(SIL Open Font License 1\.1\)/)
    const epub = await unzipEpub(path.join(out, 'content-custom-fields.epub'))
    assert.ok(epub.has('OEBPS/fonts/jetbrains-mono-regular.ttf'), [...epub.keys()].join(', '))
    const css = [...epub].filter(([name]) => name.endsWith('.css')).map(([, b]) => b.toString('utf8')).join('\n')
    assert.match(css, /font-family: "Chapkhana Mono"; font-weight: 400;[^}]*fonts\/jetbrains-mono-regular\.ttf/)
    const verdict = epubcheck(path.join(out, 'content-custom-fields.epub'))
    assert.deepEqual([verdict.fatals, verdict.errors, verdict.warnings], [0, 0, 0], verdict.output)
  })

  it('a docs page of ## sections is printed as an article: no title page, no contents', () => {
    const file = pdf('bludit-pro')
    assert.doesNotMatch(clean(pdftotext(file)), /ناوەڕۆک/)
    assert.equal(pages(file), 1)
  })

  it('a 12-column table keeps all its columns, a 50,000-letter word all its letters, and each is reported with file:line:col', () => {
    const text = bare(pdftotext(pdf('wide')))
    for (let i = 1; i <= cols; i++) assert.ok(text.includes(`ستوون${i}ستوون`) || i === cols, `column ${i} printed`)
    assert.ok(text.includes(`ستوون${cols}`), `column ${cols} printed`)
    assert.ok((text.match(/ب/g) ?? []).length >= 50_000, 'every letter of the long word printed')
    assert.match(stderr, /wide\.md[\s\S]*9:1\s+warning\s+A table of 12 columns/)
    assert.match(stderr, /13:6\s+warning\s+A word of 50000 letters/)
    assert.match(stderr, /15:1\s+warning\s+Image "small\.png" is 300 px wide and prints 79 mm wide at 96 ppi/)
  })
})
