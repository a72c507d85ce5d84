/**
 * Punctuation and spacing in Arabic-script prose: the Arabic comma, semicolon
 * and question mark, punctuation that hugs the word before it and is followed
 * by a space, and single spaces between words.
 */
import { digitSystem, endsWord, isArabicLetter, isLatinLetter, isLetter, isMark, isSpace, OPAQUE } from '../chars.ts'
import type { Check, CheckContext } from '../context.ts'
import { findingAt, type Finding } from '../finding.ts'
import type { Segment } from '../segment.ts'
import { ARABIC_PUNCTUATION } from '../tables.ts'

const ASCII = /[,;?]/g
const SPACES_BEFORE = / +(?=[،؛؟.:!])/g
const SPACE_AFTER = /[،؛؟.:!,;?]/g
const DOUBLE = / {2,}/g
const NAMES: Readonly<Record<string, string>> = {
  ',': 'comma',
  ';': 'semicolon',
  '?': 'question mark',
  '،': 'Arabic comma ،',
  '؛': 'Arabic semicolon ؛',
  '؟': 'Arabic question mark ؟',
  '.': 'full stop',
  ':': 'colon',
  '!': 'exclamation mark'
}

const arabicish = (c: number): boolean => isArabicLetter(c) || isMark(c) || c === 0x640

/** Index of the first character before `at` that is not a space (or -1). */
function prevNonSpace(t: string, at: number): number {
  let i = at - 1
  while (i >= 0 && (t.charCodeAt(i) === 0x20 || t.charCodeAt(i) === 0x09)) i--
  return i
}

/** Index of the first character from `at` on that is not white space (or t.length). */
function nextNonSpace(t: string, at: number): number {
  let i = at
  while (i < t.length && isSpace(t.charCodeAt(i))) i++
  return i
}

/** Every match of `pattern` in every segment, turned into findings by `make`. */
function scan(segments: readonly Segment[], pattern: RegExp, make: (seg: Segment, at: number, m: string) => Finding | undefined): Finding[] {
  const out: Finding[] = []
  for (const seg of segments) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(seg.text); m; m = pattern.exec(seg.text)) {
      const f = make(seg, m.index, m[0])
      if (f) out.push(f)
    }
  }
  return out
}

/** ASCII , ; ? written between Arabic-script words. */
export const asciiPunctuation: Check = (segments, ctx) =>
  scan(segments, ASCII, (seg, at, ch) => {
    const t = seg.text
    if (!arabicish(t.charCodeAt(prevNonSpace(t, at)))) return undefined
    const next = t.charCodeAt(nextNonSpace(t, at + 1))
    // A question ends a sentence: it may close the paragraph or a quotation.
    const ok = ch === '?' ? !(isLatinLetter(next) || (next >= 0x30 && next <= 0x39)) : arabicish(next)
    if (!ok) return undefined
    const to = ARABIC_PUNCTUATION[ch] ?? ch
    return findingAt(
      seg,
      ctx.source,
      'ascii-punctuation',
      at,
      at + 1,
      `ASCII ${NAMES[ch]} ${ch} between ${ctx.name} words: ${ctx.name} uses the ${NAMES[to]}, which turns the right way in right-to-left text`,
      to
    )
  })

/** Whether the punctuation at `at` (after spaces) ends a word, not starts `.md` or `...`. */
function closesWord(t: string, at: number): boolean {
  const p = t.charAt(at)
  if (p === '،' || p === '؛' || p === '؟') return true
  const next = t.charAt(at + 1)
  if (next === '' || isSpace(next.charCodeAt(0))) return true
  if (p === '.' && next === '.') return false
  return /[)\]»›"'”،؛؟!]/.test(next)
}

/** Whether spaces `from`–`to` stand between a word and punctuation that should hug it. */
export function spacesBeforePunctuation(t: string, from: number, to: number): boolean {
  if (from === 0 || t.charAt(from - 1) === '\n') return false
  return endsWord(t.charCodeAt(from - 1)) && to < t.length && /[،؛؟.:!]/.test(t.charAt(to)) && closesWord(t, to)
}

/** Spaces between a word and the punctuation after it. */
export const spaceBeforePunctuation: Check = (segments, ctx) =>
  scan(segments, SPACES_BEFORE, (seg, at, spaces) => {
    const end = at + spaces.length
    if (!spacesBeforePunctuation(seg.text, at, end)) return undefined
    const p = seg.text.charAt(end)
    return findingAt(
      seg,
      ctx.source,
      'space-before-punctuation',
      at,
      end,
      `Space before the ${NAMES[p]}: punctuation follows its word without a space, or a line may break before it and leave it alone at the start of the next line`,
      ''
    )
  })

/** Punctuation glued to the next word. */
export const spaceAfterPunctuation: Check = (segments, ctx) =>
  scan(segments, SPACE_AFTER, (seg, at, p) => {
    const t = seg.text
    const next = t.charCodeAt(at + 1)
    if (at + 1 >= t.length || next === 0xfffc) return undefined
    if (p === '،' || p === '؛' || p === '؟') {
      if (!(isLetter(next) || digitSystem(next) !== undefined || /[«‹(]/.test(t.charAt(at + 1)))) return undefined
      // ٣،٥ between digits is a number typed with the wrong separator, not a list.
      if (digitSystem(next) !== undefined && digitSystem(t.charCodeAt(at - 1)) !== undefined) return undefined
    } else {
      if (!arabicish(t.charCodeAt(at - 1)) || !isArabicLetter(next)) return undefined
      // ئەی.پی.ئەی is an abbreviation, not two sentences.
      if (p === '.' && isAbbreviation(t, at)) return undefined
    }
    return findingAt(
      seg,
      ctx.source,
      'space-after-punctuation',
      at,
      at + 1,
      `No space after the ${NAMES[p]}: put one space between it and the next word, so that the two words do not read as one and the line can break there`,
      `${p} `,
      [{ from: at + 1, to: at + 1, text: ' ' }]
    )
  })

/** Whether the full stop at `at` is one of several inside one space-free token. */
function isAbbreviation(t: string, at: number): boolean {
  let from = at
  while (from > 0 && !isSpace(t.charCodeAt(from - 1)) && t.charAt(from - 1) !== OPAQUE) from--
  let to = at + 1
  while (to < t.length && !isSpace(t.charCodeAt(to)) && t.charAt(to) !== OPAQUE) to++
  return t.slice(from, to).split('.').length > 2
}

/** Two or more spaces between two words (not indentation, not a hard break). */
export const doubleSpace: Check = (segments, ctx: CheckContext) =>
  scan(segments, DOUBLE, (seg, at, run) => {
    const t = seg.text
    const end = at + run.length
    if (at === 0 || end >= t.length || isSpace(t.charCodeAt(at - 1)) || isSpace(t.charCodeAt(end))) return undefined
    // Spaces before punctuation go altogether: that rule reports them.
    if (ctx.arabicScript && spacesBeforePunctuation(t, at, end)) return undefined
    return findingAt(
      seg,
      ctx.source,
      'double-space',
      at,
      end,
      `${run.length} spaces in a row between words: one is enough (the EPUB and PDF show one anyway, but search, word counts and diffs see them all)`,
      ' ',
      // Keep the space that touches `**`, `_` or `~` (if any), so emphasis stays emphasis.
      /[*_~]/.test(ctx.source.charAt(seg.end[end - 1] ?? 0)) ? [{ from: at, to: end - 1, text: '' }] : [{ from: at + 1, to: end, text: '' }]
    )
  })
