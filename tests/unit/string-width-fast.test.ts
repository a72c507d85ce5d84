/**
 * The bundle's stand-in for string-width (scripts/string-width-fast.mjs),
 * which vfile-reporter uses to align report columns: it must give the width
 * string-width gives for every input, and skip the emoji pattern only where
 * no emoji can be.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { test } from 'node:test'
import fc from 'fast-check'
import stringWidth from 'string-width'
import fastStringWidth, { JOINS, MAYBE_EMOJI } from '../../scripts/string-width-fast.mjs'

const require = createRequire(import.meta.url)

/** The first code unit of each top-level alternative of emoji-regex's pattern, as a class or one escape. */
function firstAtoms(): string[] {
  const source = readFileSync(require.resolve('emoji-regex', { paths: [require.resolve('string-width')] }), 'utf8')
  const body = source.slice(source.indexOf('return /') + 'return /'.length, source.lastIndexOf('/g'))
  const alternatives: string[] = []
  let depth = 0
  let inClass = false
  let current = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c === '\\') {
      current += c + body[++i]
      continue
    }
    if (inClass) inClass = c !== ']'
    else if (c === '[') inClass = true
    else if (c === '(') depth++
    else if (c === ')') depth--
    if (c === '|' && depth === 0 && !inClass) {
      alternatives.push(current)
      current = ''
    } else current += c
  }
  alternatives.push(current)
  return alternatives.map((alt) => /^(\[(?:\\.|[^\]])*\]|\\u[0-9A-F]{4}|\\x[0-9A-F]{2})/.exec(alt)?.[1] ?? alt)
}

test('every emoji the pattern can match holds a code unit the pre-test sends to string-width', () => {
  const atoms = firstAtoms()
  assert.ok(atoms.length > 5, `emoji-regex's pattern split into ${atoms.length} alternatives`)
  for (const atom of atoms) {
    // The keycaps ([#*0-9] FE0F? 20E3) start with ASCII but always hold U+20E3.
    if (atom === '[#*0-9]') continue
    const first = new RegExp(`^${atom}`)
    for (let unit = 0; unit < 0x10000; unit++) {
      const char = String.fromCharCode(unit)
      if (first.test(char)) assert.ok(MAYBE_EMOJI.test(char), `alternative ${atom} starts with U+${unit.toString(16)}, which the pre-test lets through`)
    }
  }
  assert.ok(MAYBE_EMOJI.test('\u20E3'))
})

test('gives string-width’s width for every code point of planes 0 to 2, alone and after a letter', () => {
  // A line break ends a grapheme whatever follows (UAX #29, GB4), so a block
  // of lines measures the sum of its lines: 256 code points a call, each
  // checked alone when a block disagrees.
  const differs = (text: string): boolean => fastStringWidth(text) !== stringWidth(text)
  for (let block = 0; block < 0x30000; block += 256) {
    for (const before of ['', 'ب']) {
      const lines: string[] = []
      for (let cp = block; cp < block + 256; cp++) if (cp < 0xd800 || cp > 0xdfff) lines.push(before + String.fromCodePoint(cp))
      if (!differs(lines.join('\n'))) continue
      const line = lines.find(differs)
      assert.fail(`${JSON.stringify(line)}: ${fastStringWidth(line ?? '')} against string-width's ${stringWidth(line ?? '')} (or a block of them: ${block.toString(16)})`)
    }
  }
})

test('gives string-width’s width for report cells, coloured or not, and for emoji and joined sequences', () => {
  const cells = [
    '',
    '36:299-36:311',
    'warning',
    'straight-quotes',
    'chapkhana-proofing',
    'Straight quotation marks \'…\' around Sorani text: use «…» (« » for a quotation, ‹ › for one inside it)',
    'Heh followed by a zero-width non-joiner (ه‌) is the old way of typing the Sorani vowel: write ە (U+06D5)',
    'گواستنەوەی سەرکردایەتی هاوپەیمانییەکە بۆ دەستی ناتۆ',
    'ل̆ ی̆ و̆ ر̆ with marks, كتاب ﻙ presentation forms, tatweel ـــ, digits ٠١٢ ۴۵۶',
    '\u0600\u0661 prepended, \u200C\u200D joiners, \u2068isolates\u2069',
    '\u001b[33mwarning\u001b[39m',
    '\u001b[1m\u001b[4mcontent/a.md\u001b[24m\u001b[22m',
    '⚠ 3 warnings',
    '1\uFE0F\u20E3 #\u20E3 © ® ™ 👍🏽 👨‍👩‍👧 🇮🇶 ❤️',
    '中文 ｆｕｌｌ ﾊﾝ',
    'tab\there and control \u0007 bell'
  ]
  for (const cell of cells) {
    assert.equal(fastStringWidth(cell), stringWidth(cell), JSON.stringify(cell))
    assert.equal(fastStringWidth(cell, { ambiguousIsNarrow: false }), stringWidth(cell, { ambiguousIsNarrow: false }), JSON.stringify(cell))
    assert.equal(fastStringWidth(cell, { countAnsiEscapeCodes: true }), stringWidth(cell, { countAnsiEscapeCodes: true }), JSON.stringify(cell))
  }
})

test('gives string-width’s width for any mix of letters and the code points that join graphemes', () => {
  // Letters that join nothing (Latin, Arabic, «», ‹›, …) next to every kind that joins (UAX #29):
  // marks, ZWNJ and ZWJ, prepended number signs, Hangul jamo, spacing marks, CR LF, controls.
  const alphabet = [...'aZ7 .:-«»‹›…بتەیکگ٠٤ـ', '\u064E', '\u0651', '\u0301', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u200B', '\u00A0', '\u2028',
    '\u0600', '\u06DD', '\u070F', '\u1100', '\u1161', '\u11A8', '\u0915', '\u094D', '\u093F', '\u0E33', '\r', '\n', '\t', '\u0007', '\u0085']
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }), (chars) => {
      const text = chars.join('')
      assert.equal(fastStringWidth(text), stringWidth(text), JSON.stringify(text))
    }),
    { numRuns: 5000 }
  )
})

test('walks code points, not graphemes, only where none can join another', () => {
  // The seed's report cells: nothing joins, so no segmenter.
  assert.equal(JOINS.test('Straight quotation marks \'…\' around Sorani text: use «…» (« » for a quotation, ‹ › for one inside it)'), false)
  assert.equal(JOINS.test('گواستنەوەی سەرکردایەتی'), false)
  for (const joiner of ['\u064E', '\u200C', '\u200D', '\u0600', '\u1161', '\u093F', '\u0E33']) assert.ok(JOINS.test(`ب${joiner}`), `U+${joiner.codePointAt(0)!.toString(16)}`)
})
