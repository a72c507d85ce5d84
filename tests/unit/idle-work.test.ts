/**
 * The work a build does while Chromium prints (util/lull.ts): the EPUB and the
 * reader page's text and fonts wait for a printing to be under way, and what
 * they make is the same as when made at once.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { buildEpub } from '../../src/writers/epub/write.ts'
import { prepareArticlePage, writeArticlePage } from '../../src/writers/site/article-page.ts'
import { Lull, nextTurn } from '../../src/util/lull.ts'
import { GENERATOR } from '../../src/version.ts'
import { ROOT } from '../helpers/paths.ts'

const BOOK = path.join(ROOT, 'tests', 'fixtures', 'books', 'mixed-language', 'book.md')
// A 1×1 PNG stands for the drawn cover: no browser starts.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2e1d8a90000000049454e44ae426082', 'hex')
const cover = () => Promise.resolve({ bytes: PNG, mediaType: 'image/png' as const, extension: 'png' as const })
const dirs: string[] = []
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

/** Whether `promise` has settled after a few turns of the event loop. */
async function settles(promise: Promise<unknown>, turns = 20): Promise<boolean> {
  let settled = false
  promise.then(
    () => (settled = true),
    () => (settled = true)
  )
  for (let i = 0; i < turns && !settled; i++) await nextTurn()
  return settled
}

describe('the EPUB made while Chromium prints', () => {
  it('is not made while nothing prints, and comes out byte for byte as when made at once', async () => {
    const edition = await loadEdition(BOOK, resolveConfig({}))
    const atOnce = await buildEpub({ edition, generator: GENERATOR, cover })
    const lull = new Lull()
    const waiting = buildEpub({ edition, generator: GENERATOR, cover, lull })
    assert.equal(await settles(waiting), false, 'the EPUB was made with no printing under way')
    let printed = (): void => {}
    void lull.during(new Promise<void>((resolve) => (printed = resolve)))
    assert.equal(await settles(waiting, 400), true, 'the EPUB was not made while a printing lasted')
    printed()
    lull.end()
    assert.deepEqual(await waiting, atOnce)
  })
})

describe('the reader page prepared while Chromium prints', () => {
  /** Write the edition's reader page into a fresh folder (with stand-ins for the EPUB and PDF); its files by name. */
  async function page(prepare: boolean): Promise<Map<string, Buffer>> {
    const edition = await loadEdition(BOOK, resolveConfig({}))
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'chapkhana-page-'))
    dirs.push(outDir)
    const written = ['epub', 'pdf'].map((ext) => path.join(outDir, `${edition.slug}.${ext}`))
    for (const file of written) writeFileSync(file, 'x'.repeat(2048))
    const lull = new Lull()
    const prepared = prepare ? prepareArticlePage(edition, lull) : undefined
    if (prepared) {
      assert.equal(await settles(prepared), false, 'the page was prepared with no printing under way')
      lull.end()
    }
    await writeArticlePage({ edition, written: written.map((p) => ({ path: p })), outDir, cover, ...(prepared ? { prepared } : {}) })
    const files = new Map<string, Buffer>()
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(full)
        else files.set(path.relative(outDir, full), readFileSync(full))
      }
    }
    walk(outDir)
    return files
  }

  it('is the same page, with the same fonts, as one made at the end', async () => {
    const atEnd = await page(false)
    const ahead = await page(true)
    assert.deepEqual([...ahead.keys()].sort(), [...atEnd.keys()].sort())
    for (const [name, bytes] of atEnd) {
      // The record names the folder it was written in.
      if (name.endsWith('.json')) continue
      assert.ok(ahead.get(name)!.equals(bytes), `${name} differs`)
    }
    assert.ok([...atEnd.keys()].some((n) => n.endsWith('.woff')), 'the page has no fonts')
  })
})
