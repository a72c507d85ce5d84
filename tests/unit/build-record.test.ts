/**
 * The build record is keyed by the source's real path and the output folder,
 * not by the slug: `drafts/a.md` after `content/a.md` is another edition.
 */
import assert from 'node:assert/strict'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { cacheKey } from '../../src/pipeline/batch.ts'
import { BuildCache, isCodeFile } from '../../src/pipeline/cache.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { tempDir } from '../helpers/paths.ts'

describe('build record keys', () => {
  const dir = tempDir()
  for (const f of ['content/a.md', 'drafts/a.md']) {
    mkdirSync(path.join(dir, path.dirname(f)), { recursive: true })
    writeFileSync(path.join(dir, f), `---\ntitle: ${f}\n---\ntext of ${f}\n`)
  }
  const config = resolveConfig({ outDir: path.join(dir, 'out') })

  it('two sources with one slug have two keys', () => {
    assert.notEqual(cacheKey(path.join(dir, 'content/a.md'), config), cacheKey(path.join(dir, 'drafts/a.md'), config))
  })

  it('a link and its target have one key; another output folder another', () => {
    symlinkSync(path.join(dir, 'content/a.md'), path.join(dir, 'link.md'))
    const viaLink = cacheKey(path.join(dir, 'link.md'), config)
    assert.equal(viaLink.split(' -> ')[0], cacheKey(path.join(dir, 'content/a.md'), config).split(' -> ')[0])
    assert.notEqual(cacheKey(path.join(dir, 'content/a.md'), resolveConfig({ outDir: path.join(dir, 'elsewhere') })), cacheKey(path.join(dir, 'content/a.md'), config))
  })

  it('building drafts/a.md after content/a.md is not "up to date"', async () => {
    const cache = await BuildCache.open(dir)
    const out = path.join(dir, 'out', 'a.epub')
    mkdirSync(path.dirname(out), { recursive: true })
    writeFileSync(out, 'epub of content/a.md')
    const content = path.join(dir, 'content/a.md')
    await cache.record(cacheKey(content, config), 'tools', [content], [out])
    assert.equal(await cache.upToDate(cacheKey(content, config), 'tools'), true)
    assert.equal(await cache.upToDate(cacheKey(path.join(dir, 'drafts/a.md'), config), 'tools'), false)
  })
})

describe('the toolchain fingerprint', () => {
  it('is not waited for by an edition the record has never seen (a cold build starts at once)', async () => {
    const dir = tempDir()
    const cache = await BuildCache.open(dir)
    const never = new Promise<string>(() => undefined)
    const answer = await Promise.race([cache.upToDate('never built', never), new Promise((resolve) => setTimeout(() => resolve('waited'), 200))])
    assert.equal(answer, false)
  })

  it('is waited for, and compared, when the record knows the edition', async () => {
    const dir = tempDir()
    const out = path.join(dir, 'a.epub')
    writeFileSync(out, 'epub')
    const cache = await BuildCache.open(dir)
    await cache.record('a', Promise.resolve('tools 1'), [out], [out])
    assert.equal(await cache.upToDate('a', Promise.resolve('tools 1')), true)
    assert.equal(await cache.upToDate('a', Promise.resolve('tools 2')), false)
    assert.equal(await cache.upToDate('a', 'tools 1'), true)
  })

  it("counts the bundle's chunks as chapkhana's code, beside its sources and compiled modules", () => {
    for (const name of ['chunk-7EMUUHMW.mjs', 'main.mjs', 'png-worker.mjs', 'batch.js', 'batch.ts', 'schema.d.ts']) assert.equal(isCodeFile(name), true, name)
    for (const name of ['inputs.json', 'batch.js.map', 'README.md', 'site.css']) assert.equal(isCodeFile(name), false, name)
  })
})
