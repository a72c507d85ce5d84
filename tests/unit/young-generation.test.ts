/**
 * The command keeps V8's young generation small (util/young-generation.ts):
 * its nursery does not grow while it allocates, also after a worker thread
 * started, whose heap's setup puts V8's growth factor back. Each case runs in
 * a process of its own: the flag is the whole process's.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, it } from 'node:test'
import { ROOT } from '../helpers/paths.ts'

const helper = path.join(ROOT, 'src', 'util', 'young-generation.ts')

/** The young generation's size in MiB after `setup` ran and the process allocated ~150 MiB of short-lived objects. */
function nurseryAfter(setup: string): number {
  const script = `
    const { keepYoungGenerationSmall, keepSmallAfter } = await import(${JSON.stringify(helper)})
    const { Worker } = await import('node:worker_threads')
    const { once } = await import('node:events')
    const v8 = await import('node:v8')
    ${setup}
    let kept = []
    for (let i = 0; i < 2e6; i++) { kept.push({ i, list: [i] }); if (kept.length > 100000) kept = [] }
    process.stdout.write(String(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576))`
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  assert.equal(r.status, 0, r.stderr)
  return Number(r.stdout)
}

const thread = `const worker = new Worker('setTimeout(() => {}, 50)', { eval: true })`

describe('the young generation', () => {
  it("grows to V8's largest nursery by default", () => {
    assert.ok(nurseryAfter('') >= 16)
  })

  it('stays small once the command asks', () => {
    assert.ok(nurseryAfter('keepYoungGenerationSmall()') <= 4)
  })

  it('grows again after a worker thread starts (V8 resets the factor), unless kept small after it', () => {
    assert.ok(nurseryAfter(`keepYoungGenerationSmall(); ${thread}; await once(worker, 'online')`) >= 16)
    assert.ok(nurseryAfter(`keepYoungGenerationSmall(); ${thread}; keepSmallAfter(worker); await once(worker, 'online'); await new Promise((r) => setImmediate(r))`) <= 4)
  })

  it('is left alone after a worker when the command never asked', () => {
    assert.ok(nurseryAfter(`${thread}; keepSmallAfter(worker); await once(worker, 'online'); await new Promise((r) => setImmediate(r))`) >= 16)
  })
})
