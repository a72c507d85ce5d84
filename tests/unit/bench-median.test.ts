/**
 * The bench's medians (scripts/bench/measure.ts): each measure of a run is
 * taken on its own, so the median time, memory and CPU may come from
 * different runs, as the bench's table says.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { medianRun } from '../../scripts/bench/measure.ts'

describe('the median of measured runs', () => {
  it('takes the middle value of each measure on its own, whatever the order of the runs', () => {
    const runs = [
      { ms: 5_000, peakMiB: 360, cpuMs: 9_000 },
      { ms: 4_900, peakMiB: 380, cpuMs: 7_000 },
      { ms: 6_500, peakMiB: 350, cpuMs: 8_000 }
    ]
    assert.deepEqual(medianRun(runs), { ms: 5_000, peakMiB: 360, cpuMs: 8_000 })
    assert.deepEqual(medianRun([...runs].reverse()), medianRun(runs))
  })

  it('of one run is that run', () => {
    assert.deepEqual(medianRun([{ ms: 1, peakMiB: 2, cpuMs: 3 }]), { ms: 1, peakMiB: 2, cpuMs: 3 })
  })
})
