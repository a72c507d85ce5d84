/**
 * Joining controls: tatweel (U+0640) and the zero-width non-joiner (U+200C).
 * Both have real uses — `APIـی` attaches a Kurdish suffix to a Latin word,
 * `هـ` marks a final h, and ZWNJ keeps `کوردی‌یە` apart — so only the ones that
 * do nothing, or only stretch a word, are reported (AsoSoft `NormalizeKurdish1`).
 */
import { isArabicLetter, isMark } from '../chars.ts'
import type { Check } from '../context.ts'
import { findingAt, type Finding } from '../finding.ts'
import { DUAL_JOINING, HEH } from '../tables.ts'

const TATWEEL = /\u0640+/g
const ZWNJ = /\u200C+/g

/** The character before `at`, skipping combining marks (they ride on the letter). */
function baseBefore(text: string, at: number): string {
  let i = at - 1
  while (i >= 0 && isMark(text.charCodeAt(i))) i--
  return i >= 0 ? text.charAt(i) : ''
}

/**
 * Tatweel inside an Arabic-script word, between two letters: after a joining
 * letter it only stretches the word (the renderer justifies lines itself),
 * after a non-joining one (ە ا د ر ز و) it joins nothing and draws a loose
 * stroke; either way search no longer finds the word. Deliberate tatweel is
 * never between two Arabic letters: after a Latin word before a suffix
 * (`APIـی`), a final هـ abbreviation, between digits.
 */
export const tatweel: Check = (segments, ctx) => {
  const out: Finding[] = []
  for (const seg of segments) {
    const t = seg.text
    TATWEEL.lastIndex = 0
    for (let m = TATWEEL.exec(t); m; m = TATWEEL.exec(t)) {
      const end = m.index + m[0].length
      const before = baseBefore(t, m.index)
      if (!isArabicLetter(before.charCodeAt(0)) || !isArabicLetter(t.charCodeAt(end))) continue
      const what = DUAL_JOINING.has(before)
        ? 'stretching a word: justification is the typesetter\'s job (EPUB readers and the PDF stretch lines themselves)'
        : `after ${before}, a letter that never joins the next one: it draws a loose stroke inside the word`
      out.push(findingAt(seg, ctx.source, 'tatweel', m.index, end, `Tatweel ${m[0]} (U+0640) ${what}, and the word cannot be found by search; remove it`, ''))
    }
  }
  return out
}

/** ZWNJ doubled, at a word edge, or after a letter that does not join anyway. */
export const strayZwnj: Check = (segments, ctx) => {
  const out: Finding[] = []
  for (const seg of segments) {
    const t = seg.text
    ZWNJ.lastIndex = 0
    for (let m = ZWNJ.exec(t); m; m = ZWNJ.exec(t)) {
      const end = m.index + m[0].length
      const before = baseBefore(t, m.index)
      // ه + ZWNJ in Sorani is the vowel ە: the heh-ae rule rewrites both together.
      if (ctx.sorani && before === HEH) continue
      const next = t.charCodeAt(end)
      const nextIsLetter = end < t.length && (isArabicLetter(next) || isMark(next) || next === 0x640)
      let why: string | undefined
      if (before === '' || /\s/.test(before)) why = 'at the start of a word'
      else if (!nextIsLetter) why = 'before a space, punctuation or the end of a word'
      else if (!DUAL_JOINING.has(before)) why = `after ${before}, a letter that never joins the next one`
      if (why) {
        out.push(
          findingAt(
            seg,
            ctx.source,
            'stray-zwnj',
            m.index,
            end,
            `Zero-width non-joiner (U+200C) ${why}: it separates nothing there, but breaks search and word counts; remove it`,
            ''
          )
        )
      } else if (m[0].length > 1) {
        out.push(
          findingAt(
            seg,
            ctx.source,
            'stray-zwnj',
            m.index + 1,
            end,
            `${m[0].length} zero-width non-joiners (U+200C) in a row: one is enough to keep the letters apart; remove the others`,
            ''
          )
        )
      }
    }
  }
  return out
}
