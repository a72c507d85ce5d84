/**
 * Wrapping a TrueType/OpenType font (sfnt) as WOFF 1.0 (W3C, 2012): the same
 * tables, each compressed with zlib when that makes it smaller. Why not
 * subset-font's own `targetFormat: 'woff'`: it goes through fontverter, whose
 * JavaScript deflate (pako) took 110–340 ms a face on the seed article, and
 * whose import compiles a WOFF2 WebAssembly module chapkhana never uses
 * (about 0.1 s of every cold build); Node's zlib does the same in a few ms.
 */
import { deflateSync } from 'node:zlib'

const HEADER = 44
const ENTRY = 20
const align4 = (n: number): number => (n + 3) & ~3

interface Table {
  readonly tag: number
  readonly checksum: number
  readonly data: Buffer
  readonly packed: Buffer
}

/** The tables of `sfnt`, in the ascending tag order WOFF requires. */
function tablesOf(sfnt: Buffer): Table[] {
  const count = sfnt.readUInt16BE(4)
  const tables: Table[] = []
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i
    const offset = sfnt.readUInt32BE(at + 8)
    const length = sfnt.readUInt32BE(at + 12)
    if (offset + length > sfnt.length) throw new Error(`Font table ${i} runs past the end of the font`)
    const data = sfnt.subarray(offset, offset + length)
    const compressed = deflateSync(data, { level: 9 })
    // A table that does not shrink is stored as it is (the format says so).
    tables.push({ tag: sfnt.readUInt32BE(at), checksum: sfnt.readUInt32BE(at + 4), data, packed: compressed.length < length ? compressed : data })
  }
  return tables.sort((a, b) => a.tag - b.tag)
}

/** The WOFF 1.0 file of the sfnt font `sfnt` (no metadata, no private block). */
export function sfntToWoff(sfnt: Buffer): Buffer {
  if (sfnt.length < 12) throw new Error('Not an sfnt font: too short')
  const tables = tablesOf(sfnt)
  let offset = HEADER + ENTRY * tables.length
  const offsets = tables.map((t) => {
    const at = offset
    offset += align4(t.packed.length)
    return at
  })
  const woff = Buffer.alloc(offset)
  woff.write('wOFF', 0, 'latin1')
  woff.writeUInt32BE(sfnt.readUInt32BE(0), 4)
  woff.writeUInt32BE(woff.length, 8)
  woff.writeUInt16BE(tables.length, 12)
  woff.writeUInt32BE(12 + 16 * tables.length + tables.reduce((sum, t) => sum + align4(t.data.length), 0), 16)
  // Version 1.0 of the font file; metadata and private block offsets stay 0.
  woff.writeUInt16BE(1, 20)
  tables.forEach((t, i) => {
    const at = HEADER + ENTRY * i
    woff.writeUInt32BE(t.tag, at)
    woff.writeUInt32BE(offsets[i]!, at + 4)
    woff.writeUInt32BE(t.packed.length, at + 8)
    woff.writeUInt32BE(t.data.length, at + 12)
    woff.writeUInt32BE(t.checksum, at + 16)
    t.packed.copy(woff, offsets[i]!)
  })
  return woff
}
