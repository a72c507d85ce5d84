/**
 * Judging a rendering against the plan it printed: whether every page foot
 * printed whole on the page of its references, pushing held feet down to the
 * bottom of their page, and whether two plans print the same pages. Split
 * from the planner (`plan.ts`), which only makes new plans.
 */
import type { Position, PositionMap } from '../positions.ts'
import { areaEndId, areaId, TOP_ID, type FlowChapter, type FootCut, type FootPlan, type NotePart } from './types.ts'

/** The text block of a page, in points. */
export interface PageFrame {
  /** Height of the text block. */
  readonly height: number
}

/** Space kept between the notes and the page's bottom margin when they are pushed down. */
export const FOOT_GAP = 2

/** Distances along the flow of pages, given the y of the text block's top. */
export function ruler(positions: PositionMap, frame: PageFrame) {
  const top = positions.get(TOP_ID)?.y
  if (top === undefined) throw new Error(`layout: the rendering reported no ${TOP_ID} marker`)
  const bottom = top - frame.height
  /** Points of text block from `a` down to `b` (b later in the flow). */
  const dist = (a: Position, b: Position): number =>
    a.page === b.page ? a.y - b.y : a.y - bottom + (b.page - a.page - 1) * frame.height + (top - b.y)
  return { top, bottom, dist }
}

/**
 * Whether one page foot printed whole, on the page of every reference to its
 * notes, and on the page it ends (a block of notes too tall for the room left
 * goes over to a page of its own, leaving its page short).
 */
export function cutHolds(cut: FootCut, refOf: ReadonlyMap<string, string>, positions: PositionMap, ends: ReadonlySet<string>): boolean {
  const area = positions.get(areaId(cut.before))
  const end = positions.get(areaEndId(cut.before))
  const after = positions.get(cut.before)
  if (!area || !end || !after || area.page !== end.page || pushed(cut, positions)) return false
  // A chapter's end marker comes just before its last page foot; a block after the page the foot ends.
  if (after.page !== (ends.has(cut.before) ? area.page : area.page + 1)) return false
  return cut.notes.every((note) => positions.get(note)?.page === area.page && positions.get(refOf.get(note) ?? '')?.page === area.page)
}

/** Whether a page foot went over to a page of its own: nothing printed above it on its page. */
export function pushed(cut: FootCut, positions: PositionMap): boolean {
  const area = positions.get(areaId(cut.before))
  const top = positions.get(TOP_ID)?.y
  return area !== undefined && top !== undefined && area.page > 1 && area.y >= top - 0.5
}

/** Whether a page foot printed on a later page than a reference to one of its notes: it did not fit where planned. */
export function wentOver(cut: FootCut, refOf: ReadonlyMap<string, string>, positions: PositionMap): boolean {
  const area = positions.get(areaId(cut.before))
  return area !== undefined && cut.notes.some((note) => (positions.get(refOf.get(note) ?? '')?.page ?? area.page) < area.page)
}

/** Whether every planned note printed on its reference's page, inside one page foot. */
export function planHolds(plan: FootPlan, flow: readonly FlowChapter[], positions: PositionMap): boolean {
  const refOf = firstRefs(flow)
  const ends = new Set(flow.map((c) => c.end))
  return plan.cuts.every((cut) => cutHolds(cut, refOf, positions, ends)) && [...refOf.keys()].every((note) => plan.cuts.some((cut) => cut.notes.includes(note)))
}

/** Note id → id of its first reference. */
export function firstRefs(flow: readonly FlowChapter[]): Map<string, string> {
  const first = new Map<string, string>()
  for (const chapter of flow) for (const block of chapter.blocks) for (const ref of block.refs) if (!first.has(ref.note)) first.set(ref.note, ref.id)
  return first
}

/** One page foot pushed down to the bottom of its page, as the rendering shows it. */
export function padCut(cut: FootCut, positions: PositionMap, bottom: number): FootCut {
  const end = positions.get(areaEndId(cut.before))
  if (!end || (cut.notes.length === 0 && !cut.carry)) return cut
  const room = end.y - bottom - FOOT_GAP
  // Small moves are not worth another rendering.
  return Math.abs(room) < 3 ? cut : { ...cut, pad: Math.max(0, cut.pad + room) }
}

/** The plan with each page foot pushed down to the bottom of its page, as the rendering shows it. */
export function padFeet(plan: FootPlan, positions: PositionMap, frame: PageFrame): FootPlan {
  const { bottom } = ruler(positions, frame)
  return { ...plan, cuts: plan.cuts.map((cut) => padCut(cut, positions, bottom)) }
}

export const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

const samePart = (a: NotePart | undefined, b: NotePart | undefined): boolean => a?.note === b?.note && a?.word === b?.word

/** Whether two page feet set the same notes in the same place (padding aside). */
export const sameCut = (a: FootCut, b: FootCut): boolean =>
  a.before === b.before && sameList(a.notes, b.notes) && samePart(a.split, b.split) && samePart(a.carry, b.carry) && a.inside?.word === b.inside?.word

/**
 * Whether plan `a`, made from a rendering of plan `b`, prints the same pages;
 * never when `a` asks for paragraphs to be measured (another rendering must mark them).
 */
export function samePlan(a: FootPlan, b: FootPlan): boolean {
  if ((a.measure?.length ?? 0) > 0) return false
  return a.cuts.length === b.cuts.length && a.cuts.every((cut, i) => {
    const other = b.cuts[i]!
    return sameCut(cut, other) && Math.abs(cut.pad - other.pad) < 0.01
  })
}
