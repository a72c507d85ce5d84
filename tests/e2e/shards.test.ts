/**
 * `build --shard I/N` on four machines, then `chapkhana index` assembling
 * their output folders, gives the same reader site, file for file and byte
 * for byte, as one build of the whole collection; and `index` refuses
 * folders that cannot make one site, leaving the previous site whole.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { inShard } from '../../src/pipeline/shard.ts'
import { CLI, tempDir } from '../helpers/paths.ts'

/** The compiled CLI in `cwd`; five builds on a shared machine may take a while, so no short time-out. */
function chapkhana(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, encoding: 'utf8', timeout: 900_000 })
  return { code: r.status, stderr: `${r.stderr}${r.error ? String(r.error) : ''}` }
}

const work = tempDir('chapkhana-shards-')
const ENV = { SOURCE_DATE_EPOCH: '1764547200' }
const TOTAL = 4
/**
 * The EPUB and the reader pages: \`index\` copies every file of a shard alike,
 * so a PDF would add no check, only a browser start per shard (the covers
 * drawn for the whole build are remembered in the project, so the shards
 * start none).
 */
const FORMATS = ['--format', 'epub,html']

/** Every file below `dir` with the sha256 of its bytes. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    out[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex')
  }
  return out
}

/** Articles named so that every one of the four shards gets at least one. */
function writeCollection(content: string): string[] {
  mkdirSync(content, { recursive: true })
  const slugs: string[] = []
  const taken = new Set<number>()
  for (let i = 1; slugs.length < TOTAL && i < 200; i++) {
    const slug = `article-${i}`
    const shard = [1, 2, 3, 4].find((s) => inShard(slug, { index: s, total: TOTAL }))!
    if (taken.has(shard) && taken.size < TOTAL) continue
    taken.add(shard)
    slugs.push(slug)
    const lang = slugs.length % 2 === 0 ? 'ar' : 'ckb'
    const text = lang === 'ar' ? 'هذه مقالة قصيرة للاختبار.' : 'ئەمە وتارێکی کورتە بۆ تاقیکردنەوە.'
    writeFileSync(path.join(content, `${slug}.md`), `---\ntitle: "${text.split(' ')[0]} ${slugs.length}"\nlang: ${lang}\ndate: 2026-0${slugs.length}-01\n---\n\n${text}\n\n## ${slugs.length}\n\n${text}\n`)
  }
  return slugs
}

let slugs: string[] = []
const whole = path.join(work, 'whole')
const shardsRoot = path.join(work, 'shards')

before(() => {
  slugs = writeCollection(path.join(work, 'content'))
  const one = chapkhana(['build', '--quiet', ...FORMATS, '--out', whole], { cwd: work, env: ENV })
  assert.equal(one.code, 0, one.stderr)
  // Build records and collection records are kept per output folder, so each
  // shard's folder lists only its own articles, as on separate CI machines;
  // sharing the project folder only lets the shards reuse the covers drawn.
  for (let s = 1; s <= TOTAL; s++) {
    const r = chapkhana(['build', '--quiet', ...FORMATS, '--shard', `${s}/${TOTAL}`, '--out', path.join(shardsRoot, `out-${s}`)], { cwd: work, env: ENV })
    assert.equal(r.code, 0, r.stderr)
  }
})
after(() => rmSync(work, { recursive: true, force: true }))

describe('chapkhana index', () => {
  const outs = (): string[] => Array.from({ length: TOTAL }, (_, i) => path.join(shardsRoot, `out-${i + 1}`))

  it('each shard lists only its own articles', () => {
    const listed = outs().map((o) => (JSON.parse(readFileSync(path.join(o, 'chapkhana-site.json'), 'utf8')) as { articles: { slug: string }[] }).articles.map((a) => a.slug))
    assert.ok(listed.every((l) => l.length > 0), `a shard is empty: ${JSON.stringify(listed)}`)
    assert.deepEqual(listed.flat().sort(), [...slugs].sort())
  })

  it('assembles four shards into the site one build makes, byte for byte', () => {
    const site = path.join(work, 'site')
    const r = chapkhana(['index', ...outs(), '--out', site], { cwd: work, env: ENV })
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, new RegExp(`${slugs.length} articles from ${TOTAL} folders`))
    assert.deepEqual(tree(site), tree(whole))
    const index = readFileSync(path.join(site, 'index.html'), 'utf8')
    for (const slug of slugs) assert.ok(index.includes(`href="${slug}.html"`), `${slug} is listed`)
  })

  it('refuses the same article from two shards and keeps the previous site', () => {
    const site = path.join(work, 'site-twice')
    assert.equal(chapkhana(['index', outs()[0]!, '--out', site], { cwd: work }).code, 0)
    const before = tree(site)
    const r = chapkhana(['index', outs()[0]!, outs()[0]!, '--out', site], { cwd: work })
    assert.equal(r.code, 1)
    assert.match(r.stderr, /is listed by both .* build each article in one shard only/)
    assert.deepEqual(tree(site), before)
  })

  it('refuses a folder no build wrote, saying how to make one', () => {
    const empty = path.join(work, 'not-built')
    mkdirSync(empty, { recursive: true })
    const r = chapkhana(['index', empty, '--out', path.join(work, 'site-none')], { cwd: work })
    assert.equal(r.code, 1)
    assert.match(r.stderr, /chapkhana-site\.json\n\s*error\s+missing\. .*chapkhana build --out/)
  })

  it('asks for --out', () => {
    const r = chapkhana(['index', outs()[0]!], { cwd: work })
    assert.equal(r.code, 2)
    assert.match(r.stderr, /needs --out DIR/)
  })
})
