import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { CLI, SEED, tempDir } from '../helpers/paths.ts'

// Through the command itself: under tsx the loader's own WebAssembly is
// compiled before chapkhana sets V8's flags, and the flags then no longer
// reach harfbuzz; the command has no WebAssembly before the first subset.
test('harfbuzz is compiled by Liftoff alone: no TurboFan tier-up, whose threads kept 40 MiB', () => {
  const dir = tempDir('chapkhana-wasm-')
  try {
    mkdirSync(path.join(dir, 'content'))
    copyFileSync(SEED, path.join(dir, 'content', 'article.md'))
    // The reader page subsets the four book faces and needs no browser.
    const child = spawnSync(process.execPath, ['--trace-wasm-compilation-times', CLI, 'build', '--format', 'html', '--quiet'], { cwd: dir, encoding: 'utf8', timeout: 60_000 })
    assert.equal(child.status, 0, child.stderr)
    const lines = child.stdout.split('\n')
    assert.ok(lines.filter((line) => / using Liftoff,/.test(line)).length > 100, 'harfbuzz compiled: V8 traced its functions')
    assert.deepEqual(lines.filter((line) => / using TurboFan,/.test(line)), [])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
