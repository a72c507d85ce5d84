/**
 * A draft rendering is read only for where things land (the layout loop's
 * first pass of every article and every part of a book): it must measure
 * exactly what the final rendering prints, and it need not draw a glyph.
 * Chromium keeps the layout of hidden boxes and still writes their named
 * destinations, so a draft prints its ink hidden: a fraction of the bytes
 * to print and to parse (docs/benchmarks.md).
 */
import assert from 'node:assert/strict'
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'puppeteer'
import { launchBrowser } from '../../src/browser/launch.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { loadEdition } from '../../src/pipeline/article.ts'
import { landing, type Position } from '../../src/writers/pdf/positions.ts'
import { firstLayout, printHtml } from '../../src/writers/pdf/print-html.ts'
import { renderPdf } from '../../src/writers/pdf/render.ts'
import { writeSeedBook } from '../helpers/books.ts'
import { CORPORA, tempDir } from '../helpers/paths.ts'
import { pdftotext } from '../helpers/tools.ts'

const dir = tempDir('chapkhana-draft-')
let browser: Browser
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The draft and the final rendering of `source`'s first layout (notes at the page foot). */
async function bothRenderings(source: string): Promise<{ draft: Uint8Array; final: Uint8Array }> {
  // A book's chapters take its language; al-Muqtabas's issues have none of their own.
  const edition = await loadEdition(source, resolveConfig({ lang: 'ar' }))
  const html = await printHtml(edition, firstLayout(edition, 'foot'))
  const render = (draft: boolean) => renderPdf({ browser, html, roots: [edition.baseDir], timeoutMs: 120_000, draft })
  return { draft: await render(true), final: await render(false) }
}

const textOf = (bytes: Uint8Array, name: string): string => {
  const file = path.join(dir, name)
  writeFileSync(file, bytes)
  return pdftotext(file)
}

const sorted = (positions: ReadonlyMap<string, Position>) => [...positions].sort(([a], [b]) => a.localeCompare(b))

describe('a draft rendering', () => {
  for (const [name, source] of [
    ['a book of three seed chapters (contents, chapter openings)', () => writeSeedBook(dir, 'book', 3, { listed: true })],
    ['al-Muqtabas issue 29 (notes at the page foot, verse)', () => path.join(CORPORA, 'muqtabas', 'al-muqtabas-issue-29.md')]
  ] as const) {
    it(`of ${name} lands every destination where the final rendering does, on as many pages, with no text drawn`, async () => {
      const { draft, final } = await bothRenderings(source())
      const measured = await landing(draft)
      const printed = await landing(final)
      assert.ok(printed.positions.size > 10, `only ${printed.positions.size} destinations`)
      assert.equal(measured.count, printed.count)
      assert.deepEqual(sorted(measured.positions), sorted(printed.positions))
      assert.match(textOf(final, 'final.pdf'), /\p{Script=Arabic}{3}/u)
      assert.equal(textOf(draft, 'draft.pdf').trim(), '', 'the draft drew text')
      assert.ok(draft.length * 4 < final.length, `draft ${draft.length} bytes, final ${final.length}`)
    })
  }
})
