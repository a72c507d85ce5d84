/**
 * The press pass without a browser: a small RGB PDF made with pdf-lib goes
 * through `pressPdf` and must come out as PDF/X-4 with bleed and crop marks
 * (checked with qpdf and poppler), the same bytes every time.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { PDFDocument, rgb } from 'pdf-lib'
import { resolveConfig } from '../../src/config/schema.ts'
import { srgbProfile } from '../../src/writers/pdf/press/icc.ts'
import { isFailure } from '../../src/util/failure.ts'
import { cropMarks, PRESS, SLUG } from '../../src/writers/pdf/press/marks.ts'
import { pressPdf, type PressFacts } from '../../src/writers/pdf/press/press.ts'
import { stableUuid } from '../../src/writers/pdf/press/xmp.ts'
import { tempDir } from '../helpers/paths.ts'
import { pressProblems } from '../helpers/press-checks.ts'

const facts: PressFacts = { slug: 'majalla', lang: 'ar', meta: { title: 'المقتبس <٦٠>', date: '2026-11-24', edition: 2, author: ['محمد كرد علي'] } }

/** Two A4 pages painted in device RGB, as Chromium paints. */
async function rgbPdf(): Promise<Uint8Array> {
  // Fixed dates: pdf-lib would stamp the clock, and two inputs a second apart would differ.
  const pdf = await PDFDocument.create({ updateMetadata: false })
  pdf.setCreationDate(new Date('2026-11-24T00:00:00Z'))
  pdf.setModificationDate(new Date('2026-11-24T00:00:00Z'))
  for (let i = 0; i < 2; i++) pdf.addPage([595.28, 841.89]).drawRectangle({ x: 50, y: 50, width: 200, height: 100, color: rgb(0.6, 0.1, 0.1) })
  return pdf.save({ useObjectStreams: false })
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')

describe('press PDF', () => {
  it('turns an A4 RGB PDF into a PDF/X-4 with bleed, crop-mark room, sRGB intent and XMP', async () => {
    const dir = tempDir()
    const input = path.join(dir, 'in.pdf')
    const output = path.join(dir, 'press.pdf')
    writeFileSync(input, await rgbPdf())
    // The checks do fail on an ordinary PDF, so an empty list below means something.
    assert.ok(pressProblems(input, { title: facts.meta.title, lang: 'ar' }).length >= 5)
    writeFileSync(output, await pressPdf(await rgbPdf(), facts, { producer: 'chapkhana test' }))
    assert.deepEqual(pressProblems(output, { title: 'المقتبس &lt;٦٠&gt;', lang: 'ar' }), [])
  })

  it('writes the same bytes twice', async () => {
    const a = await pressPdf(await rgbPdf(), facts, { producer: 'p' })
    const b = await pressPdf(await rgbPdf(), facts, { producer: 'p' })
    assert.equal(sha(a), sha(b))
  })

  it('draws eight crop marks in the registration colour, all outside the bleed', () => {
    const ops = cropMarks(595.28, 841.89)
    assert.match(ops, /\/ChapkhanaRegistration CS 1 SCN/)
    const lines = [...ops.matchAll(/(-?[\d.]+) (-?[\d.]+) m (-?[\d.]+) (-?[\d.]+) l S/g)].map((m) => m.slice(1, 5).map(Number))
    assert.equal(lines.length, 8)
    for (const [x1, y1, x2, y2] of lines) {
      for (const [x, y] of [[x1!, y1!], [x2!, y2!]] as const) {
        const outside = x < -PRESS.bleed || x > 595.28 + PRESS.bleed || y < -PRESS.bleed || y > 841.89 + PRESS.bleed
        assert.ok(outside, `mark point ${x},${y} lies inside the bleed`)
        assert.ok(x >= -SLUG && x <= 595.28 + SLUG && y >= -SLUG && y <= 841.89 + SLUG, 'mark point outside the media box')
      }
    }
  })

  it('reads the sRGB profile of icc-profiles-free and says how to install it when missing', async () => {
    const profile = await srgbProfile()
    assert.equal(profile.components, 3)
    await assert.rejects(srgbProfile('/nonexistent/sRGB.icc'), (e: unknown) => isFailure(e, 'icc-profile') && /apt-get install icc-profiles-free/.test(e.message))
  })

  it('derives stable, well-formed document ids', () => {
    assert.equal(stableUuid('a'), stableUuid('a'))
    assert.match(stableUuid('a'), /^uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('accepts press and notes in the config and names the option when they are wrong', () => {
    assert.equal(resolveConfig({ press: true, notes: 'end' }).press, true)
    assert.equal(resolveConfig({ notes: 'foot' }).notes, 'foot')
    assert.throws(() => resolveConfig({ press: 'yes' }), /press: expected true or false/)
    assert.throws(() => resolveConfig({ notes: 'side' }), /notes: "side" is not a notes placement; use foot/)
  })
})
