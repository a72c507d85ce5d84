/** `--shard I/N`: every article in exactly one shard, stable as the archive grows. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { inShard, parseShard } from '../../src/pipeline/shard.ts'
import { isFailure } from '../../src/util/failure.ts'

describe('shards', () => {
  it('puts every slug in exactly one of N shards, roughly evenly', () => {
    const slugs = Array.from({ length: 2000 }, (_, i) => `article-${i}`)
    const counts = [0, 0, 0, 0]
    for (const slug of slugs) {
      const owners = [1, 2, 3, 4].filter((index) => inShard(slug, { index, total: 4 }))
      assert.equal(owners.length, 1, slug)
      counts[owners[0]! - 1]!++
    }
    for (const c of counts) assert.ok(c > 400 && c < 600, `uneven shards: ${counts.join(', ')}`)
  })

  it('refuses shards that cannot be', () => {
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) assert.throws(() => parseShard(bad), (e: unknown) => isFailure(e, 'config-invalid'), bad)
    assert.deepEqual(parseShard('2/4'), { index: 2, total: 4 })
  })
})
