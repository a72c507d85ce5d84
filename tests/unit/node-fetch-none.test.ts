/**
 * The bundle's stand-in for `node-fetch` inside epub-gen-memory
 * (scripts/node-fetch-none.cjs): chapkhana never hands the packager an
 * address to fetch, and should anything ever do so, the build must fail
 * with a reason instead of reaching the network.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import fetch from '../../scripts/node-fetch-none.cjs'

test('refuses every address, naming it, without touching the network', async () => {
  await assert.rejects(fetch('https://example.org/face.ttf'), /never fetches over the network \(https:\/\/example\.org\/face\.ttf\)/)
})

test('answers as the default export too, as epub-gen-memory imports it', () => {
  assert.equal(fetch.default, fetch)
})
