/**
 * `mergeSites` without a browser: folders made by hand with a manifest and a
 * few files. The end-to-end test (`tests/e2e/shards.test.ts`) checks real
 * shard builds against one whole build.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { MANIFEST, manifestText, readManifest } from '../../src/writers/site/manifest.ts'
import { mergeSites } from '../../src/writers/site/merge.ts'
import type { ListedRecord, SiteRecord } from '../../src/writers/site/record.ts'
import { tempDir } from '../helpers/paths.ts'

const work = tempDir('chapkhana-merge-')
after(() => rmSync(work, { recursive: true, force: true }))

const record = (slug: string, date: string): ListedRecord => ({ slug, lang: 'ckb', dir: 'rtl', title: `وتاری ${slug}`, date, dateLabel: date, editionLabel: 'چاپی ١', teaser: 'پوختە', cover: `${slug}-cover.png`, book: false })

/** An output folder holding `records`' pages and `extra` files. */
function shard(name: string, records: readonly ListedRecord[], extra: Record<string, string> = {}): string {
  const dir = path.join(work, name)
  mkdirSync(path.join(dir, 'assets'), { recursive: true })
  writeFileSync(path.join(dir, MANIFEST), manifestText(records))
  writeFileSync(path.join(dir, 'index.html'), `<p>${name} only</p>`)
  writeFileSync(path.join(dir, 'assets', 'index-amiri-regular.woff'), name)
  writeFileSync(path.join(dir, 'assets', 'site.css'), 'body{}')
  for (const r of records) {
    writeFileSync(path.join(dir, `${r.slug}.html`), `<h1>${r.title}</h1>`)
    writeFileSync(path.join(dir, `${r.slug}.epub`), `epub of ${r.slug}`)
  }
  for (const [file, text] of Object.entries(extra)) writeFileSync(path.join(dir, file), text)
  return dir
}

describe('assembling shards into one site', () => {
  it('the manifest names no path of the machine that built it', async () => {
    const withSource: SiteRecord = { ...record('a', '2026-01-01'), source: '/home/runner/work/secret/a.md' }
    const dir = path.join(work, 'manifest')
    mkdirSync(dir)
    writeFileSync(path.join(dir, MANIFEST), manifestText([withSource]))
    assert.doesNotMatch(readFileSync(path.join(dir, MANIFEST), 'utf8'), /home\/runner/)
    assert.deepEqual(await readManifest(dir), [record('a', '2026-01-01')])
  })

  it('copies every shard file, makes one collection page listing all articles newest first', async () => {
    const a = shard('s1', [record('old', '2025-01-01')])
    const b = shard('s2', [record('new', '2026-06-01'), record('mid', '2025-06-01')])
    const site = path.join(work, 'site')
    const result = await mergeSites({ from: [a, b], out: site, lang: 'ckb' })
    assert.deepEqual(result.articles, 3)
    for (const f of ['old.html', 'new.epub', 'mid.html', 'assets/site.css']) assert.ok(existsSync(path.join(site, f)), f)
    const index = readFileSync(path.join(site, 'index.html'), 'utf8')
    assert.doesNotMatch(index, /only<\/p>/, 'no shard\'s own collection page survives')
    const order = ['new', 'mid', 'old'].map((slug) => index.indexOf(`href="${slug}.html"`))
    assert.ok(order.every((at) => at > 0) && order[0]! < order[1]! && order[1]! < order[2]!, `newest first: ${order.join(', ')}`)
    assert.deepEqual((await readManifest(site)).map((r) => r.slug), ['new', 'mid', 'old'])
  })

  it('refuses a file two shards wrote differently, naming it, and keeps the previous site', async () => {
    const a = shard('c1', [record('x', '2025-01-01')], { 'shared.txt': 'one' })
    const b = shard('c2', [record('y', '2025-01-02')], { 'shared.txt': 'two' })
    const site = path.join(work, 'site-conflict')
    mkdirSync(site)
    writeFileSync(path.join(site, 'index.html'), 'previous')
    await assert.rejects(mergeSites({ from: [a, b], out: site }), /shared\.txt differs between .*c1 and .*c2/)
    assert.equal(readFileSync(path.join(site, 'index.html'), 'utf8'), 'previous')
    assert.ok(!existsSync(`${site}.partial-${process.pid}`), 'no half-made site left beside it')
  })

  it('refuses to write the site inside a shard', async () => {
    const a = shard('o1', [record('z', '2025-01-01')])
    await assert.rejects(mergeSites({ from: [a], out: path.join(a, 'site') }), /overlaps/)
  })

  it('says how to fix a damaged manifest', async () => {
    const dir = shard('bad', [])
    writeFileSync(path.join(dir, MANIFEST), '{"version":1,"articles":[{"slug":"a"}]}')
    await assert.rejects(readManifest(dir), /article 1 lacks a field .*rebuild that folder with `chapkhana build`/)
  })
})
