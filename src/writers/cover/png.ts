/**
 * Just enough PNG to make a typographic cover small: read Chromium's
 * screenshot (8-bit RGB/RGBA, not interlaced), map every pixel to the
 * nearest colour of a small palette, and write an indexed PNG. A cover of
 * three flat colours and their anti-aliased edges needs no more than 16
 * entries, and an indexed 4-bit PNG of it is a fraction of the full-colour
 * screenshot (or of any JPEG at this size, whose 8×8 blocks cost bytes even
 * where the page is flat).
 */
import { deflateSync, inflateSync } from 'node:zlib'

/** Decoded pixels, RGBA, row-major. */
export interface Pixels {
  readonly width: number
  readonly height: number
  readonly rgba: Uint8Array
}

/** An RGB colour. */
export type Rgb = readonly [number, number, number]

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const out = Buffer.alloc(body.length + 8)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), body.length + 4)
  return out
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/** Decode an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes). */
export function decodePng(png: Uint8Array): Pixels {
  const buf = Buffer.from(png)
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('decodePng: not a PNG')
  let width = 0
  let height = 0
  let channels = 0
  const idat: Buffer[] = []
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at)
    const type = buf.toString('latin1', at + 4, at + 8)
    const data = buf.subarray(at + 8, at + 8 + length)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      const [depth, colour, , , interlace] = [data[8], data[9], data[10], data[11], data[12]]
      channels = colour === 6 ? 4 : colour === 2 ? 3 : 0
      if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error(`decodePng: unsupported PNG (depth ${depth}, colour type ${colour}, interlace ${interlace})`)
    } else if (type === 'IDAT') idat.push(data)
    at += length + 12
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const rows = new Uint8Array(height * stride)
  // One tight loop per filter type: this runs over ten million bytes.
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const src = y * (stride + 1) + 1
    const dst = y * stride
    const up = dst - stride
    const line = raw.subarray(src, src + stride)
    if (filter === 0 || (filter === 2 && y === 0)) rows.set(line, dst)
    else if (filter === 1) {
      for (let x = 0; x < stride; x++) rows[dst + x] = (line[x]! + (x >= channels ? rows[dst + x - channels]! : 0)) & 0xff
    } else if (filter === 2) {
      for (let x = 0; x < stride; x++) rows[dst + x] = (line[x]! + rows[up + x]!) & 0xff
    } else if (filter === 3) {
      for (let x = 0; x < stride; x++) {
        const a = x >= channels ? rows[dst + x - channels]! : 0
        const b = y > 0 ? rows[up + x]! : 0
        rows[dst + x] = (line[x]! + ((a + b) >> 1)) & 0xff
      }
    } else if (filter === 4) {
      for (let x = 0; x < stride; x++) {
        const a = x >= channels ? rows[dst + x - channels]! : 0
        const b = y > 0 ? rows[up + x]! : 0
        const c = x >= channels && y > 0 ? rows[up + x - channels]! : 0
        rows[dst + x] = (line[x]! + paeth(a, b, c)) & 0xff
      }
    } else throw new Error(`decodePng: unknown filter ${filter} on row ${y}`)
  }
  if (channels === 4) return { width, height, rgba: rows }
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0, j = 0; i < rows.length; i += 3, j += 4) {
    rgba[j] = rows[i] ?? 0
    rgba[j + 1] = rows[i + 1] ?? 0
    rgba[j + 2] = rows[i + 2] ?? 0
    rgba[j + 3] = 255
  }
  return { width, height, rgba }
}

/** `steps` colours from `from` to `to`, both ends included. */
export function ramp(from: Rgb, to: Rgb, steps: number): Rgb[] {
  return Array.from({ length: steps }, (_, i): Rgb => {
    const t = i / (steps - 1)
    return [0, 1, 2].map((k) => Math.round((from[k] ?? 0) + ((to[k] ?? 0) - (from[k] ?? 0)) * t)) as unknown as Rgb
  })
}

/**
 * An indexed PNG of `pixels` with `palette` (at most 16 colours: 4 bits a
 * pixel), each pixel the nearest palette colour. Deterministic: same pixels,
 * same bytes.
 */
export function encodeIndexedPng(pixels: Pixels, palette: readonly Rgb[]): Buffer {
  if (palette.length === 0 || palette.length > 16) throw new Error('encodeIndexedPng: the palette needs 1 to 16 colours')
  const { width, height, rgba } = pixels
  const stride = Math.ceil(width / 2)
  const raw = Buffer.alloc(height * (stride + 1))
  const memo = new Map<number, number>()
  let lastKey = -1
  let lastIndex = 0
  for (let y = 0; y < height; y++) {
    // Filter 0 (none) on every row: the usual best choice for palette images.
    const row = y * (stride + 1) + 1
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4
      const key = (rgba[p]! << 16) | (rgba[p + 1]! << 8) | rgba[p + 2]!
      // Flat areas: most pixels repeat the one before.
      let index = key === lastKey ? lastIndex : memo.get(key)
      if (index === undefined) {
        let best = Infinity
        index = 0
        for (const [i, c] of palette.entries()) {
          const d = ((rgba[p] ?? 0) - c[0]) ** 2 + ((rgba[p + 1] ?? 0) - c[1]) ** 2 + ((rgba[p + 2] ?? 0) - c[2]) ** 2
          if (d < best) [best, index] = [d, i]
        }
        memo.set(key, index)
      }
      lastKey = key
      lastIndex = index
      const at = row + (x >> 1)
      raw[at] = (raw[at] ?? 0) | (x & 1 ? index : index << 4)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([4, 3, 0, 0, 0], 8)
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(palette.flat())),
    chunk('IDAT', deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk('IEND', new Uint8Array(0))
  ])
}
