/**
 * `chapkhana release --press` on a copy of the seed article: the press PDF
 * and the press cover are released as `out/<slug>-ed<N>-press.pdf` and
 * `out/<slug>-ed<N>-press-cover.pdf` (and the latest copies without `-ed<N>`),
 * recorded with their sha256 in the history, `--rebuild N --press` makes
 * them again byte for byte, and a press cover already standing under the
 * next edition's name is never written over.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { parse } from 'yaml'
import { SEED, tempDir } from '../helpers/paths.ts'
import { pressProblems } from '../helpers/press-checks.ts'
import { chapkhana } from '../helpers/tools.ts'

describe('release --press', () => {
  it('releases the press PDF and cover beside the others, records them, rebuilds them byte for byte and never overwrites them', () => {
    const dir = tempDir('chapkhana-press-release-')
    const slug = 'nato-coalition-leadership'
    mkdirSync(path.join(dir, 'content'))
    copyFileSync(SEED, path.join(dir, 'content', `${slug}.md`))
    const env = { SOURCE_DATE_EPOCH: '1790000000', NO_COLOR: '1' }
    const article = path.join('content', `${slug}.md`)
    const r = chapkhana(['release', article, '--date', '2026-11-25', '--press', '--format', 'pdf'], { cwd: dir, env })
    assert.equal(r.code, 0, r.stderr)
    const out = (name: string): string => path.join(dir, 'out', name)
    const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex')
    const history = (): { editions: { edition: number; outputs: Record<string, { file: string; sha256: string }> }[] } => parse(readFileSync(path.join(dir, 'content', `${slug}.history.yaml`), 'utf8'))
    for (const format of ['press', 'press-cover'] as const) {
      const released = out(`${slug}-ed2-${format}.pdf`)
      assert.equal(sha(released), sha(out(`${slug}-${format}.pdf`)), `${format}: the latest copy is the released one`)
      assert.deepEqual(pressProblems(released, { title: 'گواستنەوەی سەرکردایەتی', lang: 'ckb' }), [], format)
      assert.deepEqual(history().editions.at(-1)!.outputs[format], { file: `${slug}-ed2-${format}.pdf`, sha256: sha(released) })
    }
    const again = chapkhana(['release', '--rebuild', '2', article, '--press', '--format', 'pdf'], { cwd: dir, env })
    assert.equal(again.code, 0, again.stderr)
    assert.match(again.stderr, /press: sha256 matches edition 2/)
    assert.match(again.stderr, /press-cover: sha256 matches edition 2/)

    // A file already named as edition 3's press cover (put there by hand) stops the next release before anything is built.
    const squatter = out(`${slug}-ed3-press-cover.pdf`)
    writeFileSync(squatter, 'not released by chapkhana')
    appendFileSync(path.join(dir, article), '\nبڕگەیەکی نوێ.\n')
    const third = chapkhana(['release', article, '--date', '2026-11-26', '--press', '--format', 'pdf'], { cwd: dir, env })
    assert.equal(third.code, 1, third.stderr)
    assert.match(third.stderr, /ed3-press-cover\.pdf already exists.*a released file is never replaced/s)
    assert.equal(readFileSync(squatter, 'utf8'), 'not released by chapkhana')
    assert.equal(existsSync(out(`${slug}-ed3-press.pdf`)), false)
    assert.deepEqual(history().editions.map((e) => e.edition), [2], 'edition 3 recorded nothing')
  })
})
