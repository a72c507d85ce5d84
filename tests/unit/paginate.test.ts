/**
 * The layout loop without a browser: a stand-in renderer returns PDFs whose
 * named destinations move (as a table of contents growing by a page would
 * move them) and the loop must re-render until the numbers it printed are the
 * pages things landed on, at most MAX_PASSES renderings.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PDFDocument, PDFName } from 'pdf-lib'
import { makeEdition } from '../../src/publication/edition.ts'
import { destinationPages } from '../../src/writers/pdf/destinations.ts'
import { MAX_PASSES, paginate } from '../../src/writers/pdf/write.ts'
import { render } from '../helpers/html.ts'

/** A PDF of `pages` pages with named destinations on the given pages. */
async function fakePdf(pages: number, dests: Record<string, number>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const refs = Array.from({ length: pages }, () => pdf.addPage().ref)
  const dict = pdf.context.obj(Object.fromEntries(Object.entries(dests).map(([name, page]) => [name, [refs[page - 1]!, PDFName.of('XYZ'), 0, 0, 0]])))
  pdf.catalog.set(PDFName.of('Dests'), dict)
  return pdf.save()
}

async function book() {
  const { file, tree } = await render('---\ntitle: كتاب\nlang: ar\ndate: 2026-11-24\n---\n\n# أ\n\nنص\n\n# ب\n\nنص\n')
  return makeEdition(file, tree, '.')
}

/** A renderer whose chapter 2 lands on `where[n]` at rendering n, recording the number the TOC printed. */
function renderer(where: number[]) {
  const printed: string[] = []
  const fn = async (html: string) => {
    printed.push(/href="#chapter-2".*?<span class="toc-page">([^<]*)<\/span>/.exec(html)?.[1] ?? '?')
    const page = where[Math.min(printed.length - 1, where.length - 1)]!
    return fakePdf(page + 1, { 'chapter-1': 3, 'chapter-2': page })
  }
  return { fn, printed }
}

describe('paginate', () => {
  it('renders twice when the second rendering confirms the first', async () => {
    const { fn, printed } = renderer([5, 5])
    const { passes, bytes } = await paginate(await book(), fn)
    assert.equal(passes, 2)
    assert.deepEqual(printed, ['٠', '٥'])
    assert.equal((await destinationPages(bytes)).get('chapter-2'), 5)
  })

  it('renders again when printing the numbers moved the pages, and stops when they hold', async () => {
    // Odd pages: a chapter on an even page would also gain a blank verso (see recto.test.ts).
    const { fn, printed } = renderer([5, 7, 7])
    const { passes } = await paginate(await book(), fn)
    assert.equal(passes, 3)
    assert.deepEqual(printed, ['٠', '٥', '٧'])
  })

  it(`gives up after ${MAX_PASSES} renderings`, async () => {
    // Chapter 2 moves at every rendering, two pages more each time (always onto a recto, so no
    // blank verso is involved, whose effect the loop would foresee): it never holds.
    const { fn, printed } = renderer(Array.from({ length: MAX_PASSES + 1 }, (_, i) => 5 + 2 * i))
    const { passes } = await paginate(await book(), fn)
    assert.equal(passes, MAX_PASSES)
    assert.equal(printed.length, MAX_PASSES)
  })
})
