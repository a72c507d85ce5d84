/**
 * Digits: Sorani and Arabic write ٠–٩, Persian ۰–۹. Seven of the ten look the
 * same, so a document typed on two keyboards mixes them unseen — until search,
 * sorting or the ٤/۴ ٥/۵ ٦/۶ shapes give it away. ASCII digits are a
 * legitimate choice (and are what Latin runs, versions and code use), so they
 * count as evidence of mixing but are never rewritten.
 */
import { digitSystem, isLatinLetter, isSpace } from '../chars.ts'
import type { Check } from '../context.ts'
import { findingAt, type Finding } from '../finding.ts'
import type { Segment } from '../segment.ts'
import { DIGIT_ZERO, type DigitSystem } from '../tables.ts'

const RUN = /[0-9\u0660-\u0669\u06F0-\u06F9]+/g
const LABEL: Readonly<Record<DigitSystem, string>> = {
  latin: 'ASCII digits (0–9)',
  'arabic-indic': 'Arabic-Indic digits (٠–٩)',
  persian: 'Persian digits (۰–۹)'
}

/** Whether the digits `from`–`to` belong to a Latin run (`PHP 7.4`, `HTML5`, `v2`). */
function inLatinRun(t: string, from: number, to: number): boolean {
  // Separators and the other parts of a number (`7.4`) stand between the digits and the word.
  const skippable = (c: number): boolean => (isSpace(c) && c !== 0x0a) || /[0-9.,:/_%+#-]/.test(String.fromCharCode(c))
  let i = from - 1
  while (i >= 0 && skippable(t.charCodeAt(i))) i--
  if (i >= 0 && isLatinLetter(t.charCodeAt(i))) return true
  let j = to
  while (j < t.length && skippable(t.charCodeAt(j))) j++
  return j < t.length && isLatinLetter(t.charCodeAt(j))
}

interface Run {
  readonly seg: Segment
  readonly from: number
  readonly to: number
  readonly systems: ReadonlySet<DigitSystem>
}

/** Digits of the other Eastern system in a document that also uses its own or ASCII ones. */
export const mixedDigits: Check = (segments, ctx) => {
  const own = ctx.digits
  if (own === undefined) return []
  const foreign: DigitSystem = own === 'persian' ? 'arabic-indic' : 'persian'
  const runs: Run[] = []
  const seen = new Set<DigitSystem>()
  for (const seg of segments) {
    RUN.lastIndex = 0
    for (let m = RUN.exec(seg.text); m; m = RUN.exec(seg.text)) {
      const systems = new Set<DigitSystem>()
      for (const ch of m[0]) {
        const s = digitSystem(ch.charCodeAt(0))
        if (s) systems.add(s)
      }
      const from = m.index
      const to = from + m[0].length
      if (systems.has('latin') && systems.size === 1 && inLatinRun(seg.text, from, to)) continue
      for (const s of systems) seen.add(s)
      if (systems.has(foreign)) runs.push({ seg, from, to, systems })
    }
  }
  if (runs.length === 0 || (!seen.has(own) && !seen.has('latin'))) return []
  const others = [own, 'latin' as const].filter((s) => seen.has(s)).map((s) => LABEL[s])
  const zero = DIGIT_ZERO[own]
  const from0 = DIGIT_ZERO[foreign]
  const out: Finding[] = []
  for (const r of runs) {
    const digits = r.seg.text.slice(r.from, r.to)
    const fixed = digits.replace(/./g, (d) => {
      const c = d.charCodeAt(0)
      return c >= from0 && c <= from0 + 9 ? String.fromCharCode(zero + c - from0) : d
    })
    out.push(
      findingAt(
        r.seg,
        ctx.source,
        'mixed-digits',
        r.from,
        r.to,
        `${LABEL[foreign]} in a ${ctx.name} document that also writes numbers with ${others.join(' and ')}: ${ctx.name} uses ${LABEL[own]}; ٤ ٥ ٦ and ۴ ۵ ۶ differ, and mixed digits do not search or sort alike. Write ${fixed}`,
        fixed
      )
    )
  }
  return out
}
