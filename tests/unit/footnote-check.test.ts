/**
 * Footnotes that cannot work are warned about at their line and column: a
 * reference without a note (GFM prints it literally) and a note nobody refers
 * to (no edition prints it).
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { render } from '../helpers/html.ts'

const messages = async (body: string) => {
  const { file } = await render(`---\ntitle: "ناو"\nlang: ckb\n---\n\n${body}`)
  return file.messages.filter((m) => m.ruleId === 'footnote-undefined' || m.ruleId === 'footnote-unused')
}

describe('footnote checks', () => {
  it('warns at a reference that has no note', async () => {
    const found = await messages('دەقی یەکەم.\n\nدەق [^٢] و [^b].\n')
    assert.deepEqual(found.map((m) => [m.ruleId, m.line, m.column, m.fatal]), [
      ['footnote-undefined', 8, 5, false],
      ['footnote-undefined', 8, 12, false]
    ])
    assert.match(found[0]?.reason ?? '', /\[\^٢\]: …/)
  })

  it('warns at a note that nothing refers to', async () => {
    const found = await messages('دەق [^1].\n\n[^1]: پەراوێز.\n\n[^2]: بێ بەکارهێنان.\n')
    assert.deepEqual(found.map((m) => [m.ruleId, m.line, m.column]), [['footnote-unused', 10, 1]])
    assert.match(found[0]?.reason ?? '', /\[\^2\]/)
  })

  it('says nothing about notes in use, escaped brackets or code', async () => {
    assert.deepEqual(await messages('دەق [^1] و \\[^x] و `[^y]`.\n\n```\n[^z]\n```\n\n[^1]: پەراوێز.\n'), [])
  })

  it('positions a reference on a later line of its paragraph', async () => {
    const found = await messages('دێڕی یەکەم\nدێڕی دووەم [^9].\n')
    assert.deepEqual(found.map((m) => [m.line, m.column]), [[7, 12]])
  })
})
