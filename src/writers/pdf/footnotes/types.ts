/**
 * The footnote plan shared by the layout (hast) and the planner (numbers):
 * where a page is cut and which notes are set in the block at its foot.
 */

/** One page foot: the notes set there and where the page ends. */
export interface FootCut {
  /** Id of the block that opens the next page, or of a chapter's end marker. */
  readonly before: string
  /** Ids of the notes (`li`) set at this foot, in order; empty for a bare page break. */
  readonly notes: readonly string[]
  /** Points of space above the notes that push them down to the foot of the page. */
  readonly pad: number
  /** The last note of `notes` prints only up to (not including) this word; the rest continues on the next page foot. */
  readonly split?: NotePart
  /** This page foot opens with the rest of a note begun on the page before, from this word on. */
  readonly carry?: NotePart
  /** The page ends inside a paragraph, before this word of it: `before` is then the id of the paragraph's rest (`restId`). */
  readonly inside?: BlockPart
  /** Points the plan left unfilled above the notes: how far off its measure was, should the notes go over to the next page. */
  readonly room?: number
}

/** Where a paragraph is cut: before word `word` (0-based, as `footnotes/words.ts` counts) of block `block`. */
export interface BlockPart {
  readonly block: string
  readonly word: number
}

/**
 * A paragraph's lines as measured once, whole, for ending a page inside it:
 * how many lines it has, and the lines a page may end before (a line whose
 * first word is known to start it), with their offset from the paragraph's top.
 */
export interface BlockLines {
  readonly count: number
  /** The usual distance between two lines, in points. */
  readonly step: number
  readonly starts: readonly { readonly line: number; readonly word: number; readonly offset: number }[]
}

/** Where a note is cut: before word `word` (0-based, as `footnotes/words.ts` counts). */
export interface NotePart {
  readonly note: string
  readonly word: number
}

/** A long note's lines as measured once, whole: the word that starts each line and its height from the note's top. */
export interface NoteLines {
  /** Height of the whole note, in points. */
  readonly height: number
  /** Every line: its first word and the points from the note's top to the line's top. */
  readonly lines: readonly { readonly word: number; readonly offset: number }[]
}

/** Every page foot of an edition. */
export interface FootPlan {
  readonly cuts: readonly FootCut[]
  /** Long notes measured in an earlier rendering (markers are only set until a note is measured). */
  readonly measures?: ReadonlyMap<string, NoteLines>
  /** Heights of blocks measured whole on one page, for renderings where a page ended short after them. */
  readonly heights?: ReadonlyMap<string, number>
  /** Points taken from the room of a page foot where a cut note did not fit as planned. */
  readonly squeeze?: ReadonlyMap<string, number>
  /** How many renderings printed the notes of a page foot (by `before`) on the page after their references. */
  readonly over?: ReadonlyMap<string, number>
  /** Points taken from the room of a page foot whose notes went over three times (`over`). */
  readonly short?: ReadonlyMap<string, number>
  /** Paragraphs measured line by line in an earlier rendering (an empty measure: not to be cut). */
  readonly lines?: ReadonlyMap<string, BlockLines>
  /** Paragraphs to measure in the next rendering: a page may end inside them (their words are marked). */
  readonly measure?: readonly string[]
}

/** A block of a chapter that a page may end before. */
export interface FlowBlock {
  readonly id: string
  /** A heading: a page never ends right after it. */
  readonly heading: boolean
  /** A paragraph or a poem: a page may end inside it, between two lines. */
  readonly lines?: boolean
  /** A poem: the only words a page may end before, the first of each bayt (a bayt is never cut). */
  readonly cuts?: readonly number[]
  /** Note references inside the block: the reference's id and its note's id. */
  readonly refs: readonly { readonly id: string; readonly note: string }[]
}

/** One chapter's blocks in reading order, and its end marker. */
export interface FlowChapter {
  readonly blocks: readonly FlowBlock[]
  readonly end: string
}

/** Id of the marker after the last line of note `noteId`. */
export const noteEndId = (noteId: string): string => `${noteId}-end`
/** Id of the part of paragraph `block` from word `word` on, when a page ends inside it. */
export const restId = (block: string, word: number): string => `${block}-from-w${word}`
/** Id of the block of notes set before `before`. */
export const areaId = (before: string): string => `notes-at-${before}`
/** Id of the marker after the last note of that block. */
export const areaEndId = (before: string): string => `notes-at-${before}-end`
/** Id of the marker at the very top of the first page. */
export const TOP_ID = 'chapkhana-page-top'

/** The private-use subtag that marks chapkhana's own blocks of notes (`notesLang`). */
export const NOTES_SUBTAG = 'x-notes'
/**
 * The language of a block of notes in chapter language `tag`, marked as
 * chapkhana's own: Chromium writes an element's `lang` as the `/Lang` of its
 * structure element and nothing else that tells two `<aside>`s apart, so the
 * tagging (`tags.ts`) finds the notes by it and gives them back `tag`.
 */
export const notesLang = (tag: string): string => `${tag}-${NOTES_SUBTAG}`

/** The private-use subtag that marks the later parts of a paragraph a page ends inside (`continuedLang`). */
export const CONTINUED_SUBTAG = 'x-cont'
/**
 * The language of the part of a paragraph in language `tag` that goes on at
 * the top of the next page: the tagging (`tags.ts`) finds it by this mark and
 * joins it to the part before, so a reader meets one paragraph, not two.
 */
export const continuedLang = (tag: string): string => `${tag}-${CONTINUED_SUBTAG}`
