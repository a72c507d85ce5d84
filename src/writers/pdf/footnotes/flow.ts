/**
 * A chapter's text as one long column: where each block, each part of a
 * paragraph cut between pages and each note reference lies along the flow of
 * the chapter's text, in points from its top, notes and page breaks left
 * out. The planner (`plan.ts`) cuts this column into pages.
 */
import type { Position, PositionMap } from '../positions.ts'
import { areaId, type FlowChapter, type FootCut } from './types.ts'

/** Where a chapter's text lies along its flow. */
export interface ChapterFlow {
  /** Block, paragraph part or end marker id → its top along the flow. */
  readonly offset: ReadonlyMap<string, number>
  /** The flow at the chapter's end marker. */
  readonly end: number
  /** Each first reference to a note, at its place in the flow, in order. */
  readonly refs: readonly { readonly note: string; readonly flow: number }[]
}

/**
 * The flow of `chapter` as the rendering of `cuts` printed it. A block and
 * what follows it on one page: its exact height, kept in `heights` for later
 * plans. Across a page, the page may have ended short (notes that did not fit
 * went over): the kept height.
 */
export function chapterFlow(
  chapter: FlowChapter,
  cuts: readonly FootCut[],
  positions: PositionMap,
  dist: (a: Position, b: Position) => number,
  top: number,
  heights: Map<string, number>,
  firstRef: ReadonlyMap<string, string>
): ChapterFlow | undefined {
  const at = (id: string): Position | undefined => positions.get(id)
  const cutBefore = new Set(cuts.map((c) => c.before))
  // The parts of each paragraph a page ended inside, in order.
  const parts = new Map<string, string[]>()
  for (const cut of [...cuts].sort((a, b) => (a.inside?.word ?? 0) - (b.inside?.word ?? 0))) {
    if (cut.inside) parts.set(cut.inside.block, [...(parts.get(cut.inside.block) ?? []), cut.before])
  }
  // The flow of the chapter as rendered: blocks and parts, each followed by what came next on paper.
  const seq = chapter.blocks.flatMap((b) => [
    ...(cutBefore.has(b.id) ? [areaId(b.id)] : []),
    b.id,
    ...(parts.get(b.id) ?? []).flatMap((part) => [areaId(part), part])
  ])
  seq.push(...(cutBefore.has(chapter.end) ? [areaId(chapter.end)] : []), chapter.end)
  const first = at(chapter.blocks[0]?.id ?? chapter.end)
  if (!first) return undefined
  const offset = new Map<string, number>()
  let cursor = top - first.y
  for (let i = 0; i < seq.length; i++) {
    const id = seq[i]!
    if (id.startsWith('notes-at-')) continue
    offset.set(id, cursor)
    const here = at(id)
    const next = at(seq[i + 1] ?? '')
    if (!here || !next) continue
    if (here.page === next.page) heights.set(id, Math.max(0, here.y - next.y))
    cursor += here.page === next.page ? Math.max(0, here.y - next.y) : (heights.get(id) ?? Math.max(0, dist(here, next)))
  }
  const end = offset.get(chapter.end) ?? cursor
  /** The part of block `id` a reference at `ref` is in: the last that starts before it. */
  const partOf = (id: string, ref: Position): string =>
    [id, ...(parts.get(id) ?? [])].filter((p) => {
      const start = at(p)
      return start !== undefined && (start.page < ref.page || (start.page === ref.page && start.y >= ref.y - 1))
    }).at(-1) ?? id
  const refs = chapter.blocks.flatMap((b) =>
    b.refs.filter((r) => firstRef.get(r.note) === r.id).map((r) => {
      const ref = at(r.id)
      const part = ref ? partOf(b.id, ref) : b.id
      const start = at(part)
      return { note: r.note, flow: (offset.get(part) ?? 0) + (start && ref ? Math.max(0, dist(start, ref)) : 0) }
    })
  )
  return { offset, end, refs }
}
