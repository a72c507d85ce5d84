/**
 * A text whose front matter names no date prints none — not in the title
 * block, the colophon, the cover or the reader page — while its metadata
 * date (EPUB, PDF) comes from SOURCE_DATE_EPOCH or its history, never 1970.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toHtml } from 'hast-util-to-html'
import { documentFromText } from '../../src/source/read.ts'
import { toHast } from '../../src/tree/processor.ts'
import { colophon, makeEdition, titleBlock } from '../../src/publication/edition.ts'
import { coverTexts } from '../../src/writers/cover/cover-html.ts'

async function edition(front: string) {
  const before = process.env.SOURCE_DATE_EPOCH
  process.env.SOURCE_DATE_EPOCH = '1764547200'
  try {
    const file = documentFromText(`---\ntitle: "ناو"\nlang: ckb\n${front}---\n\nدەق.\n`, 'a.md')
    return makeEdition(file, await toHast(file, { latinLang: 'en', proofing: false }), '.')
  } finally {
    if (before === undefined) delete process.env.SOURCE_DATE_EPOCH
    else process.env.SOURCE_DATE_EPOCH = before
  }
}

describe('an undated text', () => {
  it('prints the edition but no date in the title block, colophon and cover', async () => {
    const e = await edition('')
    assert.equal(e.meta.date, '2025-12-01')
    for (const html of [toHtml(titleBlock(e)), toHtml(colophon(e))]) {
      assert.doesNotMatch(html, /<time|١٩٧٠|1970|٢٠٢٥|2025/)
      assert.match(html, /چاپ ١/)
    }
    assert.equal(coverTexts(e).date, undefined)
  })

  it('prints the date it states', async () => {
    const e = await edition('date: 2026-11-24\n')
    assert.match(toHtml(titleBlock(e)), /<time datetime="2026-11-24">/)
    assert.match(toHtml(colophon(e)), /<time datetime="2026-11-24">/)
    assert.ok(coverTexts(e).date)
  })
})
