/**
 * The characters a font subset is made for (fonts.ts `charactersOf`): the same
 * string the obvious `[...new Set(text)].sort().join('')` gives, for any text
 * (astral letters and lone surrogates included), so a subset remembered under
 * the old key is found under the new one.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import fc from 'fast-check'
import { charactersOf } from '../../src/fonts/fonts.ts'
import { SEED } from '../helpers/paths.ts'

const obvious = (text: string): string => [...new Set(text)].sort().join('')

test('charactersOf gives every character once, in the order the obvious way gives', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('a', 'ی', 'ە', '\u200c', '\ud83d', '\ude00', '😀', '𝕏', '\uffff', '\ue000')) }), (text) => {
      assert.equal(charactersOf(text), obvious(text))
    }),
    { numRuns: 500 }
  )
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => assert.equal(charactersOf(text), obvious(text))), { numRuns: 500 })
})

test('charactersOf on the seed article matches, and asks again give the same answer', () => {
  const seed = readFileSync(SEED, 'utf8')
  assert.equal(charactersOf(seed), obvious(seed))
  assert.equal(charactersOf(seed), obvious(seed))
  assert.equal(charactersOf(''), '')
})
