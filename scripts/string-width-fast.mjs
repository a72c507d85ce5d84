// Stands in for `string-width` inside the bundled CLI, for vfile-reporter
// only (scripts/bundle.mjs), which measures every cell of every report row
// to align its columns. string-width 6 tests each grapheme of every cell
// against emoji-regex, a 14 KB pattern that V8 compiles to native code on
// first use: about 0.06 s of `chapkhana lint` and of every `watch` rebuild
// that reports a warning (docs/benchmarks.md). A report's cells are places
// (`12:3-12:9`), labels, rule ids and messages in Sorani, Arabic, Persian or
// English, none of which can hold an emoji, so:
//
// - a cell of printable ASCII is its length: one column a character, each
//   its own grapheme, none in an emoji on its own (the keycap `1️⃣` needs
//   U+20E3, which is not ASCII);
// - a cell with no code unit that can be part of an emoji match (© ®, and
//   U+203C and above, which takes in every astral character through its
//   surrogates) is measured by string-width's own loop without the pattern;
// - anything else goes to string-width itself;
// - and where no code point can join a grapheme cluster (UAX #29: Extend,
//   ZWJ, SpacingMark, Prepend, Hangul jamo; CR LF are skipped either way),
//   every code point is a grapheme of its own: the loop walks code points
//   without Intl.Segmenter, whose first use loads ICU's break rules (about
//   0.02 s, once a process: `lint`'s one report). A report's Sorani, Arabic
//   and Persian letters, «…» and ‹›, join nothing; their vowel marks and the
//   ZWNJ do, and go through the segmenter.
//
// Same widths as string-width for every input: tests/unit/string-width-fast
// compares them over every code point and over real report cells.
import stripAnsi from 'strip-ansi'
import eastAsianWidth from 'eastasianwidth'
import stringWidth from 'string-width'

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/
// Every alternative of emoji-regex 10 has a code unit from this class (its
// first, or U+20E3 for the keycaps): checked by the unit test against the
// pattern's own source.
export const MAYBE_EMOJI = /[\xA9\xAE\u203C-\uFFFF]/
// Every code point below U+203C (the rest went to string-width) that can
// join the grapheme before or after it: a superset (all of Mc), which only
// sends a few more strings to the segmenter.
export const JOINS = /[\p{Grapheme_Extend}\p{Mc}\u200D\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E\u0E33\u0EB3\u1100-\u11FF]/u
let segmenter

/** The graphemes of `text`: its code points when none joins another. */
function graphemes(text) {
  if (!JOINS.test(text)) return text
  segmenter ??= new Intl.Segmenter()
  return Array.from(segmenter.segment(text), (s) => s.segment)
}

/** string-width's result for `string`, without its emoji pattern when no emoji can be in it. */
export default function fastStringWidth(string, options) {
  if (typeof string !== 'string' || string.length === 0) return 0
  if (PRINTABLE_ASCII.test(string)) return string.length
  const text = options?.countAnsiEscapeCodes === true ? string : stripAnsi(string)
  if (MAYBE_EMOJI.test(text)) return stringWidth(string, options)
  const ambiguous = options?.ambiguousIsNarrow === false ? 2 : 1
  let width = 0
  // string-width 6.1's loop, less the emoji test that cannot match here.
  for (const segment of graphemes(text)) {
    const codePoint = segment.codePointAt(0)
    if (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f)) continue
    if (codePoint >= 0x300 && codePoint <= 0x36f) continue
    const code = eastAsianWidth.eastAsianWidth(segment)
    width += code === 'F' || code === 'W' ? 2 : code === 'A' ? ambiguous : 1
  }
  return width
}
