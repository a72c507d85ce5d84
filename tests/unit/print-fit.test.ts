/**
 * Wide content in print (issue 14, items 5 and 6): a 12-column table and a
 * 50,000-letter word are fitted to the text block and reported at their
 * place in the source, as is an image that would print below 150 ppi.
 */
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import fc from 'fast-check'
import { hasOverlongWord, LONG_WORD, markWide, printWarnings } from '../../src/writers/pdf/fit.ts'
import { printHtml } from '../../src/writers/pdf/print-html.ts'
import { tempDir } from '../helpers/paths.ts'
import { greyPng } from '../helpers/png.ts'

const row = (n: number, cell: string) => `| ${Array.from({ length: n }, (_, i) => `${cell}${i + 1}`).join(' | ')} |`
const table = (n: number) => [row(n, 'عمود'), `| ${Array.from({ length: n }, () => '---').join(' | ')} |`, row(n, 'خلية')].join('\n')

async function article(body: string, files: Record<string, Buffer> = {}) {
  const dir = tempDir()
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes)
  const file = path.join(dir, 'wide.md')
  writeFileSync(file, `---\ntitle: عريض\nlang: ar\ndate: 2026-11-24\n---\n\n${body}\n`)
  return loadEdition(file, resolveConfig({}))
}

const warnings = (edition: Awaited<ReturnType<typeof article>>, rule: string) =>
  edition.file.messages.filter((m) => m.ruleId === rule).map((m) => `${m.line}:${m.column} ${m.reason}`)

describe('wide content in print', () => {
  it('a 12-column table is set small to fit the page and reported at its line', async () => {
    const edition = await article(`نص.\n\n${table(12)}\n\n${table(3)}`)
    await printWarnings(edition)
    const found = warnings(edition, 'print-wide-table')
    assert.equal(found.length, 1)
    assert.match(found[0]!, /^9:1 A table of 12 columns is too wide/)
    const html = await printHtml(edition)
    assert.equal((html.match(/<table class="wide very-wide">/g) ?? []).length, 1)
    assert.equal((html.match(/<table>/g) ?? []).length, 1, 'the 3-column table is left alone')
    assert.match(html, /table\.wide :is\(td, th\) \{[^}]*overflow-wrap: anywhere/)
  })

  it('a 50,000-letter word is broken across lines and reported at its column', async () => {
    const edition = await article(`كلمة ${'ب'.repeat(50_000)} أخرى.`)
    await printWarnings(edition)
    const found = warnings(edition, 'print-long-word')
    assert.equal(found.length, 1)
    assert.match(found[0]!, /^7:6 A word of 50000 letters is wider than a printed line/)
    const html = await printHtml(edition)
    assert.match(html, /p, li, td, th, blockquote, pre, code \{ overflow-wrap: break-word; \}/)
    // Break opportunities every 40 letters, adding no character: Chromium timed out breaking it alone.
    assert.doesNotMatch(html, /ب{41}/)
    assert.equal((html.match(/<wbr>/g) ?? []).length, 1249)
    assert.match(html.replace(/<wbr>/g, ''), /كلمة ب{50000} أخرى/)
    assert.equal(await printHtml(edition), html, 'a second layout pass prints the same HTML')
  })

  it('marks tables of many columns, or holding an overlong word, and no others', () => {
    const cell = (text: string) => ({ type: 'element' as const, tagName: 'td', properties: {}, children: [{ type: 'text' as const, value: text }] })
    const tableOf = (cells: string[]) => ({ type: 'element' as const, tagName: 'table', properties: {}, children: [{ type: 'element' as const, tagName: 'tr', properties: {}, children: cells.map(cell) }] })
    assert.equal(markWide({ type: 'root', children: [tableOf(['a', 'b'])] }), 0)
    assert.equal(markWide({ type: 'root', children: [tableOf(['a', 'x'.repeat(200)])] }), 1)
    assert.equal(markWide({ type: 'root', children: [tableOf(Array.from({ length: 8 }, () => 'a'))] }), 1)
  })
})

describe('finding an overlong word', () => {
  it('agrees with the Unicode pattern on any text: astral letters, lone surrogates, every kind of space', () => {
    const unicode = new RegExp(`[^\\s]{${LONG_WORD + 1},}`, 'u')
    const unit = fc.constantFrom('ب', 'a', '\u200c', '\u064e', ' ', '\u00a0', '\u2009', '\n', '\t', '𝕏', '😀', '\ud83d', '\ude00')
    fc.assert(
      fc.property(fc.string({ unit, minLength: 0, maxLength: 200 }), fc.nat({ max: 120 }), (text, run) => {
        // A run of one letter near the limit, in the middle of the text.
        const value = text.slice(0, 50) + 'س'.repeat(run) + text.slice(50)
        assert.equal(hasOverlongWord(value), unicode.test(value))
      }),
      { numRuns: 1000 }
    )
    assert.equal(hasOverlongWord('😀'.repeat(LONG_WORD)), false, '80 astral letters are 160 units, and still one printable word of 80')
    assert.equal(hasOverlongWord('😀'.repeat(LONG_WORD + 1)), true)
  })
})

describe('image resolution in print', () => {
  it('warns for an image that prints below 150 ppi, with its line, the ppi and the pixels needed', async () => {
    const edition = await article('نص.\n\n![صورة صغيرة](small.png)\n\n![صورة كبيرة](large.png)', { 'small.png': greyPng(300, 150), 'large.png': greyPng(2000, 1000) })
    await printWarnings(edition)
    const found = warnings(edition, 'print-low-resolution')
    assert.equal(found.length, 1, found.join('\n'))
    assert.match(found[0]!, /^9:1 Image "small\.png" is 300 px wide and prints 79 mm wide at 96 ppi, below 150: supply it at least 469 px wide/)
  })
})
