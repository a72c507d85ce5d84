/**
 * The press cover without a browser: where an own image goes over the bleed
 * (`object-fit: cover`) and the resolution it then prints at, the press
 * layout of the generated cover, and the names its released files take.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'
import { assertPressImage, COVER_BLEED, coverFit, jpegComponents } from '../../src/writers/pdf/press/cover.ts'
import { isFailure } from '../../src/util/failure.ts'
import { PRESS_COVER_LAYOUT } from '../../src/writers/cover/press-cover.ts'
import { editionOutput } from '../../src/release/release.ts'
import { rebuiltPath } from '../../src/release/rebuild.ts'

/** The head of a JPEG: SOI, a JFIF APP0 segment, and a baseline SOF0 of `components`. */
const jpegHead = (components: number): Buffer =>
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 8 + 3 * components, 0x08, 0x01, 0x90, 0x01, 0x2c, components, ...Array(3 * components).fill(1)])

const near = (a: number, b: number, within = 0.01): boolean => Math.abs(a - b) <= within

describe('press cover', () => {
  it('covers the whole bleed box with an image, centred, cropping only what overflows', () => {
    for (const pixels of [{ width: 600, height: 800 }, { width: 2000, height: 5000 }, { width: 2551, height: 3579 }]) {
      const fit = coverFit(pixels)
      assert.ok(fit.x <= COVER_BLEED.x + 0.001 && fit.y <= COVER_BLEED.y + 0.001, 'starts at or beyond the bleed corner')
      assert.ok(fit.x + fit.width >= COVER_BLEED.x + COVER_BLEED.width - 0.001 && fit.y + fit.height >= COVER_BLEED.y + COVER_BLEED.height - 0.001, 'reaches the far corner')
      // One side fits exactly; the other overflows equally on both ends.
      assert.ok(near(fit.width, COVER_BLEED.width) || near(fit.height, COVER_BLEED.height))
      assert.ok(near(fit.x - COVER_BLEED.x, COVER_BLEED.x + COVER_BLEED.width - (fit.x + fit.width)))
      assert.ok(near(fit.width / fit.height, pixels.width / pixels.height, 1e-9), 'never distorted')
    }
  })

  it('gives the resolution an image prints at: 300 ppi for 2551 × 3579 pixels over 216 × 303 mm', () => {
    assert.equal(Math.round(coverFit({ width: 2551, height: 3579 }).ppi), 300)
    assert.equal(Math.round(coverFit({ width: 600, height: 800 }).ppi), 67)
  })

  it('lays the generated cover out at the press page’s shape, 1600 px wide', () => {
    assert.equal(PRESS_COVER_LAYOUT.width, 1600)
    assert.equal(PRESS_COVER_LAYOUT.height, 2244)
    assert.deepEqual(PRESS_COVER_LAYOUT.page, { widthMm: 216, heightMm: 303 })
  })

  it('refuses a CMYK JPEG cover, which PDF/X-4 forbids beside an sRGB intent, and lets RGB and grey ones through', () => {
    assert.deepEqual([1, 3, 4].map((n) => jpegComponents(jpegHead(n))), [1, 3, 4])
    assert.equal(jpegComponents(Buffer.from([0xff, 0xd8])), undefined)
    const cmyk = { bytes: jpegHead(4), mediaType: 'image/jpeg', extension: 'jpg' } as const
    assert.throws(() => assertPressImage(cmyk, 'a.md'), (e: unknown) => isFailure(e, 'press-cover-cmyk') && e.file === 'a.md' && /RGB JPEG or PNG/.test(e.message))
    assert.doesNotThrow(() => assertPressImage({ ...cmyk, bytes: jpegHead(3) }))
    assert.doesNotThrow(() => assertPressImage({ ...cmyk, bytes: jpegHead(1) }))
  })

  it('names the released press cover and a differing rebuild of it beside the others', () => {
    assert.equal(editionOutput('out', 'piece', 3, 'press-cover'), path.join('out', 'piece-ed3-press-cover.pdf'))
    assert.equal(editionOutput('out', 'piece', 3, 'press'), path.join('out', 'piece-ed3-press.pdf'))
    assert.equal(editionOutput('out', 'piece', 3, 'pdf'), path.join('out', 'piece-ed3.pdf'))
    assert.equal(rebuiltPath('out/piece-ed3-press-cover.pdf'), 'out/piece-ed3.rebuilt-press-cover.pdf')
    assert.equal(rebuiltPath('out/piece-ed3-press.pdf'), 'out/piece-ed3.rebuilt-press.pdf')
  })
})
