/**
 * Node's idle time while Chromium prints (util/lull.ts): work that waits for
 * a lull runs only while a printing is under way, or once the printing is
 * over, and never before I/O already waiting on the event loop.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Lull, NO_LULL, nextTurn } from '../../src/util/lull.ts'

/** A promise and its resolver. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {}
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

test('work waiting for a lull does not run while nothing is printing', async () => {
  const lull = new Lull()
  let ran = false
  const waiting = lull.wait().then(() => (ran = true))
  for (let i = 0; i < 5; i++) await nextTurn()
  assert.equal(ran, false)
  const printing = deferred()
  void lull.during(printing.promise)
  await waiting
  assert.equal(ran, true)
  printing.resolve()
})

test('once the printing settles, waiting work pauses again until the next one', async () => {
  const lull = new Lull()
  const first = deferred()
  await lull.during(Promise.resolve())
  void lull.during(first.promise)
  await lull.wait()
  first.resolve()
  await first.promise
  await nextTurn()
  let ran = false
  const waiting = lull.wait().then(() => (ran = true))
  for (let i = 0; i < 5; i++) await nextTurn()
  assert.equal(ran, false, 'no printing under way: the work waits')
  lull.end()
  await waiting
  assert.equal(ran, true)
})

test('a failed printing counts as settled, and what it failed with reaches its caller', async () => {
  const lull = new Lull()
  await assert.rejects(lull.during(Promise.reject(new Error('crashed'))), /crashed/)
  await nextTurn()
  let ran = false
  void lull.wait().then(() => (ran = true))
  for (let i = 0; i < 5; i++) await nextTurn()
  assert.equal(ran, false)
  lull.end()
})

test('after the end, every wait resolves, and I/O already queued goes first', async () => {
  const lull = new Lull()
  lull.end()
  const order: string[] = []
  setImmediate(() => order.push('io'))
  await lull.wait()
  order.push('work')
  assert.deepEqual(order, ['io', 'work'])
  await NO_LULL.wait()
})
