/**
 * `chapkhana release --press` on a copy of the seed article: the press PDF is
 * released as `out/<slug>-ed<N>-press.pdf` (and `out/<slug>-press.pdf`),
 * recorded with its sha256 in the history, and `--rebuild N --press` makes it
 * again byte for byte.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { parse } from 'yaml'
import { SEED, tempDir } from '../helpers/paths.ts'
import { pressProblems } from '../helpers/press-checks.ts'
import { chapkhana } from '../helpers/tools.ts'

describe('release --press', () => {
  it('releases the press PDF beside the others, records it and rebuilds it byte for byte', () => {
    const dir = tempDir('chapkhana-press-release-')
    const slug = 'nato-coalition-leadership'
    mkdirSync(path.join(dir, 'content'))
    copyFileSync(SEED, path.join(dir, 'content', `${slug}.md`))
    const env = { SOURCE_DATE_EPOCH: '1790000000', NO_COLOR: '1' }
    const article = path.join('content', `${slug}.md`)
    const r = chapkhana(['release', article, '--date', '2026-11-25', '--press', '--format', 'pdf'], { cwd: dir, env })
    assert.equal(r.code, 0, r.stderr)
    const released = path.join(dir, 'out', `${slug}-ed2-press.pdf`)
    const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex')
    assert.equal(sha(released), sha(path.join(dir, 'out', `${slug}-press.pdf`)))
    assert.deepEqual(pressProblems(released, { title: 'گواستنەوەی سەرکردایەتی', lang: 'ckb' }), [])
    const history = parse(readFileSync(path.join(dir, 'content', `${slug}.history.yaml`), 'utf8')) as { editions: { outputs: Record<string, { file: string; sha256: string }> }[] }
    const record = history.editions.at(-1)!.outputs.press
    assert.deepEqual(record, { file: `${slug}-ed2-press.pdf`, sha256: sha(released) })
    const again = chapkhana(['release', '--rebuild', '2', article, '--press', '--format', 'pdf'], { cwd: dir, env })
    assert.equal(again.code, 0, again.stderr)
    assert.match(again.stderr, /press: sha256 matches edition 2/)
  })
})
