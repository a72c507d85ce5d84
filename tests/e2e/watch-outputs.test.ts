/**
 * What `watch` writes after a correction is what a cold `build` of the
 * corrected text writes: every file of out/, byte for byte (EPUB, PDF,
 * reader pages, cover, fonts, stylesheet). Whatever a rebuild reuses from
 * the build before it (the warm browser, the cover, font subsets) must not
 * show in its files.
 */
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { describe, it } from 'node:test'
import { CLI, SEED, tempDir } from '../helpers/paths.ts'
import { childLog } from '../helpers/child-log.ts'

const env = { ...process.env, SOURCE_DATE_EPOCH: '1790000000', NO_COLOR: '1' }

/** sha256 of every file under `dir`, by path relative to it. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    out[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex')
  }
  return out
}

/** A project with the seed as content/nato.md. */
function project(): { dir: string; article: string } {
  const dir = tempDir('chapkhana-watch-outputs-')
  mkdirSync(path.join(dir, 'content'))
  const article = path.join(dir, 'content', 'nato.md')
  copyFileSync(SEED, article)
  return { dir, article }
}

const correct = (text: string): string => text.replace('ئەمریکا کە', 'ئەمەریکا کە')

describe('chapkhana watch', () => {
  it('writes after a one-word correction the very files a cold build of the corrected text writes', async () => {
    const watched = project()
    const child = spawn(process.execPath, [CLI, 'watch'], { cwd: watched.dir, env, stdio: ['ignore', 'ignore', 'pipe'] })
    const log = childLog(child)
    const until = (pattern: RegExp) => log.until(pattern, 240_000)
    let first: Record<string, string>
    try {
      await until(/watching content/)
      first = hashes(path.join(watched.dir, 'out'))
      writeFileSync(watched.article, correct(readFileSync(watched.article, 'utf8')))
      await until(/rebuilt content\/nato\.md in \d+ ms/)
    } finally {
      // Ctrl-C waits for the round in progress (the collection page after the rebuilt line).
      child.kill('SIGINT')
    }
    const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)))
    assert.equal(code, 0, log.text())
    const rebuilt = hashes(path.join(watched.dir, 'out'))
    assert.notEqual(rebuilt['nato.epub'], first['nato.epub'], 'the correction changed the EPUB')
    assert.notEqual(rebuilt['nato.pdf'], first['nato.pdf'], 'the correction changed the PDF')
    // The same corrected text, built cold in a project of its own.
    const cold = project()
    writeFileSync(cold.article, correct(readFileSync(cold.article, 'utf8')))
    const build = spawnSync(process.execPath, [CLI, 'build'], { cwd: cold.dir, env, encoding: 'utf8' })
    assert.equal(build.status, 0, build.stderr)
    assert.deepEqual(rebuilt, hashes(path.join(cold.dir, 'out')))
  })
})
