/**
 * Planning the page feet from one rendering. Every block, reference, note and
 * marker reported where it landed (`positions.ts`); from that the planner
 * knows each block's height and each reference's place in the flow of its
 * chapter (`flow.ts`), and fills pages as a compositor would, ending a page at
 * the last block boundary, or between two lines of a paragraph, where the
 * text above plus the notes cited in it still fit. A paragraph is measured
 * line by line only once a page may end inside it: the plan asks for it
 * (`measure`) and the next rendering marks its words. The plan is only as
 * right as the rendering it came from, so the layout loop renders again until
 * every note prints on the page of its reference.
 */
import type { PositionMap } from '../positions.ts'
import { chapterFlow } from './flow.ts'
import { cutHolds, FOOT_GAP, firstRefs, padCut, pushed, ruler, sameCut, sameList, wentOver, type PageFrame } from './holds.ts'
import { fitLines, measureBlockLines, measureLines, MIN_LINES, restHeight } from './lines.ts'
import { noteEndId, restId, type BlockLines, type BlockPart, type FlowChapter, type FootCut, type FootPlan, type NoteLines, type NotePart } from './types.ts'

export { FOOT_GAP, padFeet, planHolds, samePlan, type PageFrame } from './holds.ts'

/** Space a block of notes takes besides its notes (padding, rule), in points. */
export const AREA_OVERHEAD = 16
/** Room kept free on a planned page: a line may land a little lower than measured. */
export const SLACK = 10
/** Room taken from a page foot each time a cut note planned there went over to the next page. */
export const SQUEEZE = 20
/** Share of a page the rest of a note longer than a page may take from the text. */
export const MAX_NOTE_SHARE = 0.6
/** A line of the text (print.css: 12 pt at a leading of 1.8): a page ending shorter is worth cutting a paragraph for. */
export const BODY_LINE = 21.6

/**
 * Points a guessed padding stays above the room the plan left. The plan's
 * measures of a foot it has never seen printed are a few points off (its
 * notes were measured as endnotes, its page top from the flow): over the
 * corpora the padding needed was 4.2 pt less to 7 pt more than the plan's
 * room. Within ±3 pt (`padCut`) the guess stands; further off, the rendering
 * after corrects it, as it would have padded an unpadded foot.
 */
export const PAD_CUSHION = 3

/** The padding a new chapter-end foot is first printed with, from the room its plan left. */
export const guessedPad = (room: number): number => Math.max(0, room + SLACK - FOOT_GAP - PAD_CUSHION)

/** A place a page may end: before a block, or before a line of a paragraph. */
interface Candidate {
  readonly id: string
  readonly flow: number
  /** References above this flow are on the page (half a line above a line's top: a raised reference sits higher). */
  readonly cite: number
  readonly inside?: BlockPart
}

/** The page feet for `flow`, from the rendering of `previous` that reported `positions`. */
export function planFeet(flow: readonly FlowChapter[], previous: FootPlan, positions: PositionMap, frame: PageFrame): FootPlan {
  const { dist, top, bottom } = ruler(positions, frame)
  const refOf = firstRefs(flow)
  // Long notes are measured line by line once, whole; later renderings may show them cut in two.
  const measures = new Map(previous.measures)
  for (const note of refOf.keys()) {
    const lines = measures.has(note) ? undefined : measureLines(note, positions)
    if (lines) measures.set(note, lines)
  }
  // Paragraphs asked for are measured once; one without usable markers is never cut.
  const lines = new Map(previous.lines)
  const poems = new Set(flow.flatMap((c) => c.blocks.filter((b) => b.cuts).map((b) => b.id)))
  for (const block of previous.measure ?? []) if (!lines.has(block)) lines.set(block, measureBlockLines(block, positions, poems.has(block)) ?? { count: 0, step: 0, starts: [] })
  const measure = new Set<string>()
  const noteHeight = (note: string): number => {
    const measured = measures.get(note)
    if (measured) return measured.height
    const start = positions.get(note)
    const end = positions.get(noteEndId(note))
    return start && end ? dist(start, end) : frame.height / 4
  }
  const ends = new Set(flow.map((c) => c.end))
  const heights = new Map(previous.heights)
  // A cut note that went over to a page of its own was planned a little too long: a line less there.
  const squeeze = new Map(previous.squeeze)
  for (const cut of previous.cuts) if ((cut.split || cut.carry) && pushed(cut, positions)) squeeze.set(cut.before, (squeeze.get(cut.before) ?? 0) + SQUEEZE)
  // A foot whose notes went over to the page after their references three times was measured short by
  // more than the room it planned to leave: planned again the same, it would go over in every
  // rendering (al-Muqtabas 49, eight times). Once or twice may be the pages before it moving: issue
  // 65 then settles only if it is left alone.
  const over = new Map(previous.over)
  const short = new Map(previous.short)
  for (const cut of previous.cuts) {
    if (!wentOver(cut, refOf, positions)) continue
    over.set(cut.before, (over.get(cut.before) ?? 0) + 1)
    if ((over.get(cut.before) ?? 0) >= 3) short.set(cut.before, (short.get(cut.before) ?? 0) + Math.max(SQUEEZE, (cut.room ?? 0) + 1))
  }
  const cuts: FootCut[] = []
  for (const chapter of flow) {
    const laid = chapterFlow(chapter, previous.cuts, positions, dist, top, heights, refOf)
    if (!laid) continue
    const { offset, end, refs } = laid
    const candidates = placesToEnd(chapter, offset, end, lines)
    const done = new Set<string>()
    const chapterIds = new Set([...offset.keys()])
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
      const page = { start: pageStart, height: frame.height, end: chapter.end }
      const chosen = choosePage(candidates.filter((b) => b.flow > pageStart && b.flow <= pageEnd).reverse(), page, carry, citedBefore, noteHeight, measures, squeeze, short)
      // Unless the page can now end a line or more lower (a paragraph after it was measured).
      const fuller = chosen !== undefined && chosen.flow >= prevFlow + BODY_LINE
      if (!carry && prev && !prev.split && !prev.carry && prev.notes.length > 0 && cutHolds(prev, refOf, positions, ends) && sameList(prev.notes, citedBefore(prevFlow)) && !fuller) {
        for (const n of prev.notes) done.add(n)
        cuts.push(padCut(prev, positions, bottom))
        if (prev.before === chapter.end) break
        pageStart = prevFlow
        continue
      }
      if (!chosen) {
        // One block longer than the page with its notes: its notes go to the next page foot.
        pageStart = pageEnd
        continue
      }
      for (const n of chosen.notes) done.add(n)
      const planned: FootCut = { before: chosen.id, notes: chosen.notes, pad: 0, room: chosen.room, ...(carry ? { carry } : {}), ...(chosen.split ? { split: chosen.split } : {}), ...(chosen.inside ? { inside: chosen.inside } : {}) }
      // The padding of the same page foot if it printed right (a wrong one could push it off its page).
      const kept = previous.cuts.find((c) => sameCut(c, planned) && cutHolds(c, refOf, positions, ends))
      // A new foot at a chapter's end is printed pushed down as far as the plan thinks it will go:
      // right within a few points, it needs no rendering of its own to be padded.
      const first = chapter.end === chosen.id && !chosen.split && !carry && chosen.notes.length > 0 && !previous.cuts.some((c) => sameCut(c, planned))
      cuts.push({ ...planned, pad: kept?.pad ?? (first ? guessedPad(chosen.room) : 0) })
      if (chosen.id !== chapter.end) askToMeasure(chapter, offset, end, chosen.flow, chosen.room, lines, measure)
      carry = chosen.split
      if (chosen.id === chapter.end) break
      pageStart = chosen.flow
    }
    // A rest no page could take whole or in part: at the chapter's end, whole.
    if (carry) cuts.push({ before: chapter.end, notes: [], pad: 0, carry })
  }
  return { cuts, measures, heights, squeeze, over, short, lines, ...(measure.size > 0 ? { measure: [...measure] } : {}) }
}

/**
 * Every place a page of `chapter` may end, in flow order: before a block
 * (never right after a heading, nor before the chapter's first block), before
 * a line of a measured paragraph with two lines on each side (no widow, no
 * orphan), and at the chapter's end.
 */
function placesToEnd(chapter: FlowChapter, offset: ReadonlyMap<string, number>, end: number, lines: ReadonlyMap<string, BlockLines>): Candidate[] {
  const places: Candidate[] = []
  chapter.blocks.forEach((b, i) => {
    const top = offset.get(b.id) ?? 0
    if (i > 0 && !chapter.blocks[i - 1]!.heading) places.push({ id: b.id, flow: top, cite: top })
    const measured = lines.get(b.id)
    for (const start of measured?.starts ?? []) {
      if (start.line < MIN_LINES || start.line > measured!.count - MIN_LINES) continue
      if (b.cuts && !b.cuts.includes(start.word)) continue
      const flow = top + start.offset
      places.push({ id: restId(b.id, start.word), flow, cite: flow - measured!.step / 2, inside: { block: b.id, word: start.word } })
    }
  })
  places.push({ id: chapter.end, flow: end, cite: end })
  return places
}

/**
 * Ask for the paragraphs a page ending at `from` with `room` points unfilled
 * could end inside, when that room holds two lines or more: the next
 * rendering marks their words, and the plan after it may end the page there.
 */
function askToMeasure(chapter: FlowChapter, offset: ReadonlyMap<string, number>, end: number, from: number, room: number, lines: ReadonlyMap<string, BlockLines>, measure: Set<string>): void {
  if (room < MIN_LINES * BODY_LINE) return
  chapter.blocks.forEach((b, i) => {
    const top = offset.get(b.id) ?? 0
    const bottom = offset.get(chapter.blocks[i + 1]?.id ?? '') ?? end
    if (b.lines && !lines.has(b.id) && bottom > from && top < from + room) measure.add(b.id)
  })
}

/** What fits on one page: the boundary it ends before, its notes, and a note cut at its foot. */
interface PageChoice extends Candidate {
  readonly notes: string[]
  readonly split?: NotePart
  /** Points of the page left unfilled above its notes. */
  readonly room: number
}

/**
 * The page ending at the latest boundary where the text, the rest of a note
 * carried over, and the notes cited fit; the last cited note may be cut
 * there (never at a chapter's end, which has no next page foot). Only when
 * no page can take the carried rest whole is the rest itself cut again.
 */
function choosePage(
  candidates: readonly Candidate[],
  page: { start: number; height: number; end: string },
  carry: NotePart | undefined,
  citedBefore: (until: number) => string[],
  noteHeight: (note: string) => number,
  measures: ReadonlyMap<string, NoteLines>,
  squeeze: ReadonlyMap<string, number>,
  short: ReadonlyMap<string, number>
): PageChoice | undefined {
  const carried = carry ? measures.get(carry.note) : undefined
  const carryHeight = carry && carried ? restHeight(carried, carry.word) : 0
  for (const b of candidates) {
    const notes = citedBefore(b.cite)
    const base = b.flow - page.start + (carry || notes.length > 0 ? AREA_OVERHEAD : 0) + SLACK
    const all = carryHeight + notes.reduce((sum, n) => sum + noteHeight(n), 0)
    const room = page.height - base - all - (notes.length > 0 ? (short.get(b.id) ?? 0) : 0)
    if (room >= 0) return { ...b, notes, room }
    const last = notes.at(-1)
    const lines = last === undefined ? undefined : measures.get(last)
    if (last === undefined || !lines || b.id === page.end) continue
    const fit = fitLines(lines, 0, page.height - base - (all - noteHeight(last)) - (squeeze.get(b.id) ?? 0))
    if (fit) return { ...b, notes, split: { note: last, word: fit.word }, room: 0 }
  }
  if (!carry || !carried) return undefined
  // The rest goes first, as TeX sets held-over notes: the latest boundary that leaves it
  // MAX_NOTE_SHARE of the page (or all it needs), else the page with the least text.
  const open = candidates.filter((b) => b.id !== page.end && citedBefore(b.cite).length === 0)
  const room = (b: Candidate): number => page.height - (b.flow - page.start) - AREA_OVERHEAD - SLACK - (squeeze.get(b.id) ?? 0)
  const wanted = Math.min(carryHeight, MAX_NOTE_SHARE * page.height)
  const b = open.find((c) => room(c) >= wanted) ?? open.at(-1)
  const fit = b ? fitLines(carried, carry.word, room(b)) : undefined
  return b && fit ? { ...b, notes: [], split: { note: carry.note, word: fit.word }, room: 0 } : undefined
}
