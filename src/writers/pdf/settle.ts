/**
 * The layout loop of one printed document (an article, a whole book, or one
 * part of a book): the first rendering tells where chapters, sections and
 * note references landed; the next prints the contents numbers, the blank
 * versos and the notes at the foot of their pages; repeat until the layout
 * prints what the rendering showed, `MAX_PASSES` renderings at most.
 */
import type { PDFDocument } from 'pdf-lib'
import type { Edition } from '../../publication/edition.ts'
import { printHtml, type PrintLayout } from './print-html.ts'
import { needsMeasuring, nextLayout, sameLayout, samePages, strayNotes } from './layout.ts'
import type { PositionMap } from './positions.ts'
import type { PageMap } from './toc.ts'

/**
 * Renderings of one document, at most (the last one is kept even if it moved).
 * Pages that may end inside a paragraph need one rendering to mark the
 * paragraphs' words and one more to push the feet planned from them down:
 * al-Muqtabas issue 60 settles in 7 (with 6 its last feet were left unpadded,
 * up to 90 pt above the page foot). A settled document stops earlier.
 */
export const MAX_PASSES = 8

/** Render HTML to PDF bytes; `draft`: only to learn where things land (no tags). */
export type RenderHtml = (html: string, draft?: boolean) => Promise<Uint8Array>

/** A settled document: its last rendering, the passes it took, its layout and, when measured, where its ids landed. */
export interface Settled {
  readonly bytes: Uint8Array
  readonly passes: number
  readonly layout: PrintLayout
  readonly pages?: PageMap
  /** Its page count, when measured (read in the same parse). */
  readonly count?: number
  /** The rendering as that parse left it, unchanged: not parsed again by the merge or the finishing. */
  readonly pdf?: PDFDocument
}

/**
 * Lay out and render from `first` until the layout holds. The first of
 * several renderings is a draft (only measured, `render.ts`); a document
 * with nothing to measure is rendered once. `drafted`: that draft, already
 * under way (a book's part, drafted while the part before it printed: a
 * draft of `first` numbered from another page lays out the same, `book.ts`).
 */
export async function settle(edition: Edition, first: PrintLayout, render: RenderHtml, drafted?: Promise<Uint8Array>): Promise<Settled> {
  let layout = first
  const measured = needsMeasuring(layout)
  let bytes = measured && drafted ? await drafted : await render(await printHtml(edition, layout), measured)
  if (!measured) return { bytes, passes: 1, layout }
  // The rendering with the fewest notes off their page that prints its own contents numbers, in
  // case the layout never settles: one change moves the pages after it, and the last rendering
  // of an unsettled loop is not always its best.
  let best: (Settled & { stray: string[] }) | undefined
  for (let passes = 1; passes < MAX_PASSES; passes++) {
    const next = await nextLayout(edition, layout, bytes)
    if (passes > 1 && sameLayout(next.layout, layout)) return { bytes, passes, layout, pages: next.landed, count: next.count, pdf: next.pdf }
    if (passes > 1) best = better(best, { bytes, passes, layout, pages: next.landed, count: next.count, pdf: next.pdf }, next)
    layout = next.layout
    bytes = await render(await printHtml(edition, layout))
  }
  const last = await nextLayout(edition, layout, bytes)
  const chosen = better(best, { bytes, passes: MAX_PASSES, layout, pages: last.landed, count: last.count, pdf: last.pdf }, last) ?? { bytes, passes: MAX_PASSES, layout, pages: last.landed, count: last.count, pdf: last.pdf, stray: strayNotes(layout, last.positions) }
  const { stray, ...settled } = chosen
  if (stray.length > 0) edition.file.message(`${stray.length} note(s) did not settle at the foot of their page after ${MAX_PASSES} layouts: ${stray.slice(0, 5).join(', ')}; \`notes: end\` in the front matter prints them at the end of each chapter`, { ruleId: 'pdf-footnote-place', source: 'chapkhana' })
  return settled
}

/**
 * `candidate` (a rendering of `candidate.layout`, whose next layout is `next`)
 * when it prints its own contents numbers and blank pages and has no more
 * notes off their page than `best` (a later rendering wins a tie), else `best`.
 */
function better(best: (Settled & { stray: string[] }) | undefined, candidate: Settled, next: { layout: PrintLayout; positions: PositionMap }): (Settled & { stray: string[] }) | undefined {
  if (!samePages(next.layout, candidate.layout)) return best
  const stray = strayNotes(candidate.layout, next.positions)
  return best === undefined || stray.length <= best.stray.length ? { ...candidate, stray } : best
}
