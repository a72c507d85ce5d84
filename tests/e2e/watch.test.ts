/**
 * End to end: `chapkhana watch` with the real Chromium. It builds, then
 * rebuilds both editions when a word of the article is corrected, says which
 * word changed, and stops cleanly on Ctrl-C without leaving a browser behind.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { describe, it } from 'node:test'
import { CLI, SEED, tempDir } from '../helpers/paths.ts'
import { chromiumWith } from '../hardening/helpers.ts'
import { childLog } from '../helpers/child-log.ts'

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('chapkhana watch', () => {
  it('rebuilds the EPUB and PDF after a one-word correction, names the word, and stops on Ctrl-C', async () => {
    const project = tempDir('chapkhana-watch-')
    mkdirSync(path.join(project, 'content'))
    const article = path.join(project, 'content', 'nato.md')
    copyFileSync(SEED, article)
    const child = spawn(process.execPath, [CLI, 'watch'], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] })
    const log = childLog(child)
    const until = (pattern: RegExp) => log.until(pattern, 120_000)
    try {
      await until(/watching content/)
      assert.match(log.text(), /built content\/nato\.md in \d+ ms: nato\.epub/)
      const before = { epub: sha(path.join(project, 'out', 'nato.epub')), pdf: sha(path.join(project, 'out', 'nato.pdf')) }
      writeFileSync(article, readFileSync(article, 'utf8').replace('ئەمریکا کە', 'ئەمەریکا کە'))
      await until(/rebuilt content\/nato\.md in \d+ ms/)
      assert.match(log.text(), /rebuilt content\/nato\.md in \d+ ms: nato\.epub [\d.]+ KB \d+ ms, nato\.pdf/)
      assert.match(log.text(), /1 word changed in 1 paragraph: «\u2068ئەمریکا\u2069» → «\u2068ئەمەریکا\u2069»/)
      assert.notEqual(sha(path.join(project, 'out', 'nato.epub')), before.epub)
      assert.notEqual(sha(path.join(project, 'out', 'nato.pdf')), before.pdf)
    } finally {
      child.kill('SIGINT')
    }
    const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)))
    assert.equal(code, 0, log.text())
    assert.deepEqual(chromiumWith(`chapkhana-chromium-${child.pid}-`), [])
  })
})
