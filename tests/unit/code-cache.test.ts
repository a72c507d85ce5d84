/** bin/code-cache.js: a CommonJS file run with V8's code cache, never with a cache made for other bytes. */
import assert from 'node:assert/strict'
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { loadCached } from '../../bin/code-cache.js'
import { tempDir } from '../helpers/paths.ts'

/** A CommonJS file whose `answer()` returns `value`, with functions V8 compiles only when called. */
function script(dir: string, value: string): string {
  const file = path.join(dir, 'lib.cjs')
  writeFileSync(file, `'use strict'\nconst path = require('node:path')\nfunction inner(x) { return [x, path.basename(__filename)].join(' ') }\nexports.answer = () => inner(${JSON.stringify(value)})\n`)
  return file
}

const caches = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.cache'))

describe('loading a CommonJS file with its code cache', () => {
  it('compiles the first time, saves the cache after the work, and runs from it the next time', () => {
    const dir = tempDir()
    const file = script(dir, 'one')
    const first = loadCached(file)
    assert.equal(first.cached, false)
    assert.equal((first.exports.answer as () => string)(), 'one lib.cjs')
    first.save()
    assert.equal(caches(dir).length, 1)
    const second = loadCached(file)
    assert.equal(second.cached, true)
    assert.equal((second.exports.answer as () => string)(), 'one lib.cjs')
  })

  it('never runs the cache of other bytes of the same length', () => {
    const dir = tempDir()
    const file = script(dir, 'one')
    loadCached(file).save()
    // V8 itself checks only the length: the same length, other code.
    const before = statSync(file)
    script(dir, 'two')
    utimesSync(file, before.atime, new Date(before.mtimeMs + 5000))
    const changed = loadCached(file)
    assert.equal(changed.cached, false)
    assert.equal((changed.exports.answer as () => string)(), 'two lib.cjs')
  })

  it('runs without a cache, and leaves no part of one, where none can be written', () => {
    const dir = tempDir()
    const file = script(dir, 'one')
    const { size, mtimeMs } = statSync(file)
    // Where the cache would go, a folder: the cache cannot be put there.
    mkdirSync(`${file}.${size}-${Math.trunc(mtimeMs)}.cache`)
    const run = loadCached(file)
    assert.equal((run.exports.answer as () => string)(), 'one lib.cjs')
    assert.doesNotThrow(() => run.save())
    assert.deepEqual(readdirSync(dir).sort(), ['lib.cjs', path.basename(`${file}.${size}-${Math.trunc(mtimeMs)}.cache`)])
  })
})
