/**
 * Reading the common PNG a browser screenshot is (8 bits a channel, not
 * interlaced, no palette) with Node's own zlib. Why not fast-png's decoder
 * for this one case: it inflates in JavaScript (fflate), growing its output
 * chunk by chunk; measured on the seed's 1600 × 2560 cover screenshot it took
 * 460–680 ms of CPU where Node's zlib inflates the same 12 MB in about 90 ms.
 * Decoding has no byte-for-byte question (unlike encoding, see `png.ts`): any
 * correct inflater gives the same pixels. Every other kind of PNG is left to
 * fast-png (`undefined` here). `readRasterAsync` inflates on libuv's thread
 * pool, so the main thread is free meanwhile (for the PDF the browser prints
 * while the cover is made small).
 */
import { promisify } from 'node:util'
import { inflate, inflateSync } from 'node:zlib'

const inflateAsync = promisify(inflate)

/** Unfiltered samples of an 8-bit image, `channels` a pixel, rows back to back. */
export interface Raster {
  readonly width: number
  readonly height: number
  /** 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA. */
  readonly channels: 1 | 2 | 3 | 4
  readonly data: Uint8Array
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** Channels of each PNG colour type this reader takes (3, indexed, is not one). */
const CHANNELS: Readonly<Record<number, Raster['channels']>> = { 0: 1, 2: 3, 4: 2, 6: 4 }

/** The header and compressed image data of a PNG this reader takes. */
interface Parsed {
  readonly width: number
  readonly height: number
  readonly channels: Raster['channels']
  readonly zlib: Buffer
}

/** The parts of `png`, or `undefined` when it is not an 8-bit, non-interlaced grey or RGB(A) PNG. */
function parse(png: Uint8Array): Parsed | undefined {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength)
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined
  const [width, height, depth, colourType, interlace] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20), bytes[24], bytes[25] ?? -1, bytes[28]]
  const channels = CHANNELS[colourType]
  if (depth !== 8 || interlace !== 0 || !channels || width === 0 || height === 0) return undefined
  const idat: Buffer[] = []
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    if (at + 12 + length > bytes.length) throw new Error('PNG: a chunk runs past the end of the file')
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length))
    if (type === 'IEND') break
    at += 12 + length
  }
  return { width, height, channels, zlib: Buffer.concat(idat) }
}

function rasterOf({ width, height, channels }: Parsed, filtered: Uint8Array): Raster {
  const row = width * channels
  if (filtered.length < (row + 1) * height) throw new Error('PNG: the image data is shorter than its size says')
  return { width, height, channels, data: unfilter(filtered, row, height, channels) }
}

/** The raster of `png`, or `undefined` when it is not an 8-bit, non-interlaced grey or RGB(A) PNG. */
export function readRaster(png: Uint8Array): Raster | undefined {
  const parsed = parse(png)
  return parsed && rasterOf(parsed, inflateSync(parsed.zlib))
}

/** `readRaster`, inflating on the thread pool. */
export async function readRasterAsync(png: Uint8Array): Promise<Raster | undefined> {
  const parsed = parse(png)
  return parsed && rasterOf(parsed, await inflateAsync(parsed.zlib))
}

/**
 * Undo each row's filter (PNG §9: None, Sub, Up, Average, Paeth) into a new
 * buffer without the filter bytes; `bpp` is the bytes of one pixel. One loop
 * per filter, since a screenshot has 2,560 rows of 4,800 bytes and a test per
 * byte would cost as much as the inflating.
 */
function unfilter(filtered: Uint8Array, row: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array(row * height)
  // Above the first row every byte counts as 0: filter it against a zero row.
  const zero = new Uint8Array(row)
  for (let y = 0; y < height; y++) {
    const src = y * (row + 1) + 1
    const cur = out.subarray(y * row, (y + 1) * row)
    const prev = y > 0 ? out.subarray((y - 1) * row, y * row) : zero
    const line = Buffer.from(filtered.buffer, filtered.byteOffset + src, row)
    const filter = filtered[src - 1]
    if (filter === 0) cur.set(line)
    // A flat row repeats the one above: Up with nothing added (most of a cover's rows).
    else if (filter === 2 && line.equals(zero)) cur.set(prev)
    else if (filter === 1) for (let i = 0; i < row; i++) cur[i] = (line[i]! + (i >= bpp ? cur[i - bpp]! : 0)) & 0xff
    else if (filter === 2) for (let i = 0; i < row; i++) cur[i] = (line[i]! + prev[i]!) & 0xff
    else if (filter === 3) for (let i = 0; i < row; i++) cur[i] = (line[i]! + (((i >= bpp ? cur[i - bpp]! : 0) + prev[i]!) >> 1)) & 0xff
    else if (filter === 4) {
      for (let i = 0; i < row; i++) {
        const a = i >= bpp ? cur[i - bpp]! : 0
        const b = prev[i]!
        const c = i >= bpp ? prev[i - bpp]! : 0
        const pa = Math.abs(b - c)
        const pb = Math.abs(a - c)
        const pc = Math.abs(a + b - 2 * c)
        cur[i] = (line[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff
      }
    } else throw new Error(`PNG: unknown row filter ${filter}`)
  }
  return out
}
