/**
 * Chapters open on a recto: the layout loop reads the page each chapter
 * opened on and puts a blank verso (no running head, no number) before every
 * chapter that opened on an even page, without a browser.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PDFDocument, PDFName } from 'pdf-lib'
import { makeEdition } from '../../src/publication/edition.ts'
import { printChapters } from '../../src/writers/pdf/chapters.ts'
import { firstLayout, printHtml } from '../../src/writers/pdf/print-html.ts'
import { blankPageCss, movedByBlanks, versoBlanks } from '../../src/writers/pdf/recto.ts'
import { MAX_PASSES, paginate } from '../../src/writers/pdf/write.ts'
import { settle } from '../../src/writers/pdf/settle.ts'
import { render } from '../helpers/html.ts'

async function book() {
  const { file, tree } = await render('---\ntitle: كتاب\nlang: ar\ndate: 2026-11-24\n---\n\n# أ\n\nنص\n\n# ب\n\nنص\n\n# ج\n\nنص\n')
  return makeEdition(file, tree, '.')
}

/** A PDF whose chapters open where `pages` says (1-based), with destinations as Chromium writes them. */
async function fakePdf(pages: Record<string, number>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const count = Math.max(...Object.values(pages)) + 1
  const refs = Array.from({ length: count }, () => pdf.addPage().ref)
  pdf.catalog.set(PDFName.of('Dests'), pdf.context.obj(Object.fromEntries(Object.entries(pages).map(([id, p]) => [id, [refs[p - 1]!, PDFName.of('XYZ'), 0, 800, 0]]))))
  return pdf.save()
}

describe('chapters on a recto', () => {
  it('keeps the first chapter on the page of an untitled preface (a basmala): the preface takes the recto', async () => {
    const { file, tree } = await render('---\ntitle: كتاب\nlang: ar\ndate: 2026-11-24\n---\n\nبسم الله الرحمن الرحيم\n\n# أ\n\nنص\n\n# ب\n\nنص\n')
    const chapters = printChapters(makeEdition(file, tree, '.'))
    assert.equal(chapters[0]?.untitled, true)
    // The preface and chapter 1 open on page 4 together: the preface gets the blank, never the chapter after it.
    const blanks = versoBlanks(chapters, new Map([['chapter-1', 4], ['chapter-2', 4], ['chapter-3', 6]]), new Set())
    assert.deepEqual([...blanks], [1])
  })

  it('measures where an untitled preface lands: the print HTML links to it, so Chromium writes its destination', async () => {
    const { file, tree } = await render('---\ntitle: كتاب\nlang: ar\ndate: 2026-11-24\n---\n\nبسم الله الرحمن الرحيم\n\n# أ\n\nنص\n\n# ب\n\nنص\n')
    const edition = makeEdition(file, tree, '.')
    const chapters = printChapters(edition)
    const html = await printHtml(edition, { chapters, pages: new Map() })
    // Without a destination its page is unknown and the preface (with chapter 1) may open on a verso.
    assert.ok(html.includes(`href="#${chapters[0]!.id}"`), 'a link to the preface')
  })

  it('asks for a blank page before a chapter that opened on an even page, and keeps it once it is odd', async () => {
    const chapters = printChapters(await book())
    // Chapter 2 on page 4 gains a blank; that moves chapter 3 from 8 to 9, which needs none.
    const first = versoBlanks(chapters, new Map([['chapter-1', 3], ['chapter-2', 4], ['chapter-3', 8]]), new Set())
    assert.deepEqual([...first], [2])
    // Rendered with that blank, the chapters open on 3, 5, 9: nothing changes.
    assert.deepEqual([...versoBlanks(chapters, new Map([['chapter-1', 3], ['chapter-2', 5], ['chapter-3', 9]]), first)], [2])
    // A blank that now makes its chapter even goes away, which moves chapter 3 to an even page: it gains one.
    assert.deepEqual([...versoBlanks(chapters, new Map([['chapter-1', 3], ['chapter-2', 6], ['chapter-3', 9]]), new Set([2]))], [3])
    // Decided in one step: the blank before chapter 2 moves chapter 3 from 6 to 7, so it needs none.
    assert.deepEqual([...versoBlanks(chapters, new Map([['chapter-1', 3], ['chapter-2', 4], ['chapter-3', 6]]), new Set())], [2])
  })

  it('lays out again until every chapter opens on an odd page', async () => {
    const edition = await book()
    // A stand-in renderer: each blank page before a chapter moves it and every later chapter by one page.
    const base = { 'chapter-1': 3, 'chapter-2': 4, 'chapter-3': 6 }
    const htmls: string[] = []
    const fn = async (html: string) => {
      htmls.push(html)
      const blanks = [1, 2, 3].map((n) => html.includes(`data-blank-before="${n}"`))
      const shift = (n: number) => blanks.slice(0, n).filter(Boolean).length
      return fakePdf({ 'chapter-1': base['chapter-1'] + shift(1), 'chapter-2': base['chapter-2'] + shift(2), 'chapter-3': base['chapter-3'] + shift(3) })
    }
    const { bytes, passes } = await paginate(edition, fn)
    const last = htmls.at(-1)!
    assert.ok(last.includes('data-blank-before="2"') && !last.includes('data-blank-before="3"') && !last.includes('data-blank-before="1"'), 'one blank, before chapter 2')
    const pdf = await PDFDocument.load(bytes)
    assert.equal(pdf.getPageCount(), 8)
    // The rendering with the blank already printed where the blank moved chapters 2 and 3 (5 and 7):
    // their contents numbers and their running heads, which start on the page after the opening.
    assert.equal(passes, 2, 'the blank placed and its pages printed in the second rendering')
    assert.match(last, /href="#chapter-3"[^]*?<span class="toc-page">٧<\/span>/)
    assert.match(last, /chapkhana-head-chapter-2 \{[^}]*range: 6 infinite/)
    assert.match(last, /chapkhana-head-chapter-3 \{[^}]*range: 8 infinite/)
  })

  it('tells where things landed in the rendering it keeps, not where a blank it never printed would move them', async () => {
    const edition = await book()
    // A stand-in renderer that ignores the blanks: chapter 2 stays on page 4, and the loop never settles.
    const fn = async () => fakePdf({ 'chapter-1': 3, 'chapter-2': 4, 'chapter-3': 6 })
    const settled = await settle(edition, firstLayout(edition, 'foot'), fn)
    assert.equal(settled.passes, MAX_PASSES)
    // A book part's pages become the contents numbers of the whole book: they must be the kept rendering's own.
    assert.deepEqual(settled.pages && [settled.pages.get('chapter-2'), settled.pages.get('chapter-3')], [4, 6])
    // And its page count, read in the same parse (a book does not parse each part again for it).
    assert.equal(settled.count, 7)
  })

  it('moves what lies after a blank added or taken away, and nothing before it', async () => {
    const chapters = printChapters(await book())
    const pages = new Map([['contents', 2], ['chapter-1', 3], ['s-1', 3], ['chapter-2', 4], ['s-2', 5], ['chapter-3', 7], ['n-3', 8]])
    // A blank before chapter 2: it and everything after move on a page.
    assert.deepEqual(Object.fromEntries(movedByBlanks(chapters, pages, new Set(), new Set([2]))), { contents: 2, 'chapter-1': 3, 's-1': 3, 'chapter-2': 5, 's-2': 6, 'chapter-3': 8, 'n-3': 9 })
    // The blank before chapter 2 taken away and one put before chapter 3: chapter 2 back a page, chapter 3 where it was.
    assert.deepEqual(Object.fromEntries(movedByBlanks(chapters, pages, new Set([2]), new Set([3]))), { contents: 2, 'chapter-1': 3, 's-1': 3, 'chapter-2': 3, 's-2': 4, 'chapter-3': 7, 'n-3': 8 })
    // No change: the same map.
    assert.equal(movedByBlanks(chapters, pages, new Set([2]), new Set([2])), pages)
    // A changed chapter that was never measured: nothing is guessed.
    const unmeasured = new Map([['chapter-1', 3]])
    assert.equal(movedByBlanks(chapters, unmeasured, new Set(), new Set([2])), unmeasured)
  })

  it('prints blank pages on a named page with nothing in its margin boxes', async () => {
    const css = blankPageCss()
    assert.match(css, /\.blank-page \{ page: chapkhana-blank; break-before: page; break-after: page;/)
    for (const side of ['', ':left', ':right']) {
      const rule = css.split('\n').find((line) => line.startsWith(`@page chapkhana-blank${side} {`)) ?? ''
      for (const box of ['top-center', 'bottom-left', 'bottom-right']) assert.ok(rule.includes(`@${box} { content: none; }`), `${side || 'any'} side: ${box}`)
    }
    const html = await printHtml(await book(), { chapters: printChapters(await book()), pages: new Map(), blanks: new Set([3]) })
    assert.match(html, /<div class="blank-page" aria-hidden="true" data-blank-before="3"><\/div><section class="chapter" id="chapter-3">/)
  })
})
