/**
 * The layout loop of one printed document (an article, a whole book, or one
 * part of a book): the first rendering tells where chapters, sections and
 * note references landed; the next prints the contents numbers, the blank
 * versos and the notes at the foot of their pages; repeat until the layout
 * prints what the rendering showed, `MAX_PASSES` renderings at most.
 */
import type { Edition } from '../../publication/edition.ts'
import { printHtml, type PrintLayout } from './print-html.ts'
import { needsMeasuring, nextLayout, sameLayout, strayNotes } from './layout.ts'
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
}

/**
 * Lay out and render from `first` until the layout holds. With `draft`
 * every rendering is a draft (a part of a book is rendered once more,
 * tagged, when its page numbers are known); otherwise only the first of
 * several is. A document with nothing to measure is rendered once.
 */
export async function settle(edition: Edition, first: PrintLayout, render: RenderHtml, draft = false): Promise<Settled> {
  let layout = first
  const measured = needsMeasuring(layout)
  let bytes = await render(await printHtml(edition, layout), measured || draft)
  if (!measured) return { bytes, passes: 1, layout }
  for (let passes = 1; passes < MAX_PASSES; passes++) {
    const next = await nextLayout(edition, layout, bytes)
    if (passes > 1 && sameLayout(next.layout, layout)) return { bytes, passes, layout, pages: next.layout.pages }
    layout = next.layout
    bytes = await render(await printHtml(edition, layout), draft)
  }
  const last = await nextLayout(edition, layout, bytes)
  const stray = strayNotes(layout, last.positions)
  if (stray.length > 0) edition.file.message(`${stray.length} note(s) did not settle at the foot of their page after ${MAX_PASSES} layouts: ${stray.slice(0, 5).join(', ')}; \`notes: end\` in the front matter prints them at the end of each chapter`, { ruleId: 'pdf-footnote-place', source: 'chapkhana' })
  return { bytes, passes: MAX_PASSES, layout, pages: last.layout.pages }
}
