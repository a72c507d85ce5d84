/**
 * Letter rules: code points that draw (nearly) the right shape but are a
 * different letter to every program that reads the text — search, spelling,
 * hyphenation, sorting, screen readers.
 */
import type { Check, CheckContext } from '../context.ts'
import type { RuleId } from '../rules-meta.ts'
import { findingAt, type Finding } from '../finding.ts'
import type { Segment } from '../segment.ts'
import { AE, HEH, PRESENTATION_FORMS, SORANI_AE, SORANI_KAF, SORANI_YEH, V_LETTER, V_MARKS } from '../tables.ts'

const cp = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
const charClass = (chars: Iterable<string>): string => [...chars].join('')
const MARKS = charClass(V_MARKS)

/** Every match of `pattern` in every segment, turned into findings by `make`. */
function scan(segments: readonly Segment[], pattern: RegExp, make: (seg: Segment, m: RegExpExecArray) => Finding | undefined): Finding[] {
  const out: Finding[] = []
  for (const seg of segments) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(seg.text); m; m = pattern.exec(seg.text)) {
      const f = make(seg, m)
      if (f) out.push(f)
    }
  }
  return out
}

/** A rule replacing single letters through `table`, with a reason per letter. */
function letterRule(ruleId: RuleId, table: Readonly<Record<string, string>>, reason: (from: string, to: string) => string): Check {
  // A letter carrying a V-like mark is the false-friend rule's to fix (ي̆ → ێ, not ی̆).
  const pattern = new RegExp(`[${charClass(Object.keys(table))}](?![${MARKS}])`, 'g')
  return (segments, ctx) =>
    scan(segments, pattern, (seg, m) => {
      const from = m[0]
      const to = table[from] ?? from
      return findingAt(seg, ctx.source, ruleId, m.index, m.index + 1, reason(from, to), to)
    })
}

/** ك → ک in Sorani. */
export const arabicKaf: Check = letterRule(
  'arabic-kaf',
  SORANI_KAF,
  (from, to) =>
    `Arabic kaf ${from} (${cp(from)}) in Sorani text: write the Kurdish kaf ${to} (${cp(to)}). The two look alike inside a word, but ${from} is another letter to search and spell-checking, and at the end of a word it shows the Arabic stroke`
)

/** ي ى → ی in Sorani. */
export const arabicYeh: Check = letterRule(
  'arabic-yeh',
  SORANI_YEH,
  (from, to) =>
    `Arabic ${from === '\u0649' ? 'alef maksura' : 'yeh'} ${from} (${cp(from)}) in Sorani text: write the Kurdish yeh ${to} (${cp(to)}), which never takes dots at the end of a word and is the letter Sorani dictionaries and search expect`
)

/** ه + ZWNJ and ة → ە in Sorani. */
export const hehAe: Check = (segments, ctx) => {
  const table = { ...SORANI_AE }
  const pattern = new RegExp(`${HEH}\u200C+|[${charClass(Object.keys(table))}]`, 'g')
  return scan(segments, pattern, (seg, m) => {
    const old = m[0].startsWith(HEH)
    const reason = old
      ? `Heh followed by a zero-width non-joiner (ه‌) is the old way of typing the Sorani vowel: write ${AE} (U+06D5), the letter itself, so that words are spelt and searched alike`
      : `Teh marbuta ${m[0]} (${cp(m[0])}) is an Arabic letter: in Sorani the vowel is written ${AE} (U+06D5)`
    return findingAt(seg, ctx.source, 'heh-ae', m.index, m.index + m[0].length, reason, AE)
  })
}

const V_PATTERN = new RegExp(`[${charClass(Object.keys(V_LETTER))}][${MARKS}]+`, 'g')

/** ل/ی/و/ر with a V-like combining mark → ڵ/ێ/ۆ/ڕ in Sorani. */
export const falseFriendMark: Check = (segments, ctx) =>
  scan(segments, V_PATTERN, (seg, m) => {
    const base = m[0].charAt(0)
    const to = V_LETTER[base] ?? base
    const marks = [...m[0].slice(1)].map(cp).join(' + ')
    return findingAt(
      seg,
      ctx.source,
      'false-friend-mark',
      m.index,
      m.index + m[0].length,
      `${base} with the combining mark ${marks} only imitates the Kurdish letter ${to} (${cp(to)}): fonts place the mark differently and search does not find the word; write ${to}`,
      to
    )
  })

/** Presentation forms → NFKC (and, in Sorani, the Kurdish letters). */
export const presentationForm: Check = (segments, ctx: CheckContext) =>
  scan(segments, PRESENTATION_FORMS, (seg, m) => {
    let to = m[0].normalize('NFKC')
    // The forms of Arabic kaf and yeh decompose to ك and ي: go straight to the Sorani letters.
    if (ctx.sorani) to = [...to].map((c) => SORANI_KAF[c] ?? SORANI_YEH[c] ?? SORANI_AE[c] ?? c).join('')
    if (to === m[0]) return undefined
    return findingAt(
      seg,
      ctx.source,
      'presentation-form',
      m.index,
      m.index + m[0].length,
      `Arabic presentation form${m[0].length > 1 ? 's' : ''} ${[...m[0]].map(cp).join(' ')} (glyphs from old fonts or PDF copy-paste, not letters): write ${to}, which the font shapes itself and search can find`,
      to
    )
  })
