/**
 * Straight quotation marks around Arabic-script text → guillemets: «…» for a
 * quotation, ‹…› for one inside it. A straight " cannot show in right-to-left
 * text which side opens, and Sorani, Arabic and Persian all set «».
 * Apostrophes (`don't`) and Latin quotations are left alone.
 */
import { isArabicLetter, isLetter, isSpace, OPAQUE } from '../chars.ts'
import type { Check } from '../context.ts'
import { findingAt, type Finding, type ViewEdit } from '../finding.ts'
import type { Segment } from '../segment.ts'
import { QUOTES } from '../tables.ts'

/** An open quotation waiting for its end: a straight one (with its index) or a guillemet. */
interface Open {
  readonly mark: string
  readonly at: number
}

const MARKS = /["'«»‹›]/g
const OPENERS_BEFORE = /[\s([{«‹\u2018\u201C\uFFFC-]/
const CLOSERS_AFTER = /[\s)\]}»›.,;:!?،؛؟\uFFFC-]/

/** Whether the quotation `from`–`to` (the marks' indices) quotes Arabic-script text. */
function quotesArabic(t: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    const c = t.charCodeAt(i)
    if (isLetter(c)) return isArabicLetter(c)
  }
  return false
}

/** The edits turning the pair `a`, `b` into guillemets at `depth`, with inner padding removed. */
function pairEdits(t: string, a: number, b: number, depth: number): { edits: ViewEdit[]; expected: string } | undefined {
  const [open, close] = QUOTES[Math.min(depth, QUOTES.length - 1)] ?? ['«', '»']
  let from = a + 1
  while (from < b && t.charAt(from) === ' ') from++
  let to = b
  while (to > from && t.charAt(to - 1) === ' ') to--
  if (from === to) return undefined
  return {
    edits: [
      { from: a, to: from, text: open },
      { from: to, to: b + 1, text: close }
    ],
    expected: `${open}${t.slice(from, to)}${close}`
  }
}

/** A matched quotation: indices of its two marks, and whether they are straight. */
interface Pair {
  readonly a: number
  readonly b: number
  readonly straight: boolean
}

/** Match quotation marks in `t`, straight and guillemets, like a reader would. */
function pairsIn(t: string): Pair[] {
  const pairs: Pair[] = []
  const stack: Open[] = []
  MARKS.lastIndex = 0
  for (let m = MARKS.exec(t); m; m = MARKS.exec(t)) {
    const i = m.index
    const c = m[0]
    if (c === '«' || c === '‹') {
      stack.push({ mark: c, at: i })
      continue
    }
    if (c === '»' || c === '›') {
      const k = stack.findLastIndex((o) => o.mark === (c === '»' ? '«' : '‹'))
      if (k >= 0) pairs.push({ a: stack[k]?.at ?? 0, b: i, straight: false })
      if (k >= 0) stack.length = k
      continue
    }
    const before = i === 0 ? ' ' : t.charAt(i - 1)
    const after = i + 1 >= t.length ? ' ' : t.charAt(i + 1)
    // Between two letters a ' is an apostrophe; a " there may close a quotation with a suffix («…»ی).
    if (c === "'" && isLetter(before.charCodeAt(0)) && isLetter(after.charCodeAt(0))) continue
    const k = stack.findLastIndex((o) => o.mark === c)
    // A padded closing mark (` " `) is told from an opening one by what follows it.
    if (k >= 0 && (!isSpace(before.charCodeAt(0)) || CLOSERS_AFTER.test(after))) {
      pairs.push({ a: stack[k]?.at ?? 0, b: i, straight: true })
      stack.length = k
    } else if (OPENERS_BEFORE.test(before) || before === OPAQUE || (c === '"' && k < 0 && !isSpace(after.charCodeAt(0)))) {
      // A " glued to the word before (`وتی"سڵاو"`) still opens: the space is missing, not the quotation.
      stack.push({ mark: c, at: i })
    }
  }
  return pairs
}

/** Findings for one segment. */
function quotesIn(seg: Segment, source: string, name: string): Finding[] {
  const t = seg.text
  const pairs = pairsIn(t)
  const out: Finding[] = []
  for (const p of pairs) {
    if (!p.straight || !quotesArabic(t, p.a, p.b)) continue
    // Unmatched marks do not nest anything; only quotations that close count.
    const depth = pairs.filter((q) => q.a < p.a && q.b > p.b).length
    const pair = pairEdits(t, p.a, p.b, depth)
    if (!pair) continue
    const c = t.charAt(p.a)
    out.push(
      findingAt(
        seg,
        source,
        'straight-quotes',
        p.a,
        p.b + 1,
        `Straight quotation marks ${c}…${c} around ${name} text: use ${pair.expected.charAt(0)}…${pair.expected.charAt(pair.expected.length - 1)} (« » for a quotation, ‹ › for one inside it); a straight mark cannot show which side opens in right-to-left text`,
        pair.expected,
        pair.edits
      )
    )
  }
  return out.sort((x, y) => x.start - y.start)
}

/** Straight quotes around Arabic-script text. */
export const straightQuotes: Check = (segments, ctx) => segments.flatMap((seg) => quotesIn(seg, ctx.source, ctx.name))
