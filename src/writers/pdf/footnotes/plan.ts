/**
 * Planning the page feet from one rendering. Every block, reference, note and
 * marker reported where it landed (`positions.ts`); from that the planner
 * knows each block's height and each reference's place in the flow of its
 * chapter, and fills pages as Chromium would, ending a page at the last block
 * boundary where the text above plus the notes cited in it still fit. The
 * plan is only as right as the rendering it came from, so the layout loop
 * renders again until every note prints on the page of its reference.
 */
import type { Position, PositionMap } from '../positions.ts'
import { areaEndId, areaId, noteEndId, TOP_ID, type FlowChapter, type FootCut, type FootPlan } from './types.ts'

/** The text block of a page, in points. */
export interface PageFrame {
  /** Height of the text block. */
  readonly height: number
}

/** Space a block of notes takes besides its notes (padding, rule), in points. */
export const AREA_OVERHEAD = 16
/** Room kept free on a planned page: a line may land a little lower than measured. */
export const SLACK = 10
/** Space kept between the notes and the page's bottom margin when they are pushed down. */
export const FOOT_GAP = 2

/** Distances along the flow of pages, given the y of the text block's top. */
function ruler(positions: PositionMap, frame: PageFrame) {
  const top = positions.get(TOP_ID)?.y
  if (top === undefined) throw new Error(`layout: the rendering reported no ${TOP_ID} marker`)
  const bottom = top - frame.height
  /** Points of text block from `a` down to `b` (b later in the flow). */
  const dist = (a: Position, b: Position): number =>
    a.page === b.page ? a.y - b.y : a.y - bottom + (b.page - a.page - 1) * frame.height + (top - b.y)
  return { top, bottom, dist }
}

/** Whether one page foot printed whole, on the page of every reference to its notes. */
function cutHolds(cut: FootCut, refOf: ReadonlyMap<string, string>, positions: PositionMap): boolean {
  const area = positions.get(areaId(cut.before))
  const end = positions.get(areaEndId(cut.before))
  if (!area || !end || area.page !== end.page) return false
  return cut.notes.every((note) => positions.get(note)?.page === area.page && positions.get(refOf.get(note) ?? '')?.page === area.page)
}

/** Whether every planned note printed on its reference's page, inside one page foot. */
export function planHolds(plan: FootPlan, flow: readonly FlowChapter[], positions: PositionMap): boolean {
  const refOf = firstRefs(flow)
  return plan.cuts.every((cut) => cutHolds(cut, refOf, positions)) && [...refOf.keys()].every((note) => plan.cuts.some((cut) => cut.notes.includes(note)))
}

/** Note id → id of its first reference. */
function firstRefs(flow: readonly FlowChapter[]): Map<string, string> {
  const first = new Map<string, string>()
  for (const chapter of flow) for (const block of chapter.blocks) for (const ref of block.refs) if (!first.has(ref.note)) first.set(ref.note, ref.id)
  return first
}

/** The page feet for `flow`, from the rendering of `previous` that reported `positions`. */
export function planFeet(flow: readonly FlowChapter[], previous: FootPlan, positions: PositionMap, frame: PageFrame): FootPlan {
  const { dist, top, bottom } = ruler(positions, frame)
  const at = (id: string): Position | undefined => positions.get(id)
  const noteHeight = (note: string): number => {
    const start = at(note)
    const end = at(noteEndId(note))
    return start && end ? dist(start, end) : frame.height / 4
  }
  const cutBefore = new Set(previous.cuts.map((c) => c.before))
  const refOf = firstRefs(flow)
  const cuts: FootCut[] = []
  for (const chapter of flow) {
    // The flow of the chapter as rendered: blocks, each followed by what came next on paper.
    const seq = chapter.blocks.flatMap((b) => (cutBefore.has(b.id) ? [areaId(b.id), b.id] : [b.id]))
    seq.push(...(cutBefore.has(chapter.end) ? [areaId(chapter.end)] : []), chapter.end)
    const first = at(chapter.blocks[0]?.id ?? chapter.end)
    if (!first) continue
    const offset = new Map<string, number>()
    let cursor = top - first.y
    for (let i = 0; i < seq.length; i++) {
      const id = seq[i]!
      if (id.startsWith('notes-at-')) continue
      offset.set(id, cursor)
      const here = at(id)
      const next = at(seq[i + 1] ?? '')
      if (here && next) cursor += Math.max(0, dist(here, next))
    }
    const end = offset.get(chapter.end) ?? cursor
    // Each reference at its place in the flow, in order.
    const refs = chapter.blocks.flatMap((b) =>
      b.refs.filter((r) => refOf.get(r.note) === r.id).map((r) => {
        const block = at(b.id)
        const ref = at(r.id)
        return { note: r.note, flow: (offset.get(b.id) ?? 0) + (block && ref ? Math.max(0, dist(block, ref)) : 0) }
      })
    )
    const boundaries = chapter.blocks
      .map((b, i) => ({ id: b.id, flow: offset.get(b.id) ?? 0, afterHeading: i > 0 && chapter.blocks[i - 1]!.heading }))
      .filter((b, i) => i > 0 && !b.afterHeading)
    boundaries.push({ id: chapter.end, flow: end, afterHeading: false })
    const done = new Set<string>()
    const chapterIds = new Set([...chapter.blocks.map((b) => b.id), chapter.end])
    let pageStart = 0
    while (pageStart < end) {
      const pageEnd = pageStart + frame.height
      const pending = refs.filter((r) => !done.has(r.note) && r.flow < pageEnd)
      if (pending.length === 0) {
        pageStart = pageEnd
        continue
      }
      // A page foot of the previous plan that printed right is kept as it is, pushed down.
      const prev = previous.cuts.find((c) => (c.before === chapter.end ? end : (offset.get(c.before) ?? -1)) > pageStart && chapterIds.has(c.before))
      const prevFlow = prev ? (prev.before === chapter.end ? end : offset.get(prev.before) ?? 0) : 0
      if (prev && prev.notes.length > 0 && cutHolds(prev, refOf, positions) && sameList(prev.notes, [...new Set(refs.filter((r) => !done.has(r.note) && r.flow < prevFlow).map((r) => r.note))])) {
        for (const n of prev.notes) done.add(n)
        cuts.push(padCut(prev, positions, bottom))
        if (prev.before === chapter.end) break
        pageStart = prevFlow
        continue
      }
      let chosen: { id: string; flow: number; notes: string[] } | undefined
      for (const b of boundaries.filter((b) => b.flow > pageStart && b.flow <= pageEnd).reverse()) {
        const notes = [...new Set(refs.filter((r) => !done.has(r.note) && r.flow < b.flow).map((r) => r.note))]
        const need = b.flow - pageStart + (notes.length > 0 ? AREA_OVERHEAD + notes.reduce((sum, n) => sum + noteHeight(n), 0) : 0) + SLACK
        if (need <= frame.height) {
          chosen = { id: b.id, flow: b.flow, notes }
          break
        }
      }
      if (!chosen) {
        // One block longer than the page with its notes: its notes go to the next page foot.
        pageStart = pageEnd
        continue
      }
      for (const n of chosen.notes) done.add(n)
      const kept = previous.cuts.find((c) => c.before === chosen.id && sameList(c.notes, chosen.notes))
      cuts.push({ before: chosen.id, notes: chosen.notes, pad: kept?.pad ?? 0 })
      if (chosen.id === chapter.end) break
      pageStart = chosen.flow
    }
  }
  return { cuts }
}

/** One page foot pushed down to the bottom of its page, as the rendering shows it. */
function padCut(cut: FootCut, positions: PositionMap, bottom: number): FootCut {
  const end = positions.get(areaEndId(cut.before))
  if (!end || cut.notes.length === 0) return cut
  const room = end.y - bottom - FOOT_GAP
  // Small moves are not worth another rendering.
  return Math.abs(room) < 3 ? cut : { ...cut, pad: Math.max(0, cut.pad + room) }
}

/** The plan with each page foot pushed down to the bottom of its page, as the rendering shows it. */
export function padFeet(plan: FootPlan, positions: PositionMap, frame: PageFrame): FootPlan {
  const { bottom } = ruler(positions, frame)
  return { cuts: plan.cuts.map((cut) => padCut(cut, positions, bottom)) }
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

/** Whether two plans would print the same pages. */
export function samePlan(a: FootPlan, b: FootPlan): boolean {
  return a.cuts.length === b.cuts.length && a.cuts.every((cut, i) => {
    const other = b.cuts[i]!
    return cut.before === other.before && sameList(cut.notes, other.notes) && Math.abs(cut.pad - other.pad) < 0.01
  })
}
