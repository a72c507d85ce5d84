/**
 * The words of a note, for splitting it between two page feet. A long note
 * gets an empty marker before each word in the rendering that measures it
 * (Chromium writes a destination for each, so the planner learns which word
 * starts each line); a note that continues on the next page is cut before
 * the word that starts a line, so both parts break their lines exactly as
 * the whole note did. Words are counted the same way in both: runs of
 * non-space characters in the note's text nodes, in document order.
 */
import type { Element, ElementContent, Text } from 'hast'
import { h } from 'hastscript'
import { toString } from 'hast-util-to-string'

/** A note shorter than this (characters) never needs splitting: it is not marked. */
export const LONG_NOTE = 250

/** Id of the marker before word `n` (0-based) of note `noteId`. */
export const wordId = (noteId: string, n: number): string => `${noteId}-w${n}`

/** Whether a note is long enough to be worth marking. */
export const isLong = (li: Element): boolean => toString(li).length >= LONG_NOTE

/** Put a marker before every word of `li` (in place); returns the markers' ids. */
export function markWords(li: Element, noteId: string): string[] {
  const ids: string[] = []
  const mark = (node: Element): void => {
    node.children = node.children.flatMap((child): ElementContent[] => {
      if (child.type === 'element') {
        mark(child)
        return [child]
      }
      if (child.type !== 'text') return [child]
      return child.value.split(/(\s+)/).flatMap((token): ElementContent[] => {
        if (token === '') return []
        if (/^\s+$/.test(token)) return [{ type: 'text', value: token }]
        const id = wordId(noteId, ids.length)
        ids.push(id)
        // Empty and inline: it takes no room, so the lines break as without it.
        return [h('span.word-mark', { id }), { type: 'text', value: token }]
      })
    })
  }
  mark(li)
  return ids
}

/** Words of `node` as `markWords` counts them: runs of non-space characters in its text nodes. */
const wordCount = (node: ElementContent): number =>
  node.type === 'text' ? node.value.split(/\s+/).filter(Boolean).length : node.type === 'element' ? node.children.reduce((n, c) => n + wordCount(c), 0) : 0

/** The word each bayt of a poem (`div.verse` of `p.bayt`s) begins with, counted as `markWords` counts. */
export function baytStarts(poem: Element): number[] {
  const starts: number[] = []
  let seen = 0
  for (const child of poem.children) {
    const n = wordCount(child)
    if (child.type === 'element' && n > 0) starts.push(seen)
    seen += n
  }
  return starts
}

/** Counter of words met so far while walking a note. */
interface Walk {
  seen: number
}

/** Split `children` before word `at`: what comes before it and what comes from it on. */
function splitChildren(children: readonly ElementContent[], at: number, walk: Walk): [ElementContent[], ElementContent[]] {
  const before: ElementContent[] = []
  const after: ElementContent[] = []
  for (const child of children) {
    if (child.type === 'text') {
      const [b, a] = splitText(child, at, walk)
      if (b) before.push(b)
      if (a) after.push(a)
    } else if (child.type === 'element') {
      const [b, a] = splitChildren(child.children, at, walk)
      if (b.length > 0 && a.length > 0) {
        // The element is cut: both parts keep its kind; only the first keeps its id.
        before.push({ ...child, children: b })
        const { id: _id, ...properties } = child.properties
        after.push({ ...child, properties, children: a })
      } else if (a.length > 0 || (b.length === 0 && walk.seen >= at)) after.push(child)
      else before.push(child)
    } else (walk.seen < at ? before : after).push(child)
  }
  return [before, after]
}

/** One text node split before word `at`, if that word is in it. */
function splitText(text: Text, at: number, walk: Walk): [Text | undefined, Text | undefined] {
  let b = ''
  let a = ''
  for (const token of text.value.split(/(\s+)/)) {
    const word = token !== '' && !/^\s+$/.test(token)
    // Once word `at` is met, everything goes to the second part.
    const second = word ? walk.seen++ >= at : walk.seen > at
    if (second) a += token
    else b += token
  }
  // A space left at the end of the first part is collapsed at its line's end.
  return [b === '' ? undefined : { type: 'text', value: b }, a === '' ? undefined : { type: 'text', value: a }]
}

/**
 * Note `li` cut before word `at`: the part that stays (the `li` with its id
 * and label) and the part that continues (the rest of its content).
 */
export function splitNote(li: Element, at: number): { head: Element; rest: ElementContent[] } {
  const [before, after] = splitChildren(li.children, at, { seen: 0 })
  return { head: { ...li, children: before }, rest: after }
}

/** The part of note `li` from word `from` on, cut again before word `to` when given. */
export function notePart(li: Element, from: number, to?: number): { part: ElementContent[] } {
  const rest = splitNote(li, from).rest
  if (to === undefined) return { part: rest }
  // Count from the start of the rest: its first word is word `from`.
  const [before] = splitChildren(rest, to - from, { seen: 0 })
  return { part: before }
}

/**
 * Paragraph `node` cut before each of `words` (in order), for pages that end
 * inside it: the first part keeps its id, each later part takes the id given
 * for it. Every part but the last ends with a full line (`split-head`: its
 * last line justified like the others), every part but the first continues
 * a line of text (`split-rest`: no first-line indent).
 */
export function splitBlock(node: Element, words: readonly number[], ids: readonly string[]): Element[] {
  const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : []
  const { id: _id, ...properties } = node.properties
  const bounds = [0, ...words, undefined]
  return words.length === 0
    ? [node]
    : bounds.slice(0, -1).map((from, i): Element => {
        const to = bounds[i + 1]
        const children = i === 0 ? splitNote(node, to!).head.children : notePart(node, from!, to).part
        const className = [...classes, ...(i > 0 ? ['split-rest'] : []), ...(to !== undefined ? ['split-head'] : [])]
        return { ...node, properties: { ...(i === 0 ? node.properties : { ...properties, id: ids[i - 1]! }), className }, children }
      })
}
