/**
 * The press cover without a browser: where an own image goes over the bleed
 * (`object-fit: cover`) and the resolution it then prints at, the press
 * layout of the generated cover, and the names its released files take.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'
import { COVER_BLEED, coverFit } from '../../src/writers/pdf/press/cover.ts'
import { PRESS_COVER_LAYOUT } from '../../src/writers/cover/press-cover.ts'
import { editionOutput } from '../../src/release/release.ts'
import { rebuiltPath } from '../../src/release/rebuild.ts'

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

  it('names the released press cover and a differing rebuild of it beside the others', () => {
    assert.equal(editionOutput('out', 'piece', 3, 'press-cover'), path.join('out', 'piece-ed3-press-cover.pdf'))
    assert.equal(editionOutput('out', 'piece', 3, 'press'), path.join('out', 'piece-ed3-press.pdf'))
    assert.equal(editionOutput('out', 'piece', 3, 'pdf'), path.join('out', 'piece-ed3.pdf'))
    assert.equal(rebuiltPath('out/piece-ed3-press-cover.pdf'), 'out/piece-ed3.rebuilt-press-cover.pdf')
    assert.equal(rebuiltPath('out/piece-ed3-press.pdf'), 'out/piece-ed3.rebuilt-press.pdf')
  })
})
