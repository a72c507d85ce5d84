/**
 * The edition history file and the front-matter stamp: exact round trips
 * (BOM, CRLF), damage reported with its line and never rewritten, and only
 * `edition`/`date` touched in the article.
 */
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { formatHistory, historyPath, parseHistory, readHistory, sha256, writeHistory, type EditionRecord } from '../../src/source/history.ts'
import { stampEdition } from '../../src/release/stamp.ts'
import { tempDir } from '../helpers/paths.ts'
import { isFailure } from '../../src/util/failure.ts'
import { placed } from '../helpers/refusal.ts'

const record = (edition: number, source: string): EditionRecord => ({
  edition,
  date: '2026-11-24',
  sha256: sha256(source),
  source,
  generator: 'chapkhana test',
  sourceDateEpoch: 1790000000,
  outputs: { epub: { file: `a-ed${edition}.epub`, sha256: 'a'.repeat(64) } }
})

const LF = '---\ntitle: "ناونیشان"\nedition: 2\n---\n\n  ئەم بژارەیە خرایە روو.\t\n\n\n'
const CRLF = '\uFEFF---\r\ntitle: t\r\nedition: 3\r\n---\r\n\r\nدەق\r\n'

describe('history file', () => {
  it('round-trips sources exactly, BOM and CRLF included, as readable YAML', () => {
    const records = [record(2, LF), record(3, CRLF), record(4, 'mixed\r\nends\n')]
    const text = formatHistory('content/a.md', records)
    assert.match(text, /source: \|/, 'text in a block literal')
    assert.match(text, /newline: crlf/)
    assert.match(text, /bom: true/)
    assert.ok(text.includes('      ئەم بژارەیە') || text.includes('        ئەم بژارەیە'), 'the letters are written as letters')
    assert.deepEqual(parseHistory(text, 'a.history.yaml'), records)
  })

  it('sits beside the article', () => {
    assert.equal(historyPath('content/my-piece.md'), path.join('content', 'my-piece.history.yaml'))
  })

  it('reads a missing history as no editions', async () => {
    assert.deepEqual(await readHistory(path.join(tempDir(), 'a.md')), [])
  })

  const damaged: [string, (t: string) => string, RegExp][] = [
    ['invalid YAML', (t) => t.replace('editions:', 'editions: [\n'), /a\.history\.yaml:\d+:\d+: not valid YAML/],
    ['a text edited after the release', (t) => t.replace('بژارەیە', 'بژاردەیە'), /:1[0-9]:\d+: edition 2: the text no longer matches its sha256/],
    ['a missing sha256', (t) => t.replace(/^ {4}sha256: .*\n/m, ''), /:7:5: an edition has no `sha256`/],
    ['editions out of order', (t) => t.replace('edition: 3', 'edition: 2'), /edition 2 comes after edition 2/],
    ['no editions list', () => 'article: a.md\n', /`editions:` must be a list/]
  ]
  for (const [what, damage, message] of damaged) {
    it(`refuses ${what}, naming the line, and leaves the file alone`, async () => {
      const dir = tempDir()
      const article = path.join(dir, 'a.md')
      const file = historyPath(article)
      writeFileSync(file, damage(formatHistory(article, [record(2, LF), record(3, CRLF)])))
      const before = readFileSync(file)
      await assert.rejects(readHistory(article), (e: unknown) => isFailure(e, 'history-damaged') && e.file === file && message.test(placed(e)) && /never rewrites/.test(e.reason))
      assert.deepEqual(readFileSync(file), before)
    })
  }

  it('writes atomically and reads back what it wrote', async () => {
    const article = path.join(tempDir(), 'a.md')
    await writeHistory(article, [record(1, LF)])
    assert.deepEqual(await readHistory(article), [record(1, LF)])
  })
})

describe('stampEdition', () => {
  it('changes only the edition and date values: comments, order, quotes, CRLF and BOM stay', () => {
    const source = '\uFEFF---\r\ntitle: x # the title\r\nedition: 1   # bumped by release\r\ndate: "2026-01-01"\r\nlang: ckb\r\n---\r\n\r\nedition: 1 in the body\r\n'
    assert.equal(stampEdition(source, 3, '2026-12-01'), source.replace('edition: 1   #', 'edition: 3   #').replace('"2026-01-01"', '"2026-12-01"'))
  })

  it('adds missing keys at the end of the front matter, with its line ends', () => {
    assert.equal(stampEdition('---\r\ntitle: x\r\n---\r\nbody', 2, '2026-12-01'), '---\r\ntitle: x\r\nedition: 2\r\ndate: 2026-12-01\r\n---\r\nbody')
  })

  it('refuses an article without front matter', () => {
    assert.throws(() => stampEdition('# title\n\ntext\n', 2, '2026-12-01'), /no front matter/)
  })
})
