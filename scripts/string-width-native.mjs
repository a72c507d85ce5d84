// Stands in for `string-width` inside the bundled CLI (scripts/bundle.mjs).
// vfile-reporter measures every cell of its table with string-width, whose
// version here builds the whole emoji-regex pattern (tens of KB) on import
// and compiles it on first use: ~0.1 s of each `chapkhana lint`. This is the
// same function with the engine's own Unicode property for emoji (as
// string-width 8 does); tests/unit/string-width-stand-in.test.ts holds the
// two to the same widths.
import stripAnsi from 'strip-ansi'
import eastAsianWidth from 'eastasianwidth'

// What emoji-regex finds in a grapheme: an RGI emoji sequence, or a single
// emoji code point other than the keycap bases (# * 0-9) and lone regional
// indicators, which it matches only inside a sequence (checked over every
// code point against emoji-regex).
const EMOJI = /\p{RGI_Emoji}|(?![#*0-9\u{1F1E6}-\u{1F1FF}])\p{Emoji}/v
const segmenter = new Intl.Segmenter()

export default function stringWidth(string, options) {
  if (typeof string !== 'string' || string.length === 0) return 0
  options = { ambiguousIsNarrow: true, countAnsiEscapeCodes: false, ...options }
  if (!options.countAnsiEscapeCodes) string = stripAnsi(string)
  if (string.length === 0) return 0
  const ambiguousCharacterWidth = options.ambiguousIsNarrow ? 1 : 2
  let width = 0
  for (const { segment: character } of segmenter.segment(string)) {
    const codePoint = character.codePointAt(0)
    // Control and combining characters take no column.
    if (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f)) continue
    if (codePoint >= 0x300 && codePoint <= 0x36f) continue
    if (EMOJI.test(character)) {
      width += 2
      continue
    }
    const code = eastAsianWidth.eastAsianWidth(character)
    width += code === 'F' || code === 'W' ? 2 : code === 'A' ? ambiguousCharacterWidth : 1
  }
  return width
}
