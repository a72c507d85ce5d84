/**
 * Stamping `edition:` and `date:` through the YAML document model: any front
 * matter `build` accepts can be released, and only the two values change.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseDocument } from 'yaml'
import { stampEdition } from '../../src/release/stamp.ts'
import { isFailure } from '../../src/util/failure.ts'

/** A failure as `line:column: reason`, the way it is told on the article. */
const placed = (e: unknown): string => (isFailure(e, 'front-matter-edition') ? `${e.line}:${e.column}: ${e.reason}` : '')

const front = (text: string): Record<string, unknown> => {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  const doc = parseDocument(m?.[1] ?? '', { uniqueKeys: true })
  assert.deepEqual(doc.errors, [], `the stamped front matter parses: ${text}`)
  return doc.toJS() as Record<string, unknown>
}

describe('stampEdition through the YAML document', () => {
  it('keeps a key written with a space before its colon (`edition : 1`)', () => {
    const source = '---\ntitle: x\nedition : 1\ndate : 2026-01-01 # day\n---\n\nbody\n'
    const stamped = stampEdition(source, 2, '2026-12-01')
    assert.equal(stamped, '---\ntitle: x\nedition : 2\ndate : 2026-12-01 # day\n---\n\nbody\n')
  })

  it('keeps quoted keys (`"edition": 1`) and never adds a duplicate', () => {
    const source = '---\n"title": x\n"edition": 1\n\'date\': \'2026-01-01\'\n---\nbody\n'
    const stamped = stampEdition(source, 5, '2026-12-01')
    assert.equal(stamped, '---\n"title": x\n"edition": 5\n\'date\': \'2026-12-01\'\n---\nbody\n')
    assert.deepEqual(front(stamped), { title: 'x', edition: 5, date: '2026-12-01' })
  })

  it('stamps a flow mapping in place, adding missing keys inside the braces', () => {
    const source = '---\n{title: "x", lang: ckb, edition: 1}\n---\nbody\n'
    const stamped = stampEdition(source, 2, '2026-12-01')
    assert.deepEqual(front(stamped), { title: 'x', lang: 'ckb', edition: 2, date: '2026-12-01' })
    assert.match(stamped, /^---\n\{title: "x", lang: ckb, edition: 2, date: 2026-12-01\s*\}\n---\nbody\n$/)
  })

  it('keeps comments, CRLF and a BOM, and appends missing keys with the file\'s line ends', () => {
    const source = '\uFEFF---\r\n# heading comment\r\ntitle: x # the title\r\n\r\nlang: ckb\r\n---\r\nbody\r\n'
    assert.equal(stampEdition(source, 2, '2026-12-01'), '\uFEFF---\r\n# heading comment\r\ntitle: x # the title\r\n\r\nlang: ckb\r\nedition: 2\r\ndate: 2026-12-01\r\n---\r\nbody\r\n')
  })

  it('stamps a value that spans lines or is an alias as a plain value', () => {
    const source = '---\nanchors: &one 1\ntitle: x\nedition: *one\ndate:\n  2026-01-01\n---\nbody\n'
    assert.deepEqual(front(stampEdition(source, 3, '2026-12-01')), { anchors: 1, title: 'x', edition: 3, date: '2026-12-01' })
  })

  it('refuses front matter that is not a mapping, naming the user\'s line and column', () => {
    assert.throws(() => stampEdition('---\n- a\n- b\n---\nbody\n', 2, '2026-12-01'), (e: unknown) => /^2:1: .*mapping/.test(placed(e)))
  })

  it('refuses invalid YAML at the line of the article, not of the stamped text', () => {
    assert.throws(() => stampEdition('---\ntitle: x\ntitle: y\n---\nbody\n', 2, '2026-12-01'), (e: unknown) => /^3:1: /.test(placed(e)))
  })
})
