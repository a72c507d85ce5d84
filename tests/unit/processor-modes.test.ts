/**
 * One processor factory for build, lint and lint --fix, all behind the same
 * nesting guards (issue 13 item 9: lint crashed with "Maximum call stack size
 * exceeded" on 5,000-deep block quotes that build refused cleanly).
 */
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { VFileMessage } from 'vfile-message'
import { lint } from '../helpers/lint-cli.ts'
import { createProcessor, loadBuildMode } from '../../src/tree/processor.ts'
import { lintSource } from '../../src/lint/lint-source.ts'
import { parseMarkdown } from '../../src/lint/fix.ts'

const FRONT = '---\ntitle: تاقی\nlang: ckb\n---\n\n'
const DEEP_QUOTES = `${FRONT}${'> '.repeat(5000)}دەق\n`
const DEEP_EMPHASIS = `${FRONT}${'*'.repeat(400)}a${'*'.repeat(400)}\n`

describe('processor modes carry the nesting guards', () => {
  it('lint refuses 5,000-deep block quotes with a positioned message instead of overflowing', () => {
    const file = lintSource(DEEP_QUOTES, 'deep.md')
    const refusal = file.messages.find((m) => m.ruleId === 'nesting-depth')
    assert.ok(refusal, `expected a nesting-depth message, got ${file.messages.map((m) => m.ruleId).join(', ')}`)
    assert.equal(refusal.fatal, true)
    assert.equal(refusal.line, 6)
    assert.equal(refusal.file, 'deep.md')
  })

  it('lint refuses emphasis nested 200 deep (the parse transform guard)', () => {
    const file = lintSource(DEEP_EMPHASIS, 'emphasis.md')
    assert.ok(file.messages.some((m) => m.ruleId === 'nesting-depth' && m.fatal === true))
  })

  it('the fix parser throws the same positioned refusal', () => {
    assert.throws(
      () => parseMarkdown(DEEP_QUOTES, 'deep.md'),
      (error: unknown) => error instanceof VFileMessage && error.ruleId === 'nesting-depth' && error.line === 6
    )
  })

  it('chapkhana lint and lint --fix exit 1 with file:line:column and leave the file untouched', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'chapkhana-modes-'))
    try {
      const file = path.join(dir, 'deep.md')
      await writeFile(file, DEEP_QUOTES)
      for (const argv of [[file], ['--fix', file]]) {
        const { code, err } = await lint(argv)
        assert.equal(code, 1, argv.join(' '))
        assert.match(err, /6:\d+\s+error\s+.*nested 5000 deep/)
        assert.doesNotMatch(err, /Maximum call stack/)
      }
      assert.equal(await readFile(file, 'utf8'), DEEP_QUOTES)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('makes one processor per mode and options, reused', async () => {
    assert.equal(createProcessor({ mode: 'lint' }), createProcessor({ mode: 'lint' }))
    assert.notEqual(createProcessor({ mode: 'lint' }), createProcessor({ mode: 'fix' }))
    await loadBuildMode()
    assert.equal(createProcessor({ lang: 'ckb', latinLang: 'en' }), createProcessor({ mode: 'build', lang: 'ckb', latinLang: 'en' }))
  })
})
