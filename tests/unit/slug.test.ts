/**
 * Slugs keep Arabic-script letters whole (NFC): hamza letters are not split
 * into a bare letter and a hyphen, distinct names stay distinct, and the
 * Persian ZWNJ inside a word is not turned into a hyphen.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { slugOf } from '../../src/source/read.ts'

describe('slugs of Arabic-script file names', () => {
  it('keeps a Sorani name with a hamza letter whole', () => {
    assert.equal(slugOf('content/ئاسایش.md'), 'ئاسایش')
    assert.equal(slugOf('content/ئاسایش.md'.normalize('NFD')), 'ئاسایش')
  })

  it('keeps أحمد and إحمد apart', () => {
    assert.equal(slugOf('أحمد.md'), 'أحمد')
    assert.equal(slugOf('إحمد.md'), 'إحمد')
    assert.notEqual(slugOf('أحمد.md'), slugOf('إحمد.md'))
    assert.equal(slugOf('مؤتمر.md'), 'مؤتمر')
  })

  it('keeps a ZWNJ inside a Persian word and never turns it into a hyphen', () => {
    assert.equal(slugOf('کتاب\u200Cها.md'), 'کتاب\u200Cها')
    assert.equal(slugOf('می\u200Cشود و دیگر.md'), 'می\u200Cشود-و-دیگر')
    assert.equal(slugOf('\u200Cنام\u200C.md'), 'نام')
  })

  it('keeps harakat with their letter', () => {
    assert.equal(slugOf('عِلْم.md'), 'عِلْم')
  })

  it('still lowercases Latin names and joins words with hyphens', () => {
    assert.equal(slugOf('content/My Piece.md'), 'my-piece')
    assert.equal(slugOf('pages/dev-snippets/tags/index.md'), 'tags')
    assert.equal(slugOf('---.md'), 'article')
  })
})
