/**
 * A book laid out part by part, without a browser: how chapters are grouped
 * into parts, what a part's print HTML says (its page numbers go on from
 * the parts before it, links to other parts leave the document until the
 * merge), and how the page counts of the parts number the whole book
 * (blank versos between parts, the contents' numbers), with a stand-in
 * renderer.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PDFDocument, PDFName } from 'pdf-lib'
import { localNumber, makeEdition } from '../../src/publication/edition.ts'
import { printChapters } from '../../src/writers/pdf/chapters.ts'
import { paginateBook } from '../../src/writers/pdf/book.ts'
import { externalHref, externalTarget } from '../../src/writers/pdf/part-html.ts'
import { chapterParts } from '../../src/writers/pdf/parts.ts'
import { printHtml } from '../../src/writers/pdf/print-html.ts'
import { render } from '../helpers/html.ts'
import { TOP_ID } from '../../src/writers/pdf/footnotes/types.ts'

async function book(preface = '') {
  const { file, tree } = await render(`---\ntitle: كتاب\nlang: ar\ndate: 2026-11-24\n---\n\n${preface}# أ\n\nنص [ب](#h-2)\n\n# ب\n\nنص\n\n# ج\n\nنص طويل\n`)
  return makeEdition(file, tree, '.')
}

/** A stand-in PDF of `count` pages with the named destinations `dests` (id → 1-based page). */
async function fakePdf(count: number, dests: Record<string, number>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const refs = Array.from({ length: count }, () => pdf.addPage().ref)
  pdf.catalog.set(PDFName.of('Dests'), pdf.context.obj(Object.fromEntries(Object.entries(dests).map(([id, p]) => [id, [refs[p - 1]!, PDFName.of('XYZ'), 0, 800, 0]]))))
  return pdf.save()
}

describe('a book in parts', () => {
  it('groups whole chapters into parts of about the size asked, an untitled preface with the chapter after it', async () => {
    const chapters = printChapters(await book())
    assert.deepEqual(chapterParts(chapters, 1).map((part) => part.map((c) => c.number)), [[1], [2], [3]])
    assert.deepEqual(chapterParts(chapters, 1_000_000).map((part) => part.map((c) => c.number)), [[1, 2, 3]])
    const prefaced = printChapters(await book('بسم الله\n\n'))
    assert.equal(prefaced[0]?.untitled, true)
    assert.deepEqual(chapterParts(prefaced, 1).map((part) => part.map((c) => c.number)), [[1, 2], [3], [4]])
  })

  it('shares the text evenly among the parts, so that no small last part costs renderings of its own', async () => {
    // Seven chapters of the same length: parts of about three chapters were 3 + 3 + 1, of two 2 + 2 + 2 + 1.
    const { file, tree } = await render(`---\ntitle: كتاب\nlang: ar\ndate: 2026-11-24\n---\n\n${Array.from({ length: 7 }, () => '# فصل\n\nنص من عشرين حرفا هنا\n').join('\n')}`)
    const chapters = printChapters(makeEdition(file, tree, '.'))
    const length = (await import('hast-util-to-string')).toString({ type: 'root', children: chapters[0]!.children }).length
    assert.deepEqual(chapterParts(chapters, 3 * length).map((part) => part.length), [3, 4])
    assert.deepEqual(chapterParts(chapters, 2 * length).map((part) => part.length), [2, 3, 2])
  })

  it('numbers a chapter part on from its offset, keeps the number of its first page and points links to other parts outside', async () => {
    const edition = await book()
    const chapters = printChapters(edition)
    const html = await printHtml(edition, { chapters: chapters.slice(0, 1), pages: new Map([['chapter-1', 1]]), part: { front: false, offset: 6, book: chapters } })
    assert.match(html, /html \{ counter-reset: page 6; \}/)
    // Its first page opens chapter 1 and prints its number: no `:first` rule; the running head starts after page 7.
    assert.doesNotMatch(html, /@page :first/)
    assert.match(html, /@counter-style chapkhana-head-chapter-1 \{[^}]*range: 8 infinite/)
    // The link to chapter 2's heading (another part) leaves the document; the merge turns it back.
    assert.ok(html.includes(`href="${externalHref('h-2')}"`))
    assert.equal(externalTarget(externalHref('فصل-١')), 'فصل-١')
    assert.doesNotMatch(html, /class="toc"/)
  })

  it('starts the running head after the opening page of a part never measured (one chapter, no notes: one rendering)', async () => {
    const edition = await book()
    const chapters = printChapters(edition)
    const html = await printHtml(edition, { chapters: chapters.slice(2, 3), pages: new Map(), part: { front: false, offset: 8, book: chapters } })
    // Chapter 3 opens on the part's first page, 9: its head from page 10 on, not on its opening page.
    assert.match(html, /@counter-style chapkhana-head-chapter-3 \{[^}]*range: 10 infinite/)
  })

  it('prints the front matter with the contents of the whole book, linking out', async () => {
    const edition = await book()
    const chapters = printChapters(edition)
    const html = await printHtml(edition, { chapters: [], pages: new Map([['chapter-2', 7]]), part: { front: true, offset: 0, book: chapters } })
    assert.match(html, /@page :first/)
    assert.ok(html.includes(`href="${externalHref('chapter-2')}"`))
    assert.ok(html.includes(`<span class="toc-page">${localNumber(edition, 7)}</span>`))
    assert.doesNotMatch(html, /<main>/)
  })

  it('numbers the parts from their page counts: a blank verso after a part ending on a recto, the contents from where chapters landed', async () => {
    const edition = await book()
    const chapters = printChapters(edition)
    const printed: string[] = []
    // Front matter: 3 pages; chapter 1: 3 pages (so chapter 2 needs a blank verso before it), chapters 2 and 3: 2 pages.
    const fn = async (html: string) => {
      printed.push(html)
      if (html.includes('class="toc"')) return fakePdf(3, { contents: 3 })
      const n = Number(/<section class="chapter" id="chapter-(\d)"/.exec(html)?.[1])
      return fakePdf(n === 1 ? 3 : 2, { [`chapter-${n}`]: 1, [`h-${n}`]: 1 })
    }
    const merged = await paginateBook(edition, chapters, fn, 'foot', 1)
    // 3 + blank + 3 (chapter 1 on page 5) + blank + 2 (chapter 2 on page 9) + 2 (chapter 3 on page 11).
    assert.equal(merged.getPageCount(), 12)
    const parts = printed.filter((html) => html.includes('counter-reset'))
    for (const [n, offset] of [[1, 4], [2, 8], [3, 10]] as const) {
      assert.ok(parts.some((html) => html.includes(`id="chapter-${n}"`) && html.includes(`counter-reset: page ${offset};`)), `chapter ${n} numbered on from ${offset}`)
    }
    const contents = printed.filter((html) => html.includes('class="toc"')).at(-1)!
    for (const page of [5, 9, 11]) assert.ok(contents.includes(`<span class="toc-page">${localNumber(edition, page)}</span>`), `contents list page ${page}`)
    // Chapter 1's link to chapter 2's heading now leads to its destination.
    const dests = merged.catalog.lookup(PDFName.of('Dests'))
    assert.ok(dests?.toString().includes('/h-2'))
  })

  it("drafts a part while the part before it prints, never more than two renderings at once, and numbers every final rendering rightly", async () => {
    // Each chapter has a note, so each part (one chapter) is drafted and then printed.
    const { file, tree } = await render(`---\ntitle: كتاب\nlang: ar\ndate: 2026-11-24\n---\n\n${[1, 2, 3].map((n) => `# فصل ${n}\n\nنص[^${n}]\n\n[^${n}]: حاشية ${n}\n`).join('\n')}`)
    const edition = makeEdition(file, tree, '.')
    const chapters = printChapters(edition)
    const events: { at: number; what: 'start' | 'end'; draft: boolean; chapter: number; html: string }[] = []
    let under = 0
    let most = 0
    const fn = async (html: string, draft = false) => {
      const chapter = Number(/<section class="chapter" id="chapter-(\d)"/.exec(html)?.[1] ?? 0)
      events.push({ at: performance.now(), what: 'start', draft, chapter, html })
      most = Math.max(most, ++under)
      // A rendering takes a while, as Chromium's do.
      await new Promise((resolve) => setTimeout(resolve, 25))
      under--
      events.push({ at: performance.now(), what: 'end', draft, chapter, html })
      if (chapter === 0) return fakePdf(3, { contents: 3 })
      return fakePdf(3, { [`chapter-${chapter}`]: 1, [TOP_ID]: 1 })
    }
    const merged = await paginateBook(edition, chapters, fn, 'foot', 1)
    const index = (what: 'start' | 'end', draft: boolean, chapter: number) => events.findIndex((e) => e.what === what && e.draft === draft && e.chapter === chapter)
    for (const n of [2, 3]) {
      assert.ok(index('start', true, n) >= 0, `chapter ${n} is drafted`)
      assert.ok(index('start', true, n) < index('end', false, n - 1), `chapter ${n}'s draft starts before chapter ${n - 1}'s final rendering ends`)
    }
    assert.ok(most <= 2, `${most} renderings at once`)
    // Front 3 pages + blank; each part 3 pages + blank: chapters on pages 5, 9 and 13.
    assert.equal(merged.getPageCount(), 15)
    const finals = events.filter((e) => e.what === 'start' && !e.draft && e.chapter > 0)
    for (const [n, offset] of [[1, 4], [2, 8], [3, 12]] as const) {
      assert.ok(finals.some((e) => e.chapter === n && e.html.includes(`counter-reset: page ${offset};`)), `chapter ${n}'s final rendering numbered on from ${offset}`)
    }
  })
})
