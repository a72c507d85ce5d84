import assert from 'node:assert/strict'
import { test } from 'node:test'
import { readFile } from 'node:fs/promises'
import * as fontkit from 'fontkit'
import { BOOK_FONT } from '../../src/fonts/fonts.ts'
import { subsetFace } from '../../src/fonts/fonts.ts'
import { sfntToWoff } from '../../src/fonts/woff.ts'

const regular = BOOK_FONT.faces[0]!

/** The sfnt tables of a font as tag → bytes. */
function sfntTables(sfnt: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>()
  for (let i = 0; i < sfnt.readUInt16BE(4); i++) {
    const at = 12 + 16 * i
    const offset = sfnt.readUInt32BE(at + 8)
    tables.set(sfnt.toString('latin1', at, at + 4), sfnt.subarray(offset, offset + sfnt.readUInt32BE(at + 12)))
  }
  return tables
}

test('a subset face wrapped as WOFF opens in fontkit as WOFF with the same glyphs and names', async () => {
  const sfnt = await subsetFace(regular, 'سڵاو لە کوردستان ١٢٣')
  const woff = sfntToWoff(sfnt)
  assert.equal(woff.toString('latin1', 0, 4), 'wOFF')
  assert.ok(woff.length < sfnt.length, `WOFF ${woff.length} bytes should be smaller than the TTF's ${sfnt.length}`)
  const fromWoff = fontkit.create(woff) as fontkit.Font
  const fromSfnt = fontkit.create(sfnt) as fontkit.Font
  assert.equal(fromWoff.type, 'WOFF')
  assert.equal(fromWoff.numGlyphs, fromSfnt.numGlyphs)
  assert.equal(fromWoff.familyName, fromSfnt.familyName)
  assert.ok(fromWoff.hasGlyphForCodePoint('ڵ'.codePointAt(0)!))
  assert.equal(fromWoff.glyphForCodePoint('ڵ'.codePointAt(0)!).path.toSVG(), fromSfnt.glyphForCodePoint('ڵ'.codePointAt(0)!).path.toSVG())
})

test('every table of the WOFF inflates back to the very bytes of the font, in ascending tag order', async () => {
  const { inflateSync } = await import('node:zlib')
  const sfnt = await readFile(regular.file)
  const woff = sfntToWoff(sfnt)
  const original = sfntTables(sfnt)
  const count = woff.readUInt16BE(12)
  assert.equal(count, original.size)
  assert.equal(woff.readUInt32BE(8), woff.length)
  let previous = ''
  let sfntSize = 12 + 16 * count
  for (let i = 0; i < count; i++) {
    const at = 44 + 20 * i
    const tag = woff.toString('latin1', at, at + 4)
    assert.ok(tag > previous, `${tag} after ${previous}`)
    previous = tag
    const offset = woff.readUInt32BE(at + 4)
    assert.equal(offset % 4, 0, `${tag} starts on a 4-byte boundary`)
    const packed = woff.subarray(offset, offset + woff.readUInt32BE(at + 8))
    const length = woff.readUInt32BE(at + 12)
    const data = packed.length < length ? inflateSync(packed) : packed
    assert.deepEqual(data, original.get(tag), tag)
    sfntSize += (length + 3) & ~3
  }
  assert.equal(woff.readUInt32BE(16), sfntSize)
})

test('a file that is not a font is refused, not wrapped', () => {
  assert.throws(() => sfntToWoff(Buffer.from('no font')), /sfnt/)
})
