/**
 * The one report (src/cli/report.ts): every failure a fatal message on the
 * file it concerns, printed in one vfile-reporter call, the exit code from
 * the counts (2 usage and config, 1 failures, lint's warnings when frail).
 */
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { VFile } from 'vfile'
import { loadProjectConfig } from '../../src/config/load.ts'
import { COMMAND_LINE, exitCode, failedFile, printReport, report } from '../../src/cli/report.ts'
import { formatHistory, parseHistory } from '../../src/source/history.ts'
import { failure } from '../../src/util/failure.ts'
import { tempDir } from '../helpers/paths.ts'

/** What `report` prints for `files`, and how many times it printed. */
function printed(files: readonly VFile[], frail = false): { text: string; calls: number; code: number } {
  const out: string[] = []
  const code = report(files, (t) => out.push(t), { color: false, frail })
  return { text: out.join('\n'), calls: out.length, code }
}

/** A file with one proofing finding of `severity` that did not stop it. */
function proofed(severity: 'warning' | 'error'): VFile {
  const file = new VFile({ path: 'content/a.md' })
  file.message('ASCII comma', { place: { line: 3, column: 4 }, ruleId: 'ascii-punctuation', source: 'chapkhana-proofing' }).fatal = severity === 'error' ? true : false
  return file
}

/** The error thrown by `fn`. */
async function thrown(fn: () => unknown): Promise<unknown> {
  try {
    await fn()
  } catch (error) {
    return error
  }
  return assert.fail('expected a failure')
}

describe('the exit code comes from the counts', () => {
  it('is 0 for nothing and for warnings, 1 for warnings only when frail (lint)', () => {
    assert.equal(exitCode([]), 0)
    assert.equal(exitCode([proofed('warning')]), 0)
    assert.equal(exitCode([proofed('warning')], { frail: true }), 1)
  })

  it('is 0 for a proofing error in an edition that was written (build), 1 under lint', () => {
    assert.equal(exitCode([proofed('error')]), 0)
    assert.equal(exitCode([proofed('error')], { frail: true }), 1)
  })

  it('is 1 for a failure or a content error that stopped its file, 2 for usage and config', () => {
    const content = new VFile({ path: 'content/a.md' }).message('No title', { ruleId: 'title', source: 'chapkhana-front-matter' })
    assert.equal(exitCode([failedFile(content, 'content/a.md')]), 1)
    assert.equal(exitCode([failedFile(failure('render-timeout', 'took longer'), 'content/a.md')]), 1)
    assert.equal(exitCode([failedFile(failure('usage', 'release takes one article'))]), 2)
    assert.equal(exitCode([proofed('warning'), failedFile(failure('render-failed', 'x'), 'b.md'), failedFile(failure('config-invalid', '--jobs: x'))]), 2)
  })
})

describe('one report for every failure', () => {
  it('prints a render failure on its article, by kind, without the cause\'s stack', () => {
    const timeout = failure('render-timeout', 'Printing the PDF took longer than 200 ms (allow more with --timeout MS)')
    const failed = failure('render-timeout', `Printing the PDF failed twice: ${timeout.reason}`, { cause: timeout })
    const { text, code } = printed([failedFile(failed, path.resolve('content/slow.md'))])
    assert.match(text, /^content\/slow\.md\n\s*error\s+Printing the PDF failed twice: Printing the PDF took longer than 200 ms .*render-timeout\s+chapkhana$/m)
    assert.doesNotMatch(text, /\[cause\]|at .*:\d+:\d+/)
    assert.equal(code, 1)
    assert.equal(failed.cause, timeout, 'the cause stays on the message for code that reads it')
  })

  it('keeps the stack of an error nobody expected, as build-failed', () => {
    const { text, code } = printed([failedFile(new TypeError('x is undefined'), 'content/a.md')])
    assert.match(text, /^content\/a\.md\n\s*error\s+x is undefined\s+build-failed\s+chapkhana/m)
    assert.match(text, /\[cause\]:\n\s+TypeError: x is undefined\n\s+at /)
    assert.equal(code, 1)
  })

  it('prints a config error at its line and column in chapkhana.config.json, exit 2', async () => {
    const dir = tempDir('chapkhana-report-config-')
    writeFileSync(path.join(dir, 'chapkhana.config.json'), '{\n  "lang": "ckb",\n  "jobs": "many"\n}\n')
    const error = await thrown(() => loadProjectConfig(dir))
    const { text, code } = printed([failedFile(error, 'content/a.md')])
    assert.match(text, /chapkhana\.config\.json\n3:3\s+error\s+jobs: .*config-invalid\s+chapkhana/)
    assert.doesNotMatch(text, /content\/a\.md/, 'a config problem is never told on the article')
    assert.equal(code, 2)
  })

  it('prints invalid JSON in the config at the offending character', async () => {
    const dir = tempDir('chapkhana-report-json-')
    writeFileSync(path.join(dir, 'chapkhana.config.json'), '{\n  "lang": "ckb",\n}\n')
    const { text } = printed([failedFile(await thrown(() => loadProjectConfig(dir)))])
    assert.match(text, /chapkhana\.config\.json\n3:1\s+error\s+not valid JSON .*config-invalid/)
  })

  it('prints an option problem on the command line, not on the article', () => {
    const { text, code } = printed([failedFile(failure('config-invalid', '--timeout: "0" is not a time limit'), 'content/a.md')])
    assert.match(text, new RegExp(`^${COMMAND_LINE}\\n\\s*error\\s+--timeout: "0" is not a time limit\\s+config-invalid\\s+chapkhana`, 'm'))
    assert.equal(code, 2)
  })

  it('prints a damaged history as file, line:column, error, words, ruleId, chapkhana', () => {
    const text = formatHistory('a.md', [{ edition: 2, date: '2026-11-25', sha256: 'a'.repeat(64), source: 'x', generator: 'chapkhana 0.1.0', outputs: {} }])
    const error = (() => {
      try {
        parseHistory(text.replace(/sha256: a+/, 'sha256: nothex'), 'content/a.history.yaml')
      } catch (e) {
        return e
      }
      return assert.fail('expected the damaged history to be refused')
    })()
    const { text: out, code } = printed([failedFile(error, 'content/a.md')])
    assert.match(out, /^content\/a\.history\.yaml\n\d+:\d+\s+error\s+edition 2: `sha256` must be 64 hex digits.*never rewrites a damaged history\s+history-damaged\s+chapkhana$/m)
    assert.equal(code, 1)
  })

  it('prints every file in one call, one article\'s failure beside its warnings', () => {
    const out: string[] = []
    printReport([proofed('warning'), failedFile(failure('output-not-writable', 'Cannot write out/a.epub'), 'content/a.md'), failedFile(failure('browser-missing', 'no Chromium'), 'content/b.md')], (t) => out.push(t), { color: false })
    assert.equal(out.length, 1)
    assert.equal(out[0]?.match(/^content\/a\.md$/gm)?.length, 1, out[0] ?? '')
    assert.match(out[0] ?? '', /content\/b\.md\n\s*error\s+no Chromium\s+browser-missing/)
    assert.match(out[0] ?? '', /2 errors, ⚠ 1 warning/)
  })
})
