/**
 * `diff --html FILE` writes a new page, never over a source: `diff a.md
 * --html a.md` used to replace the article with HTML and exit 0 (issue 15,
 * item 13). Each refusal exits 1, names the reason, and leaves every file as
 * it was.
 */
import assert from 'node:assert/strict'
import { existsSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { sha256, writeHistory } from '../../src/source/history.ts'
import { tempDir } from '../helpers/paths.ts'
import { chapkhana } from '../helpers/tools.ts'

const RELEASED = '---\ntitle: "تاقیکردنەوە"\nlang: ckb\ndate: 2026-11-24\nedition: 1\n---\n\nئەمە دەقی یەکەمە.\n'
const CURRENT = RELEASED.replace('یەکەمە', 'دووەمە')

describe('diff --html refuses to write over a source', () => {
  let dir = ''
  const article = (): string => path.join(dir, 'content', 'a.md')
  before(async () => {
    dir = tempDir('chapkhana-diff-target-')
    mkdirSync(path.join(dir, 'content'))
    writeFileSync(article(), CURRENT)
    // A released edition 1, recorded as `release` records it (outputs are not needed to diff).
    await writeHistory(article(), [{ edition: 1, date: '2026-11-24', sha256: sha256(RELEASED), source: RELEASED, generator: 'chapkhana test', outputs: {} }])
  })

  const refused = (target: string, reason: RegExp): void => {
    const history = readFileSync(path.join(dir, 'content', 'a.history.yaml'))
    const r = chapkhana(['diff', 'content/a.md', '--html', target], { cwd: dir })
    assert.equal(r.code, 1, `${r.stdout}\n${r.stderr}`)
    assert.match(r.stderr, reason)
    assert.match(r.stderr, /nothing was written/)
    assert.equal(readFileSync(article(), 'utf8'), CURRENT, 'the article was changed')
    assert.deepEqual(readFileSync(path.join(dir, 'content', 'a.history.yaml')), history, 'the history was changed')
  }

  it('refuses the article itself as the target', () => {
    refused('content/a.md', /\.html file/)
    refused(path.join(dir, 'content', 'a.md'), /\.html file/)
  })

  it('refuses a .html name that is a link or a hard link to the article', () => {
    symlinkSync(article(), path.join(dir, 'link.html'))
    refused('link.html', /content\/a\.md itself/)
    linkSync(article(), path.join(dir, 'hard.html'))
    refused('hard.html', /content\/a\.md itself/)
  })

  it('refuses a page inside the content folder', () => {
    refused('content/a-diff.html', /inside the content folder/)
    assert.equal(existsSync(path.join(dir, 'content', 'a-diff.html')), false)
  })

  it('still writes a new page outside content/', () => {
    const r = chapkhana(['diff', 'content/a.md', '--html', 'a-diff.html'], { cwd: dir })
    assert.equal(r.code, 0, r.stderr)
    assert.match(readFileSync(path.join(dir, 'a-diff.html'), 'utf8'), /<del>[^<]*یەکەمە/)
    assert.equal(readFileSync(article(), 'utf8'), CURRENT)
  })
})
