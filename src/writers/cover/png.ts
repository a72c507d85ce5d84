/**
 * Making a typographic cover small: read Chromium's screenshot, map every
 * pixel to the nearest colour of a small palette, and write a 4-bit indexed
 * PNG. A cover of three flat colours and their anti-aliased edges needs no
 * more than 16 entries, and an indexed PNG of it is a fraction of the
 * full-colour screenshot (or of any JPEG at this size, whose 8×8 blocks cost
 * bytes even where the page is flat).
 *
 * Reading is fast-png's (and Node's zlib for the common kinds, png-raster.ts);
 * the deflate is fflate's. Two parts are ours. The mapping to a fixed
 * palette: image-q, the maintained quantizer, builds an object per pixel and
 * searches the palette for each one; measured on the seed's 1600 × 2560
 * cover it took 9.5 s of CPU and 900 MB where the loop below, which
 * remembers each colour's answer, takes 0.15 s, with the same pixels out.
 * And the file's few chunks: fast-png writes every row unfiltered, where a
 * row that repeats the one above (most of a cover's) filtered Up is a row of
 * zeros, which costs deflate far less to match. Measured on the seed's
 * cover, first call in a fresh process as the cover's thread makes it:
 * fast-png at level 9 33,501 B in 205 ms; repeated rows Up at level 9
 * 33,155 B in 187 ms, at level 8 33,391 B in 158 ms (the same pixels;
 * docs/benchmarks.md).
 */
import { convertIndexedToRgb, decode } from 'fast-png'
import { zlibSync } from 'fflate'
import CRC32 from 'crc-32'
import { readRaster, readRasterAsync, type Raster } from './png-raster.ts'

/** Decoded pixels, RGBA, row-major. */
export interface Pixels {
  readonly width: number
  readonly height: number
  readonly rgba: Uint8Array
}

/** An RGB colour. */
export type Rgb = readonly [number, number, number]

/**
 * The cover's zlib level, for fflate's pure-JavaScript deflate. Not Node's
 * zlib, though it makes ~10 % fewer bytes, faster: it is Chromium's zlib,
 * whose match-finding hash depends on the CPU (CRC32-C where SSE4.2 or ARMv8
 * CRC exists), so two machines with the same Node would write different
 * covers. fflate's bytes depend only on its version, which package.json pins
 * (and `COVER_ENCODING` names: a unit test checks the two agree). Level 8
 * with the repeated rows filtered Up makes fewer bytes than level 9 without.
 */
const ZLIB = { level: 8 } as const

/**
 * What makes a cover's bytes besides its pixels: part of the key under which
 * a rendered cover is remembered, so a change of encoder never serves bytes
 * made by the old one.
 */
export const COVER_ENCODING = `indexed 4-bit, repeated rows Up, fflate 0.8.3 zlib ${JSON.stringify(ZLIB)}`

/** The samples of an 8-bit PNG: Node's zlib for the common kinds (`png-raster.ts`), fast-png for the rest. */
function rasterOf(png: Uint8Array, common = readRaster(png)): Raster {
  if (common) return common
  const image = decode(png)
  const { width, height, channels } = image
  if (image.palette) {
    const perEntry = image.palette[0]?.length ?? 3
    return { width, height, channels: perEntry === 4 ? 4 : 3, data: convertIndexedToRgb(image) as Uint8Array }
  }
  if (image.depth !== 8 || channels < 1 || channels > 4) throw new Error(`decodePng: unsupported PNG (depth ${image.depth})`)
  const data = image.data instanceof Uint8Array ? image.data : new Uint8Array(image.data)
  return { width, height, channels: channels as Raster['channels'], data }
}

/** Decode an 8-bit PNG (grey, grey + alpha, RGB, RGBA or indexed) to RGBA. */
export function decodePng(png: Uint8Array): Pixels {
  const { width, height, channels, data } = rasterOf(png)
  return { width, height, rgba: toRgba(data, width * height, channels) }
}

/** `data` of `channels` a pixel (1 grey, 2 grey + alpha, 3 RGB, 4 RGBA) as RGBA. */
function toRgba(data: Uint8Array | Uint8ClampedArray, pixels: number, channels: number): Uint8Array {
  if (channels === 4) return data instanceof Uint8Array ? data : new Uint8Array(data)
  const rgba = new Uint8Array(pixels * 4)
  for (let i = 0, j = 0; j < rgba.length; i += channels, j += 4) {
    const grey = channels < 3
    rgba[j] = data[i]!
    rgba[j + 1] = grey ? data[i]! : data[i + 1]!
    rgba[j + 2] = grey ? data[i]! : data[i + 2]!
    rgba[j + 3] = channels === 2 ? data[i + 1]! : 255
  }
  return rgba
}

/** `steps` colours from `from` to `to`, both ends included. */
export function ramp(from: Rgb, to: Rgb, steps: number): Rgb[] {
  return Array.from({ length: steps }, (_, i): Rgb => {
    const t = i / (steps - 1)
    return [0, 1, 2].map((k) => Math.round((from[k] ?? 0) + ((to[k] ?? 0) - (from[k] ?? 0)) * t)) as unknown as Rgb
  })
}

/** PNG's filter types (§9.2) this encoder writes. */
const NONE = 0
const UP = 2

/**
 * The PNG scanlines of `raster` mapped to `palette`: each pixel the index of
 * the nearest colour (squared RGB distance, the first on a tie), two pixels a
 * byte as a 4-bit row wants them, each row after its filter byte. A row the
 * same as the one above is filtered Up, which leaves it all zeros; every
 * other row is unfiltered.
 */
function scanlines({ width, height, channels, data }: Raster, palette: readonly Rgb[]): Uint8Array {
  // Grey samples (1 or 2 channels) stand for all three colours.
  const [gOffset, bOffset] = channels < 3 ? [0, 0] : [1, 2]
  const line = Math.ceil(width / 2) + 1
  const lines = new Uint8Array(height * line)
  const memo = new Map<number, number>()
  let lastKey = -1
  let lastIndex = 0
  const row = width * channels
  const samples = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  for (let y = 0; y < height; y++) {
    const start = y * line
    if (y > 0 && samples.compare(samples, (y - 1) * row, y * row, y * row, (y + 1) * row) === 0) {
      lines[start] = UP
      continue
    }
    lines[start] = NONE
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * channels
      const r = data[p]!
      const g = data[p + gOffset]!
      const b = data[p + bOffset]!
      const key = (r << 16) | (g << 8) | b
      // Flat areas: most pixels repeat the one before.
      let index = key === lastKey ? lastIndex : memo.get(key)
      if (index === undefined) {
        let best = Infinity
        index = 0
        for (const [i, c] of palette.entries()) {
          const d = (r - c[0]) ** 2 + (g - c[1]) ** 2 + (b - c[2]) ** 2
          if (d < best) [best, index] = [d, i]
        }
        memo.set(key, index)
      }
      lastKey = key
      lastIndex = index
      lines[start + 1 + (x >> 1)]! |= x & 1 ? index : index << 4
    }
  }
  return lines
}

/** A PNG chunk: the length of `data`, `type`, `data`, and the CRC-32 of type and data (PNG §5.3). */
function chunk(type: string, data: Uint8Array): Buffer {
  const bytes = Buffer.alloc(12 + data.length)
  bytes.writeUInt32BE(data.length, 0)
  bytes.write(type, 4, 'latin1')
  bytes.set(data, 8)
  bytes.writeUInt32BE(CRC32.buf(bytes.subarray(4, 8 + data.length)) >>> 0, 8 + data.length)
  return bytes
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A 4-bit indexed PNG of `width` × `height` from its filtered `lines` and its `palette`. */
function indexedPngFile(width: number, height: number, palette: readonly Rgb[], lines: Uint8Array): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  // Bit depth 4, colour type 3 (indexed); compression, filter and interlace methods 0.
  header.set([4, 3, 0, 0, 0], 8)
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('PLTE', Uint8Array.from(palette.flat())), chunk('IDAT', zlibSync(lines, ZLIB)), chunk('IEND', new Uint8Array(0))])
}

/**
 * An indexed PNG of `pixels` with `palette` (at most 16 colours: 4 bits a
 * pixel), each pixel the nearest palette colour. Deterministic: same pixels,
 * same bytes.
 */
export function encodeIndexedPng(pixels: Pixels, palette: readonly Rgb[]): Buffer {
  return indexedPng({ width: pixels.width, height: pixels.height, channels: 4, data: pixels.rgba }, palette)
}

/**
 * `encodeIndexedPng` of the pixels of the PNG `png` (a screenshot), read
 * straight from its samples: no RGBA copy of 16 MB for a 1600 × 2560 cover.
 * Its image data is inflated on the thread pool, so the main thread is free
 * for other work meanwhile (quantizing and encoding stay on it).
 */
export async function indexedPngOf(png: Uint8Array, palette: readonly Rgb[]): Promise<Buffer> {
  return indexedPng(rasterOf(png, await readRasterAsync(png)), palette)
}

/**
 * `indexedPngOf` in one synchronous stretch, for the cover's own thread
 * (`png-worker.ts`), where nothing else waits: Node's asynchronous inflate
 * hands the 12 MB of a screenshot back in 16 KB chunks, each a round trip
 * through libuv's thread pool, which the main thread's file writes share.
 * Measured on the seed's cover: 74–106 ms read asynchronously, 29–43 ms
 * synchronously, and in a cold build the thread waited ~150 ms for the chunks.
 */
export function indexedPngOfSync(png: Uint8Array, palette: readonly Rgb[]): Buffer {
  return indexedPng(rasterOf(png), palette)
}

function indexedPng(raster: Raster, palette: readonly Rgb[]): Buffer {
  if (palette.length === 0 || palette.length > 16) throw new Error('encodeIndexedPng: the palette needs 1 to 16 colours')
  return indexedPngFile(raster.width, raster.height, palette, scanlines(raster, palette))
}
