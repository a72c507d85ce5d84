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
import { fitLines, measureLines, restHeight } from './lines.ts'
import { areaEndId, areaId, noteEndId, TOP_ID, type FlowChapter, type FootCut, type FootPlan, type NoteLines, type NotePart } from './types.ts'

/** The text block of a page, in points. */
export interface PageFrame {
  /** Height of the text block. */
  readonly height: number
}

/** Space a block of notes takes besides its notes (padding, rule), in points. */
export const AREA_OVERHEAD = 16
/** Room kept free on a planned page: a line may land a little lower than measured. */
export const SLACK = 10
/** Room taken from a page foot each time a cut note planned there went over to the next page. */
export const SQUEEZE = 20
/** Share of a page the rest of a note longer than a page may take from the text. */
export const MAX_NOTE_SHARE = 0.6
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

/**
 * Whether one page foot printed whole, on the page of every reference to its
 * notes, and on the page it ends (a block of notes too tall for the room left
 * goes over to a page of its own, leaving its page short).
 */
function cutHolds(cut: FootCut, refOf: ReadonlyMap<string, string>, positions: PositionMap, ends: ReadonlySet<string>): boolean {
  const area = positions.get(areaId(cut.before))
  const end = positions.get(areaEndId(cut.before))
  const after = positions.get(cut.before)
  if (!area || !end || !after || area.page !== end.page || pushed(cut, positions)) return false
  // A chapter's end marker comes just before its last page foot; a block after the page the foot ends.
  if (after.page !== (ends.has(cut.before) ? area.page : area.page + 1)) return false
  return cut.notes.every((note) => positions.get(note)?.page === area.page && positions.get(refOf.get(note) ?? '')?.page === area.page)
}

/** Whether a page foot went over to a page of its own: nothing printed above it on its page. */
function pushed(cut: FootCut, positions: PositionMap): boolean {
  const area = positions.get(areaId(cut.before))
  const top = positions.get(TOP_ID)?.y
  return area !== undefined && top !== undefined && area.page > 1 && area.y >= top - 0.5
}

/** Whether every planned note printed on its reference's page, inside one page foot. */
export function planHolds(plan: FootPlan, flow: readonly FlowChapter[], positions: PositionMap): boolean {
  const refOf = firstRefs(flow)
  const ends = new Set(flow.map((c) => c.end))
  return plan.cuts.every((cut) => cutHolds(cut, refOf, positions, ends)) && [...refOf.keys()].every((note) => plan.cuts.some((cut) => cut.notes.includes(note)))
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
  const refOf = firstRefs(flow)
  // Long notes are measured line by line once, whole; later renderings may show them cut in two.
  const measures = new Map(previous.measures)
  for (const note of refOf.keys()) {
    const lines = measures.has(note) ? undefined : measureLines(note, positions)
    if (lines) measures.set(note, lines)
  }
  const noteHeight = (note: string): number => {
    const measured = measures.get(note)
    if (measured) return measured.height
    const start = at(note)
    const end = at(noteEndId(note))
    return start && end ? dist(start, end) : frame.height / 4
  }
  const cutBefore = new Set(previous.cuts.map((c) => c.before))
  const ends = new Set(flow.map((c) => c.end))
  const heights = new Map(previous.heights)
  // A cut note that went over to a page of its own was planned a little too long: a line less there.
  const squeeze = new Map(previous.squeeze)
  for (const cut of previous.cuts) if ((cut.split || cut.carry) && pushed(cut, positions)) squeeze.set(cut.before, (squeeze.get(cut.before) ?? 0) + SQUEEZE)
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
      if (!here || !next) continue
      // A block and what follows it on one page: its exact height, kept for later plans. Across a
      // page, the page may have ended short (notes that did not fit went over): the kept height.
      if (here.page === next.page) heights.set(id, Math.max(0, here.y - next.y))
      cursor += here.page === next.page ? Math.max(0, here.y - next.y) : (heights.get(id) ?? Math.max(0, dist(here, next)))
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
    /** The notes cited before flow position `until` not yet set. */
    const citedBefore = (until: number): string[] => [...new Set(refs.filter((r) => !done.has(r.note) && r.flow < until).map((r) => r.note))]
    // The rest of a note cut at the foot of the page before, set first on the next page foot.
    let carry: NotePart | undefined
    let pageStart = 0
    while (pageStart < end) {
      const pageEnd = pageStart + frame.height
      if (!carry && citedBefore(pageEnd).length === 0) {
        pageStart = pageEnd
        continue
      }
      // A page foot of the previous plan that printed right is kept as it is, pushed down.
      const prev = previous.cuts.find((c) => (c.before === chapter.end ? end : (offset.get(c.before) ?? -1)) > pageStart && chapterIds.has(c.before))
      const prevFlow = prev ? (prev.before === chapter.end ? end : offset.get(prev.before) ?? 0) : 0
      if (!carry && prev && !prev.split && !prev.carry && prev.notes.length > 0 && cutHolds(prev, refOf, positions, ends) && sameList(prev.notes, citedBefore(prevFlow))) {
        for (const n of prev.notes) done.add(n)
        cuts.push(padCut(prev, positions, bottom))
        if (prev.before === chapter.end) break
        pageStart = prevFlow
        continue
      }
      const page = { start: pageStart, height: frame.height, end: chapter.end }
      const candidates = boundaries.filter((b) => b.flow > pageStart && b.flow <= pageEnd).reverse()
      const chosen = choosePage(candidates, page, carry, citedBefore, noteHeight, measures, squeeze)
      if (!chosen) {
        // One block longer than the page with its notes: its notes go to the next page foot.
        pageStart = pageEnd
        continue
      }
      for (const n of chosen.notes) done.add(n)
      const planned: FootCut = { before: chosen.id, notes: chosen.notes, pad: 0, ...(carry ? { carry } : {}), ...(chosen.split ? { split: chosen.split } : {}) }
      // The padding of the same page foot if it printed right (a wrong one could push it off its page).
      const kept = previous.cuts.find((c) => sameCut(c, planned) && cutHolds(c, refOf, positions, ends))
      cuts.push({ ...planned, pad: kept?.pad ?? 0 })
      carry = chosen.split
      if (chosen.id === chapter.end) break
      pageStart = chosen.flow
    }
    // A rest no page could take whole or in part: at the chapter's end, whole.
    if (carry) cuts.push({ before: chapter.end, notes: [], pad: 0, carry })
  }
  return { cuts, measures, heights, squeeze }
}

/** What fits on one page: the boundary it ends before, its notes, and a note cut at its foot. */
interface PageChoice {
  readonly id: string
  readonly flow: number
  readonly notes: string[]
  readonly split?: NotePart
}

/**
 * The page ending at the latest boundary where the text, the rest of a note
 * carried over, and the notes cited fit; the last cited note may be cut
 * there (never at a chapter's end, which has no next page foot). Only when
 * no page can take the carried rest whole is the rest itself cut again.
 */
function choosePage(
  candidates: readonly { id: string; flow: number }[],
  page: { start: number; height: number; end: string },
  carry: NotePart | undefined,
  citedBefore: (until: number) => string[],
  noteHeight: (note: string) => number,
  measures: ReadonlyMap<string, NoteLines>,
  squeeze: ReadonlyMap<string, number>
): PageChoice | undefined {
  const carried = carry ? measures.get(carry.note) : undefined
  const carryHeight = carry && carried ? restHeight(carried, carry.word) : 0
  for (const b of candidates) {
    const notes = citedBefore(b.flow)
    const base = b.flow - page.start + (carry || notes.length > 0 ? AREA_OVERHEAD : 0) + SLACK
    const all = carryHeight + notes.reduce((sum, n) => sum + noteHeight(n), 0)
    if (base + all <= page.height) return { ...b, notes }
    const last = notes.at(-1)
    const lines = last === undefined ? undefined : measures.get(last)
    if (last === undefined || !lines || b.id === page.end) continue
    const fit = fitLines(lines, 0, page.height - base - (all - noteHeight(last)) - (squeeze.get(b.id) ?? 0))
    if (fit) return { ...b, notes, split: { note: last, word: fit.word } }
  }
  if (!carry || !carried) return undefined
  // The rest goes first, as TeX sets held-over notes: the latest boundary that leaves it
  // MAX_NOTE_SHARE of the page (or all it needs), else the page with the least text.
  const open = candidates.filter((b) => b.id !== page.end && citedBefore(b.flow).length === 0)
  const room = (b: { id: string; flow: number }): number => page.height - (b.flow - page.start) - AREA_OVERHEAD - SLACK - (squeeze.get(b.id) ?? 0)
  const wanted = Math.min(carryHeight, MAX_NOTE_SHARE * page.height)
  const b = open.find((c) => room(c) >= wanted) ?? open.at(-1)
  const fit = b ? fitLines(carried, carry.word, room(b)) : undefined
  return b && fit ? { ...b, notes: [], split: { note: carry.note, word: fit.word } } : undefined
}

const samePart = (a: NotePart | undefined, b: NotePart | undefined): boolean => a?.note === b?.note && a?.word === b?.word

/** Whether two page feet set the same notes in the same place (padding aside). */
const sameCut = (a: FootCut, b: FootCut): boolean => a.before === b.before && sameList(a.notes, b.notes) && samePart(a.split, b.split) && samePart(a.carry, b.carry)

/** One page foot pushed down to the bottom of its page, as the rendering shows it. */
function padCut(cut: FootCut, positions: PositionMap, bottom: number): FootCut {
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

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

/** Whether two plans would print the same pages. */
export function samePlan(a: FootPlan, b: FootPlan): boolean {
  return a.cuts.length === b.cuts.length && a.cuts.every((cut, i) => {
    const other = b.cuts[i]!
    return sameCut(cut, other) && Math.abs(cut.pad - other.pad) < 0.01
  })
}
