/**
 * One step of the layout loop: from a rendering, the next layout. The pages
 * things landed on give the table of contents its numbers and tell which
 * chapters need a blank verso before them; the positions of blocks,
 * references and notes give the page feet (`footnotes/plan.ts`). A layout
 * that prints what the rendering showed is final.
 */
import type { PDFDocument } from 'pdf-lib'
import type { Edition } from '../../publication/edition.ts'
import { placeFootnotes } from './footnotes/place.ts'
import { padFeet, planFeet, planHolds, samePlan, type PageFrame } from './footnotes/plan.ts'
import { PAGE } from './page-css.ts'
import { landing, type PositionMap } from './positions.ts'
import type { PrintLayout } from './print-html.ts'
import { movedByBlanks, versoBlanks } from './recto.ts'
import { tocEntries, type PageMap } from './toc.ts'

/** The A4 text block the footnote planner fills. */
export const FRAME: PageFrame = { height: ((297 - PAGE.top - PAGE.bottom) * 72) / 25.4 }

/** Whether a layout needs a rendering to learn where things land. */
export function needsMeasuring(layout: PrintLayout): boolean {
  return layout.chapters.length >= 2 || layout.foot !== undefined
}

/**
 * The layout that prints what the rendering `bytes` of `layout` showed, and
 * the pages things `landed` on in it (the layout's own `pages` are where they
 * will land once its blank versos change), and its page `count`.
 */
export async function nextLayout(edition: Edition, layout: PrintLayout, bytes: Uint8Array): Promise<{ layout: PrintLayout; positions: PositionMap; landed: PageMap; count: number; pdf: PDFDocument }> {
  const { positions, count, pdf } = await landing(bytes)
  const landed: PageMap = new Map([...positions].map(([id, p]) => [id, p.page]))
  const book = layout.chapters.length >= 2
  const blanks = book ? versoBlanks(layout.chapters, landed, layout.blanks ?? new Set()) : undefined
  // Where things will land with those blanks: one rendering fewer for a book whose blanks change.
  const pages = blanks ? movedByBlanks(layout.chapters, landed, layout.blanks ?? new Set(), blanks) : landed
  let foot = layout.foot
  if (foot) {
    const { flow } = placeFootnotes(layout.chapters, foot, () => edition.words.footnotes)
    // Page feet that printed right are kept (and pushed down); the others are planned again, and so
    // is every foot once paragraphs were measured that a page may now end inside.
    const measured = (foot.measure?.length ?? 0) > 0
    foot = !measured && planHolds(foot, flow, positions) ? padFeet(foot, positions, FRAME) : planFeet(flow, foot, positions, FRAME)
  }
  return { layout: { ...layout, pages, ...(blanks ? { blanks } : {}), ...(foot ? { foot } : {}) }, positions, landed, count, pdf }
}

const sameSet = (a: ReadonlySet<number> = new Set(), b: ReadonlySet<number> = new Set()): boolean => a.size === b.size && [...a].every((x) => b.has(x))

/** Whether `a` and `b` print the same contents numbers and blank pages. */
export function samePages(a: PrintLayout, b: PrintLayout): boolean {
  const ids = tocEntries(a.chapters).map((entry) => entry.target)
  return (a.chapters.length < 2 || ids.every((id) => a.pages.get(id) === b.pages.get(id))) && sameSet(a.blanks, b.blanks)
}

/** Whether `a` and `b` print the same: TOC numbers, blank pages, page feet. */
export function sameLayout(a: PrintLayout, b: PrintLayout): boolean {
  const feetHold = a.foot === undefined ? b.foot === undefined : b.foot !== undefined && samePlan(a.foot, b.foot)
  return samePages(a, b) && feetHold
}

/**
 * Notes the final rendering printed away from their reference, as
 * "note → (reference page, note page)", for a warning.
 */
export function strayNotes(layout: PrintLayout, positions: PositionMap): string[] {
  if (!layout.foot) return []
  const stray: string[] = []
  const { flow } = placeFootnotes(layout.chapters, layout.foot, () => '')
  const seen = new Set<string>()
  for (const chapter of flow) {
    for (const ref of chapter.blocks.flatMap((b) => b.refs)) {
      if (seen.has(ref.note)) continue
      seen.add(ref.note)
      const at = positions.get(ref.id)?.page
      const note = positions.get(ref.note)?.page
      if (at !== note) stray.push(`${ref.note} (cited on page ${at ?? '?'}, printed on page ${note ?? '?'})`)
    }
  }
  return stray
}
