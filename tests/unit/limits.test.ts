/**
 * Numbers that reach Node's timers and dates, and YAML that expands without
 * bound: each is refused up front with a message that names the option, the
 * variable or the place in the file (issue: hangs and silent failures, 15).
 */
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { VFileMessage } from 'vfile-message'
import { checkTimeoutMs, MAX_SOURCE_DATE_EPOCH, MAX_TIMEOUT_MS, sourceDateEpoch } from '../../src/config/limits.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { isFailure } from '../../src/util/failure.ts'
import { documentFromText, sourceDate } from '../../src/source/read.ts'
import { readProofingFrontMatter } from '../../src/proofing/front-matter.ts'
import { chapkhana } from '../helpers/tools.ts'
import { tempDir } from '../helpers/paths.ts'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'

/** A front matter whose six lines of aliases would expand to 9^6 values. */
const BOMB = [
  '---',
  'title: t',
  'lang: ckb',
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'proofing: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  '---',
  '',
  'دەق.',
  ''
].join('\n')

describe('render time limit', () => {
  it('refuses a --timeout past what a Node timer holds, naming the option and the range', () => {
    assert.throws(() => checkTimeoutMs('3000000000', '--timeout'), (e: unknown) => isFailure(e, 'config-invalid') && /--timeout/.test(e.message) && e.message.includes(String(MAX_TIMEOUT_MS)))
  })

  it('refuses zero, negative, fractional and non-numeric limits', () => {
    for (const bad of ['0', '-5', '1.5', 'abc', '', '1e3']) assert.throws(() => checkTimeoutMs(bad, '--timeout'), (e: unknown) => isFailure(e, 'config-invalid'), bad)
    assert.throws(() => resolveConfig({ renderTimeoutMs: 2 ** 31 }), /renderTimeoutMs/)
  })

  it('accepts whole milliseconds up to 2^31−1', () => {
    assert.equal(checkTimeoutMs('900000', '--timeout'), 900_000)
    assert.equal(checkTimeoutMs(MAX_TIMEOUT_MS, 'renderTimeoutMs'), MAX_TIMEOUT_MS)
  })

  it('the CLI exits 2 with the message before building anything', () => {
    const dir = tempDir('chapkhana-limits-')
    writeFileSync(path.join(dir, 'a.md'), '---\ntitle: t\nlang: ckb\n---\n\nدەق.\n')
    const r = chapkhana(['build', '--timeout', '3000000000', '--out', path.join(dir, 'out'), path.join(dir, 'a.md')], { cwd: dir })
    assert.equal(r.code, 2, r.stderr)
    assert.match(r.stderr, /--timeout: "3000000000" is not a time limit/)
    assert.doesNotMatch(r.stderr, /TimeoutOverflowWarning/)
  })
})

describe('SOURCE_DATE_EPOCH', () => {
  it('refuses a time past what a zip entry and JS Date hold, naming the variable', () => {
    assert.throws(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: '99999999999999' }), (e: unknown) => isFailure(e, 'config-invalid') && /^SOURCE_DATE_EPOCH="99999999999999"/.test(e.message) && /2107/.test(e.message))
    assert.throws(() => sourceDate({ SOURCE_DATE_EPOCH: '99999999999999' }), /SOURCE_DATE_EPOCH/)
  })

  it('refuses what is not whole seconds', () => {
    for (const bad of ['-1', '1.5', 'yesterday', '0x10', String(MAX_SOURCE_DATE_EPOCH + 1)]) assert.throws(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: bad }), (e: unknown) => isFailure(e, 'config-invalid'), bad)
  })

  it('reads whole seconds and treats unset as unset', () => {
    assert.equal(sourceDateEpoch({ SOURCE_DATE_EPOCH: '1790000000' }), 1_790_000_000)
    assert.equal(sourceDateEpoch({}), undefined)
    assert.equal(sourceDate({ SOURCE_DATE_EPOCH: String(MAX_SOURCE_DATE_EPOCH) }), '2107-12-31')
  })

  it('the CLI refuses it with exit 2 instead of "Invalid time value"', () => {
    const dir = tempDir('chapkhana-limits-')
    writeFileSync(path.join(dir, 'a.md'), '---\ntitle: t\nlang: ckb\n---\n\nدەق.\n')
    const r = chapkhana(['build', '--format', 'epub', '--out', path.join(dir, 'out'), path.join(dir, 'a.md')], { cwd: dir, env: { SOURCE_DATE_EPOCH: '99999999999999' } })
    assert.equal(r.code, 2, r.stderr)
    assert.match(r.stderr, /SOURCE_DATE_EPOCH="99999999999999" is not a usable time/)
    assert.doesNotMatch(r.stderr, /Invalid time value/)
  })
})

describe('YAML alias bomb', () => {
  it('is refused at the line and column of its first alias', () => {
    let message: VFileMessage | undefined
    try {
      documentFromText(BOMB, 'bomb.md')
    } catch (error) {
      assert.ok(error instanceof VFileMessage, String(error))
      message = error
    }
    assert.ok(message, 'the alias bomb was accepted')
    assert.match(message.reason, /alias/i)
    // Line 5 of the file, `b: &b [*a,…`: the first `*a` is at column 8.
    assert.equal(message.line, 5)
    assert.equal(message.column, 8)
  })

  it('does not stop proofing, which reads the same front matter', () => {
    const tree = unified().use(remarkParse).use(remarkFrontmatter).parse(BOMB)
    const proofing = readProofingFrontMatter(tree, BOMB)
    assert.equal(proofing.lang, 'ckb')
  })
})
