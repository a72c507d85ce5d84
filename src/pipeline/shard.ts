/**
 * `--shard I/N`: a deterministic share of the articles, so N machines (a CI
 * matrix) can build an archive together. An article's shard depends only on
 * its slug (a hash), never on which other articles exist, so adding articles
 * does not move the others between machines and their caches stay warm.
 */
import { createHash } from 'node:crypto'
import { configError } from '../config/schema.ts'

/** Shard `index` (1-based) of `total`. */
export interface Shard {
  readonly index: number
  readonly total: number
}

/** Parse `I/N` (1 ≤ I ≤ N), throwing a `config-invalid` failure that says what works. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = Number(m?.[1])
  const total = Number(m?.[2])
  if (!m || total < 1 || index < 1 || index > total) {
    throw configError(`--shard ${JSON.stringify(text)}: expected I/N with 1 ≤ I ≤ N, e.g. --shard 2/4 for the second of four machines`)
  }
  return { index, total }
}

/** Does the article with `slug` belong to `shard`? */
export function inShard(slug: string, shard: Shard): boolean {
  const hash = createHash('sha256').update(slug).digest().readUInt32BE(0)
  return hash % shard.total === shard.index - 1
}
