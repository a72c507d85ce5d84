import assert from 'node:assert/strict'
import { test } from 'node:test'
import stringWidth from 'string-width'
// @ts-expect-error: a plain JavaScript module of the bundle script, without types.
import standIn from '../../scripts/string-width-native.mjs'

const SAMPLES = [
  '',
  'warning',
  '36:299-36:311',
  'Straight quotation marks \'…\' around Sorani text: use «…»',
  'گواستنەوەی سەرکردایەتی هاوپەیمانییەکە بۆ دەستی ناتۆ',
  'المقتبس ١٢٣ ۴۵۶',
  '\u001b[33mwarning\u001b[39m',
  '😀 👍🏽 👨‍👩‍👧 🇮🇶',
  '漢字かな 한국어',
  'é e\u0301 \u0007 ±×',
  '⚠ 3 warnings',
  '1️⃣ #️⃣ 🇮 ©️ © ™'
]

test('the bundle\'s string-width stand-in gives vfile-reporter the widths string-width gives', () => {
  for (const sample of SAMPLES) {
    assert.equal(standIn(sample), stringWidth(sample), JSON.stringify(sample))
    assert.equal(standIn(sample, { ambiguousIsNarrow: false }), stringWidth(sample, { ambiguousIsNarrow: false }), JSON.stringify(sample))
    assert.equal(standIn(sample, { countAnsiEscapeCodes: true }), stringWidth(sample, { countAnsiEscapeCodes: true }), JSON.stringify(sample))
  }
})

test('every single code point of the first three planes has the same width under both', () => {
  const differ: string[] = []
  for (let cp = 0; cp < 0x30000; cp++) {
    if (cp >= 0xd800 && cp < 0xe000) continue
    const ch = String.fromCodePoint(cp)
    if (standIn(ch) !== stringWidth(ch)) differ.push(cp.toString(16))
  }
  assert.deepEqual(differ, [])
})
