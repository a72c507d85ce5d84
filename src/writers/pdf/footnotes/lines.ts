/**
 * The lines of a long note, from the markers before its words
 * (`words.ts`): a marker lower than the one before it starts a line. Heights
 * are added line by line, so a note that crossed a page break in the
 * measuring rendering (as endnotes do) is measured as if whole. The planner
 * cuts a note only before a line's first word, keeping at least two lines on
 * each side (no widow or orphan line of a note). A paragraph of the text is
 * measured the same way, for ending a page between two of its lines.
 */
import type { Position, PositionMap } from '../positions.ts'
import { noteEndId, type BlockLines, type NoteLines } from './types.ts'
import { wordId } from './words.ts'

/** Fewest lines of a note on either side of a cut. */
export const MIN_LINES = 2
/** A marker this much lower than the previous one is on a new line (a raised count is less). */
const NEW_LINE = 6

/** The word markers of element `id` in a rendering, in word order (words inside a link have none). */
function markers(id: string, positions: PositionMap): { word: number; at: Position }[] {
  const marks: { word: number; at: Position }[] = []
  const prefix = wordId(id, 0).slice(0, -1)
  for (const [name, at] of positions) {
    const word = name.startsWith(prefix) ? Number(name.slice(prefix.length)) : NaN
    if (Number.isInteger(word)) marks.push({ word, at })
  }
  return marks.sort((a, b) => a.word - b.word)
}

/** The markers that start a line: lower than the one before, or on a later page. */
const lineStarts = (marks: readonly { word: number; at: Position }[]) =>
  marks.filter(({ at: m }, i) => {
    const prev = marks[i - 1]?.at
    return !prev || m.page !== prev.page || prev.y - m.y > NEW_LINE
  })

/**
 * The word a line starts with, from the first marker found on it. A marker
 * sits after the space before its word, and where the line breaks at that
 * space Chromium leaves the empty marker at the end of the line before: the
 * first marker lower down is the second word's, and the line starts with the
 * word before it. Known only when that word's marker was reported (a word
 * inside a link has none).
 */
const firstWord = (start: number, marked: ReadonlySet<number>): number | undefined => (marked.has(start - 1) ? start - 1 : undefined)

/** The usual step between the lines that start at `starts`, measured on one page. */
function usualStep(starts: readonly { at: Position }[]): number {
  const steps = starts.slice(1).flatMap((s, i) => (s.at.page === starts[i]!.at.page ? [starts[i]!.at.y - s.at.y] : [])).sort((a, b) => a - b)
  return steps[Math.floor(steps.length / 2)] ?? 0
}

/**
 * The lines of paragraph `block` in a rendering with its word markers; a
 * page may end before a line whose first word is known (`firstWord`; in a
 * `poem`, the first marker of each line: a bayt opens a block of its own).
 * Undefined without markers, or when the first marker is not on the
 * paragraph's first line (Chromium reports none for the first word itself).
 */
export function measureBlockLines(block: string, positions: PositionMap, poem = false): BlockLines | undefined {
  const marks = markers(block, positions)
  const top = positions.get(block)
  const starts = lineStarts(marks)
  const step = usualStep(starts)
  const first = starts[0]?.at
  if (!top || !first || first.page !== top.page || top.y - first.y > Math.max(NEW_LINE, step / 2)) return undefined
  const marked = new Set(marks.map((m) => m.word))
  let offset = 0
  const lines = starts.map((s, i) => {
    const prev = starts[i - 1]
    if (prev) offset += prev.at.page === s.at.page ? prev.at.y - s.at.y : step
    return { line: i, word: s.word, offset }
  })
  const safe = lines.flatMap((l) => {
    // A bayt is a block of its own: its first word's marker opens its line, none hangs before it.
    const word = l.line > 0 ? (poem ? l.word : firstWord(l.word, marked)) : undefined
    return word === undefined ? [] : [{ ...l, word }]
  })
  return { count: lines.length, step, starts: safe }
}

/** The lines of `note` in a rendering with its word markers; undefined without them. */
export function measureLines(note: string, positions: PositionMap): NoteLines | undefined {
  const start = positions.get(note)
  const end = positions.get(noteEndId(note))
  // Words inside a link (the note's label) report no destination: their markers are missing.
  const marks = markers(note, positions)
  if (!start || !end || marks.length === 0) return undefined
  const starts = lineStarts(marks)
  // The usual line step stands in for a step across a page break.
  const step = usualStep(starts)
  const marked = new Set(marks.map((m) => m.word))
  let offset = 0
  const lines = starts.map((s, i) => {
    const prev = starts[i - 1]
    if (prev) offset += prev.at.page === s.at.page ? prev.at.y - s.at.y : step
    return { word: i === 0 ? s.word : (firstWord(s.word, marked) ?? s.word), offset }
  })
  const last = starts.at(-1)!.at
  // From the note's top to its first marker, and from its last line's marker to the note's end.
  const lead = start.page === marks[0]!.at.page ? start.y - marks[0]!.at.y : 0
  const tail = last.page === end.page ? last.y - end.y : step - lead
  return { height: offset + lead + tail, lines }
}

/** Index of the line that starts at word `word` (0 for the note's start). */
const lineOf = (m: NoteLines, word: number): number => Math.max(0, m.lines.findIndex((l) => l.word === word))

/** Height of the note from word `from` on. */
export function restHeight(m: NoteLines, from: number): number {
  return m.height - (m.lines[lineOf(m, from)]?.offset ?? 0)
}

/**
 * The longest part of the note from word `from` that fits in `room` points,
 * cut before a line: the word it stops before and its height; undefined when
 * fewer than two lines fit or fewer than two would be left.
 */
export function fitLines(m: NoteLines, from: number, room: number): { word: number; height: number } | undefined {
  const first = lineOf(m, from)
  const base = m.lines[first]?.offset ?? 0
  for (let k = m.lines.length - MIN_LINES; k >= first + MIN_LINES; k--) {
    const height = m.lines[k]!.offset - base
    if (height <= room) return { word: m.lines[k]!.word, height }
  }
  return undefined
}
