/**
 * The cover's PNG codec (fast-png underneath): it reads a screenshot written
 * by another encoder into RGBA, and writes a 4-bit indexed PNG whose every
 * pixel is the nearest palette colour, the same bytes every time.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { crc32, deflateSync, inflateSync } from 'node:zlib'
import { decode, encode } from 'fast-png'
import { ROOT } from '../helpers/paths.ts'
import { COVER_ENCODING, decodePng, encodeIndexedPng, indexedPngOf, indexedPngOfSync, type Pixels, type Rgb } from '../../src/writers/cover/png.ts'

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

/** A PNG chunk: length, type, data, CRC. */
function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const head = Buffer.alloc(4)
  head.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([head, body, crc])
}

/**
 * An 8-bit PNG of `samples` (`channels` a pixel) whose row `y` uses filter
 * `filterOf(y)`, by default `y % 5` (None, Sub, Up, Average, Paeth), each applied as PNG §9 says, the
 * image data split over two IDAT chunks as browsers write it.
 */
function filteredPng(width: number, height: number, channels: 3 | 4, samples: Uint8Array, filterOf = (y: number): number => y % 5): Buffer {
  const row = width * channels
  const at = (x: number, y: number): number => (x < 0 || y < 0 ? 0 : samples[y * row + x]!)
  const rows: number[] = []
  for (let y = 0; y < height; y++) {
    const filter = filterOf(y)
    rows.push(filter)
    for (let i = 0; i < row; i++) {
      const [a, b, c] = [at(i - channels, y), at(i, y - 1), at(i - channels, y - 1)]
      const p = a + b - c
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!
      rows.push((at(i, y) - predictor) & 0xff)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, channels === 3 ? 2 : 6, 0, 0, 0], 8)
  const zlib = deflateSync(Uint8Array.from(rows))
  const half = zlib.length >> 1
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', zlib.subarray(0, half)), chunk('IDAT', zlib.subarray(half)), chunk('IEND', new Uint8Array(0))])
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

  it('undoes all five row filters of RGB and RGBA PNGs, giving the pixels fast-png reads', () => {
    for (const channels of [3, 4] as const) {
      const [width, height] = [7, 10]
      const samples = Uint8Array.from({ length: width * height * channels }, (_, i) => (i * 97 + ((i * i) >> 3)) & 0xff)
      const png = filteredPng(width, height, channels, samples)
      const reference = decode(png)
      assert.deepEqual([...reference.data], [...samples], 'the test PNG itself is right')
      const { rgba } = decodePng(png)
      const expected = channels === 4 ? [...samples] : [...samples].flatMap((v, i) => (i % 3 === 2 ? [v, 255] : [v]))
      assert.deepEqual([...rgba], expected, `${channels} channels`)
    }
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

  it('makes a screenshot small with the bytes of decoding it and encoding its pixels, for every kind of PNG', async () => {
    const samples = Uint8Array.from({ length: 9 * 6 * 3 }, (_, i) => (i * 53) & 0xff)
    const rgb = filteredPng(9, 6, 3, samples)
    assert.ok((await indexedPngOf(rgb, PALETTE)).equals(encodeIndexedPng(decodePng(rgb), PALETTE)))
    // An indexed PNG is not one Node's zlib path reads: fast-png does.
    const indexed = encodeIndexedPng(pixels(4, 3, (x) => PALETTE[x % 3]!), PALETTE)
    assert.ok((await indexedPngOf(indexed, PALETTE)).equals(indexed))
    await assert.rejects(indexedPngOf(Buffer.from('not a png'), PALETTE))
  })

  it("makes the same bytes in one synchronous stretch (the cover's own thread) as with the thread pool's inflate", async () => {
    const samples = Uint8Array.from({ length: 9 * 6 * 3 }, (_, i) => (i * 53) & 0xff)
    const rgb = filteredPng(9, 6, 3, samples)
    const indexed = encodeIndexedPng(pixels(4, 3, (x) => PALETTE[x % 3]!), PALETTE)
    for (const png of [rgb, indexed]) assert.ok(indexedPngOfSync(png, PALETTE).equals(await indexedPngOf(png, PALETTE)))
    assert.throws(() => indexedPngOfSync(Buffer.from('not a png'), PALETTE))
  })

  it("reads and packs a screenshot's flat rows (Up with nothing added: the row above again) like any other", async () => {
    // Chromium filters every row Up; most of a cover's rows repeat the one above.
    const [width, height] = [5, 8]
    const distinct = [0, 3, 6].map((seed) => Array.from({ length: width * 3 }, (_, i) => (i * 41 + seed * 77) & 0xff))
    const rows = [0, 0, 0, 1, 1, 2, 2, 2].map((k) => distinct[k]!)
    const samples = Uint8Array.from(rows.flat())
    const png = filteredPng(width, height, 3, samples, () => 2)
    const expected = [...samples].flatMap((v, i) => (i % 3 === 2 ? [v, 255] : [v]))
    assert.deepEqual([...decodePng(png).rgba], expected)
    // Each pixel of the small PNG is the palette colour nearest the screenshot's.
    const nearest = (r: number, g: number, b: number): Rgb => PALETTE.reduce((best, c) => ((r - c[0]) ** 2 + (g - c[1]) ** 2 + (b - c[2]) ** 2 < (r - best[0]) ** 2 + (g - best[1]) ** 2 + (b - best[2]) ** 2 ? c : best))
    const { rgba } = decodePng(await indexedPngOf(png, PALETTE))
    for (let p = 0; p < width * height; p++) assert.deepEqual([...rgba.subarray(p * 4, p * 4 + 3)], [...nearest(samples[p * 3]!, samples[p * 3 + 1]!, samples[p * 3 + 2]!)], `pixel ${p}`)
  })

  it('filters a row that repeats the one above Up (a row of zeros, cheap to deflate) and leaves every other row unfiltered', () => {
    const bands = [0, 0, 1, 1, 1, 1, 2, 2]
    const png = encodeIndexedPng(pixels(5, bands.length, (x, y) => PALETTE[(bands[y]! + (y === 3 ? x % 2 : 0)) % 3]!), PALETTE)
    // Every chunk's CRC holds; the image data is one zlib stream of 1 + 3 bytes a row.
    let idat = Buffer.alloc(0)
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at)
      assert.equal(png.readUInt32BE(at + 8 + length), crc32(png.subarray(at + 4, at + 8 + length)))
      if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat = Buffer.concat([idat, png.subarray(at + 8, at + 8 + length)])
      at += 12 + length
    }
    const lines = inflateSync(idat)
    assert.equal(lines.length, bands.length * 4)
    const filters = bands.map((_, y) => lines[y * 4])
    // Row 3 differs from row 2 by its odd pixels, so row 4 from row 3; row 5 repeats row 4.
    assert.deepEqual(filters, [0, 2, 0, 0, 0, 2, 0, 2])
    for (const y of [1, 5, 7]) assert.deepEqual([...lines.subarray(y * 4 + 1, y * 4 + 4)], [0, 0, 0], `row ${y}: zeros`)
    // And fast-png reads the pixels back.
    const { rgba } = decodePng(png)
    assert.deepEqual([...rgba.subarray(4 * 5 * 4, 4 * 5 * 4 + 3)], [...PALETTE[1]!])
  })

  it('names the installed fflate in the encoding a remembered cover is keyed by, and package.json pins it', () => {
    // The cover's bytes depend on fflate's deflate: another version must not serve a remembered cover.
    const json = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'))
    const installed = (json('node_modules/fflate/package.json') as { version: string }).version
    const pinned = (json('package.json') as { dependencies: Record<string, string> }).dependencies.fflate
    assert.equal(pinned, installed, 'an exact version in package.json')
    assert.ok(COVER_ENCODING.includes(`fflate ${installed} `), COVER_ENCODING)
  })

  it('refuses an empty palette or one of more than 16 colours', () => {
    const one = pixels(1, 1, () => [0, 0, 0])
    assert.throws(() => encodeIndexedPng(one, []), /1 to 16 colours/)
    assert.throws(() => encodeIndexedPng(one, Array.from({ length: 17 }, (_, i): Rgb => [i, i, i])), /1 to 16 colours/)
  })
})
