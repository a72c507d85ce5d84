/**
 * A book laid out chapter part by chapter part and merged (issue 17) is the
 * book a single layout prints: the same pages, chapters opening on the same
 * odd pages, the same contents numbers, blank versos without head or number;
 * and it is one document: one structure tree whose every marked-content id
 * and link resolves, every link (the contents, a link from one chapter to
 * another) leading to a destination on the page its target is printed on.
 * Two builds are identical byte for byte.
 */
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { checkStructure, linksOf } from '../helpers/pdf-structure.ts'
import { seedBody } from '../helpers/books.ts'
import { CLI, tempDir } from '../helpers/paths.ts'
import { pdftotext } from '../helpers/tools.ts'
import { bodySize, mostUsed, textSizes } from '../helpers/pdf-text-size.ts'

const src = tempDir('chapkhana-parts-src-')
// Enough text for a chapter of two or three pages, not more: each build starts a browser.
const body = seedBody().slice(0, 6000)
// Headings are numbered h-1 (chapter 1), h-2 (its section), h-3, h-4, h-5; chapter 3 links back to h-2.
const book = path.join(src, 'parts-book.md')
writeFileSync(
  book,
  [
    '---\ntitle: "کتێبی بەشەکان"\nlang: ckb\ndate: 2026-11-24\nedition: 1\n---\n',
    `# بەشی یەکەم\n\n${body}\n\nتێبینی[^a].\n\n## بەشێکی ناوەوە\n\nدەقی بەشەکە.\n\n[^a]: پەراوێزی یەکەم.\n`,
    '# بەشی دووەم\n\nدەقێکی کورت.\n',
    `# بەشی سێیەم\n\nبڕوانە [بەشی ناوەوە](#h-2).\n\n${body}\n\nتێبینی[^b].\n\n[^b]: پەراوێزی سێیەم.\n`,
    '# بەشی چوارەم\n\nکۆتایی.\n'
  ].join('\n')
)

const env = { SOURCE_DATE_EPOCH: '1790000000' }
/** Build the book: `parts` (each chapter its own part) or one layout; the PDF's bytes. */
function build(name: string, parts: boolean): Buffer {
  const out = tempDir(`chapkhana-parts-${name}-`)
  // The project's config asks for parts of one character: every chapter is a part.
  writeFileSync(path.join(out, 'chapkhana.config.json'), JSON.stringify({ bookParts: parts ? 1 : 0 }))
  // Started here rather than by `chapkhana()`: on a loaded machine one build may take minutes.
  const r = spawnSync(process.execPath, [CLI, 'build', '--format', 'pdf', '--quiet', '--out', out, book], { cwd: out, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 900_000 })
  assert.equal(r.status, 0, r.stderr)
  return readFileSync(path.join(out, 'parts-book.pdf'))
}

const file = (bytes: Buffer, name: string): string => {
  const target = path.join(src, `${name}.pdf`)
  writeFileSync(target, bytes)
  return target
}
/** The text of each page, bidi controls and spacing folded. */
const pageTexts = (pdf: string): string[] =>
  pdftotext(pdf)
    .split('\f')
    .slice(0, -1)
    .map((t) => t.replace(/[\u202a-\u202e\u200e\u200f]/g, '').replace(/\s+/g, ' ').trim())
const digits = (n: number): string => n.toLocaleString('ckb-u-nu-arab')

describe('a book laid out in parts and merged', () => {
  let merged: Buffer
  let single: Buffer
  before(() => {
    merged = build('merged', true)
    single = build('single', false)
  })

  it('is identical byte for byte when built twice', () => {
    assert.ok(build('again', true).equals(merged))
  })

  it('is really laid out in parts when the config asks (each part embeds its own font subsets)', () => {
    const fonts = (bytes: Buffer): number => execFileSync('pdffonts', [file(bytes, `fonts-${bytes.length}`)], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '').length
    assert.ok(fonts(merged) > fonts(single), `${fonts(merged)} fonts in parts, ${fonts(single)} in one layout`)
  })

  it('prints the pages a single layout prints: chapters on the same odd pages, the same contents', async () => {
    const parts = pageTexts(file(merged, 'merged'))
    const one = pageTexts(file(single, 'single'))
    assert.equal(parts.length, one.length)
    const openings = (links: Awaited<ReturnType<typeof linksOf>>) => links.filter((l) => l.page === 3).map((l) => l.destPage)
    const mergedOpenings = openings(await linksOf(merged))
    assert.deepEqual(mergedOpenings, openings(await linksOf(single)))
    assert.ok(mergedOpenings.length >= 4 && mergedOpenings.every((p) => p !== undefined && p % 2 === 1), `openings ${mergedOpenings.join(', ')}`)
    // The contents page itself: the same entries with the same numbers.
    assert.equal(parts[2], one[2])
  })

  it('sets its text at the stylesheet\'s 12 pt, in parts as in one layout (nothing shrinks a part to fit its page)', async () => {
    const parts = await textSizes(merged)
    const one = await textSizes(single)
    // html { font-size: 12pt } in print.css: the body text of the whole book, and of each page as in one layout.
    assert.equal(bodySize(parts), 12)
    assert.equal(bodySize(one), 12)
    assert.deepEqual(parts.map(mostUsed), one.map(mostUsed))
  })

  it('keeps blank versos blank and prints every other page its number in the book’s digits', () => {
    const pages = pageTexts(file(merged, 'merged'))
    pages.forEach((text, i) => {
      const page = i + 1
      if (page <= 2) return
      if (text === '') {
        // A blank verso: an even page, before a chapter's opening.
        assert.equal(page % 2, 0, `page ${page} is blank`)
        return
      }
      assert.ok(text.endsWith(digits(page)) || text.startsWith(digits(page)), `page ${page} prints its number: ${text.slice(0, 40)} … ${text.slice(-40)}`)
    })
    assert.ok(pages.some((t, i) => i > 2 && t === ''), 'a blank verso exists')
  })

  it('has one structure tree in which every marked-content id and every link annotation resolves', async () => {
    const report = await checkStructure(merged)
    assert.deepEqual(report.problems, [])
    assert.equal(report.documents, 1)
    const alone = await checkStructure(single)
    // Everything the single layout tags, the merge tags: as many marked-content ids and links.
    assert.equal(report.markedContent, alone.markedContent)
    assert.equal(report.annotations, alone.annotations)
  })

  it('leads every link to a destination on the page its target is printed on', async () => {
    const links = await linksOf(merged)
    assert.deepEqual(links.filter((l) => l.uri !== undefined), [], 'no link left to another part')
    const one = await linksOf(single)
    assert.deepEqual(
      links.map((l) => [l.page, l.dest, l.destPage]),
      one.map((l) => [l.page, l.dest, l.destPage])
    )
    // Chapter 3's link back to chapter 1's section, from a later page to an earlier one.
    const back = links.find((l) => l.dest === 'h-2' && l.page > 3)
    assert.ok(back?.destPage !== undefined && back.destPage < back.page, JSON.stringify(back))
  })
})
