/**
 * The targets table `npm run bench` prints (scripts/bench/targets.ts): the
 * median decides whether a target holds, and a ratio measured run by run
 * shows each run's value beside it, so that a reader sees how far the host
 * moved within the run.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { targetLines } from '../../scripts/bench/targets.ts'

test('a ratio measured run by run shows each run beside the median; the median decides', () => {
  const [, , row] = targetLines([{ name: 'book', value: 0.79, limit: 0.8, unit: '×', runs: [0.71, 0.79, 0.86] }])
  assert.equal(row, '| book | 0.79× (runs 0.71×, 0.79×, 0.86×) | ≤ 0.80× | yes |')
})

test('a target with one run, or none listed, shows its value alone', () => {
  const rows = targetLines([
    { name: 'al-Muqtabas', value: 3.2, limit: 4, unit: '×', runs: [3.2] },
    { name: 'peak', value: 364.4, limit: 400, unit: 'MiB' },
    { name: 'help', value: 0.31, limit: 0.25, unit: 's' }
  ])
  assert.deepEqual(rows.slice(2), ['| al-Muqtabas | 3.20× | ≤ 4.00× | yes |', '| peak | 364 MiB | ≤ 400 MiB | yes |', '| help | 0.31 s | ≤ 0.25 s | no |'])
})

test('a target not measured says so', () => {
  assert.equal(targetLines([{ name: 'book', value: Number.NaN, limit: 0.8, unit: '×' }])[2], '| book | n/a | ≤ 0.80× | not measured |')
})
