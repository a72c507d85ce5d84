/**
 * npm test's runner (scripts/test.mjs) starts test files in the order it is
 * given, the longest first: node's `--test` sorted them by name, so the
 * longest file (hardening/large) started last but one and ran alone at the
 * end of the run while the order in test.mjs did nothing.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { it } from 'node:test'
import { ROOT, tempDir } from '../helpers/paths.ts'

const dir = path.join(ROOT, 'tests', 'fixtures', 'runner-order')

it('starts the test files in the order given, not by name', () => {
  const log = path.join(tempDir('chapkhana-order-'), 'order.log')
  const files = ['c', 'a', 'b'].map((n) => path.join(dir, `${n}.test.mjs`))
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'test.mjs'), ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TEST_CONCURRENCY: '1', RUNNER_ORDER_LOG: log, NODE_TEST_CONTEXT: undefined }
  })
  assert.equal(r.status, 0, r.stdout + r.stderr)
  assert.deepEqual(readFileSync(log, 'utf8').trim().split('\n'), ['c', 'a', 'b'])
  // It still reports as node's test runner does, and ends with its summary.
  assert.match(r.stdout, /^# pass 3$/m)
  assert.match(r.stdout, /^# fail 0$/m)
})

it('exits non-zero when a test fails', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'test.mjs'), path.join(dir, 'a.test.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TEST_CONCURRENCY: '1', RUNNER_ORDER_LOG: path.join(ROOT, 'tests', 'fixtures', 'runner-order'), NODE_TEST_CONTEXT: undefined }
  })
  // Appending to a folder fails: the file's one test fails.
  assert.equal(r.status, 1, r.stdout + r.stderr)
  assert.match(r.stdout, /^# fail 1$/m)
})
