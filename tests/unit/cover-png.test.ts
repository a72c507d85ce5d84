/**
 * The cover's PNG codec (fast-png underneath): it reads a screenshot written
 * by another encoder into RGBA, and writes a 4-bit indexed PNG whose every
 * pixel is the nearest palette colour, the same bytes every time.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { encode } from 'fast-png'
import { decodePng, encodeIndexedPng, type Pixels, type Rgb } from '../../src/writers/cover/png.ts'

/**
 * A 3 × 2 RGB PNG written by Python's zlib and struct (not by fast-png): row
 * one unfiltered red, green, blue; row two with the Sub filter, black, grey,
 * white.
 */
const RGB_3X2 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000030000000208020000001216f14d000000184944415478da6338c1c5c505c68c0c0c0c0d0d0df5f5f50031440593650797e20000000049454e44ae426082',
  'hex'
)

/** Pixels of `width` × `height` from a colour per pixel. */
function pixels(width: number, height: number, colour: (x: number, y: number) => Rgb): Pixels {
  const rgba = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgba.set([...colour(x, y), 255], (y * width + x) * 4)
  return { width, height, rgba }
}

const PALETTE: readonly Rgb[] = [
  [0, 0, 0],
  [255, 255, 255],
  [200, 160, 60]
]

describe('cover PNG codec', () => {
  it('reads an RGB PNG from another encoder as opaque RGBA, its row filters undone', () => {
    const { width, height, rgba } = decodePng(RGB_3X2)
    assert.deepEqual([width, height], [3, 2])
    assert.deepEqual([...rgba], [200, 10, 10, 255, 10, 200, 10, 255, 10, 10, 200, 255, 0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255])
  })

  it('reads grey + alpha and indexed PNGs as RGBA too', () => {
    const grey = encode({ width: 2, height: 1, data: Uint8Array.from([30, 128, 220, 255]), channels: 2, depth: 8 })
    assert.deepEqual([...decodePng(grey).rgba], [30, 30, 30, 128, 220, 220, 220, 255])
    const indexed = encodeIndexedPng(pixels(2, 1, (x) => PALETTE[x]!), PALETTE)
    assert.deepEqual([...decodePng(indexed).rgba], [0, 0, 0, 255, 255, 255, 255, 255])
  })

  it('writes a 4-bit indexed PNG with the palette as its PLTE', () => {
    const png = encodeIndexedPng(pixels(5, 3, () => [0, 0, 0]), PALETTE)
    assert.equal(png.toString('latin1', 12, 16), 'IHDR')
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]], [5, 3, 4, 3])
    const plte = png.indexOf('PLTE', 0, 'latin1')
    assert.equal(png.readUInt32BE(plte - 4), PALETTE.length * 3)
    assert.deepEqual([...png.subarray(plte + 4, plte + 4 + PALETTE.length * 3)], PALETTE.flat())
  })

  it('maps each pixel to its nearest palette colour, also in an odd last column', () => {
    // Dark greys, light greys and a near-gold, across an odd width (the last byte holds one pixel).
    const near: Rgb[] = [[20, 10, 5], [240, 250, 235], [190, 150, 70]]
    const source = pixels(7, 4, (x, y) => near[(x + y) % 3]!)
    const { rgba } = decodePng(encodeIndexedPng(source, PALETTE))
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 7; x++) {
        const at = (y * 7 + x) * 4
        assert.deepEqual([...rgba.subarray(at, at + 3)], [...PALETTE[(x + y) % 3]!], `pixel ${x},${y}`)
      }
    }
  })

  it('writes the same bytes for the same pixels', () => {
    const source = pixels(64, 48, (x, y) => [(x * 4) & 255, (y * 5) & 255, ((x + y) * 3) & 255])
    const a = encodeIndexedPng(source, PALETTE)
    const b = encodeIndexedPng({ ...source, rgba: Uint8Array.from(source.rgba) }, PALETTE)
    assert.ok(a.equals(b))
  })

  it('refuses an empty palette or one of more than 16 colours', () => {
    const one = pixels(1, 1, () => [0, 0, 0])
    assert.throws(() => encodeIndexedPng(one, []), /1 to 16 colours/)
    assert.throws(() => encodeIndexedPng(one, Array.from({ length: 17 }, (_, i): Rgb => [i, i, i])), /1 to 16 colours/)
  })
})
