/**
 * A table's header cells carry structure ids in the tagged PDF (`/ID`, and
 * every data cell names its headers with them). Chromium makes them from the
 * DOM node numbers of its renderer process, a counter that runs on across
 * every page the process ever laid out: the same text printed after another
 * rendering got other ids, so the Persian article's PDF changed from build
 * to build. The finished PDF numbers them in reading order instead.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { PDFDict, PDFHexString, PDFName, PDFString } from 'pdf-lib'
import type { Browser } from 'puppeteer'
import { launchBrowser } from '../../src/browser/launch.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { loadEdition } from '../../src/pipeline/article.ts'
import { loadPdf } from '../../src/writers/pdf/pdf-lib.ts'
import { postprocessPdf } from '../../src/writers/pdf/postprocess.ts'
import { firstLayout, printHtml } from '../../src/writers/pdf/print-html.ts'
import { renderPdf } from '../../src/writers/pdf/render.ts'
import { CORPORA, ROOT } from '../helpers/paths.ts'

let browser: Browser
before(async () => {
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
})

/** The `/ID` of every structure element of `bytes`, sorted. */
async function idsOf(bytes: Uint8Array): Promise<string[]> {
  const pdf = await loadPdf(bytes)
  const ids: string[] = []
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('S')) === undefined) continue
    const id = object.lookupMaybe(PDFName.of('ID'), PDFString, PDFHexString)
    if (id) ids.push(id.decodeText())
  }
  return ids.sort()
}

describe('a tagged table', () => {
  for (const [name, source, lang] of [
    ['the Persian article', path.join(CORPORA, 'persian', 'nashr-e-matn-e-baz.md'), 'fa'],
    ['a Sorani table with aligned columns', path.join(ROOT, 'tests', 'fixtures', 'table-alignment', 'input.md'), 'ckb']
  ] as const) {
    it(`of ${name} prints the same bytes whatever the browser rendered before`, async () => {
      const edition = await loadEdition(source, resolveConfig({ lang }))
      const html = await printHtml(edition, firstLayout(edition, 'foot'))
      const render = () => renderPdf({ browser, html, roots: [edition.baseDir], timeoutMs: 120_000 })
      const first = await render()
      // The renderer has numbered every node of the first rendering since.
      const second = await render()
      assert.notDeepEqual(await idsOf(first), await idsOf(second), 'Chromium gave both renderings the same ids: the test proves nothing')
      const finish = (raw: Uint8Array) => postprocessPdf(raw, edition, { producer: 'test' })
      const [a, b] = [await finish(first), await finish(second)]
      assert.ok(Buffer.from(a).equals(Buffer.from(b)), 'the finished PDFs differ')
      const ids = await idsOf(a)
      assert.ok(ids.some((id) => /^node\d+$/.test(id)), `no header ids in ${ids.join(' ')}`)
    })
  }
})
