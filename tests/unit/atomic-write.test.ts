/**
 * `writeFilesAtomic` leaves a target that already holds its bytes alone (a
 * `watch` rebuild rewrites the reader page's fonts, stylesheet and cover
 * unchanged) and replaces the others, with no temporary file left.
 */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { writeFilesAtomic } from '../../src/util/atomic.ts'
import { tempDir } from '../helpers/paths.ts'

test('an unchanged target keeps its file, a changed one and a new one are written, and no temporary file is left', async () => {
  const dir = tempDir()
  const same = path.join(dir, 'a.woff')
  const changed = path.join(dir, 'a.html')
  writeFileSync(same, Buffer.from([1, 2, 3]))
  writeFileSync(changed, 'old page')
  const before = statSync(same)
  await writeFilesAtomic([
    { target: same, bytes: new Uint8Array([1, 2, 3]) },
    { target: changed, bytes: 'new page' },
    { target: path.join(dir, 'b.css'), bytes: 'p {}' }
  ])
  const after = statSync(same)
  assert.equal(after.ino, before.ino, 'the unchanged file was replaced')
  assert.equal(after.mtimeMs, before.mtimeMs)
  assert.equal(readFileSync(changed, 'utf8'), 'new page')
  assert.equal(readFileSync(path.join(dir, 'b.css'), 'utf8'), 'p {}')
  assert.deepEqual(readdirSync(dir).sort(), ['a.html', 'a.woff', 'b.css'])
})

test('a target of the same size but other bytes is replaced', async () => {
  const dir = tempDir()
  const target = path.join(dir, 'a.pdf')
  writeFileSync(target, 'aaaa')
  await writeFilesAtomic([{ target, bytes: 'aaab' }])
  assert.equal(readFileSync(target, 'utf8'), 'aaab')
})
