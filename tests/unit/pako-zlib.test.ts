/**
 * The bundle's stand-in for pako inside JSZip (scripts/pako-zlib.cjs): raw
 * deflate streams any inflater reads, pushed in chunks as JSZip pushes them.
 * (The bundled CLI's EPUBs, zipped through it, pass EPUBCheck in the e2e tests.)
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import zlib from 'node:zlib'
import { Deflate, Inflate } from '../../scripts/pako-zlib.cjs'

const text = Buffer.from('گواستنەوەی سەرکردایەتی هاوپەیمانییەکە بۆ دەستی ناتۆ\n'.repeat(400))

/** Push `input` into `stream` in 16 KB chunks (JSZip's), then the empty last push; the bytes it gave. */
function run(stream: { onData: (chunk: Uint8Array) => void; push(data: Uint8Array | readonly number[], last: boolean): boolean }, input: Uint8Array): Buffer {
  const out: Uint8Array[] = []
  stream.onData = (chunk) => out.push(chunk)
  for (let at = 0; at < input.length; at += 16 * 1024) stream.push(input.subarray(at, at + 16 * 1024), false)
  stream.push([], true)
  return Buffer.concat(out)
}

test('a raw deflate at level 9 inflates back through zlib, and is smaller than its input', () => {
  const deflated = run(new Deflate({ raw: true, level: 9 }), text)
  assert.ok(deflated.length < text.length / 5, `${deflated.length} bytes from ${text.length}`)
  assert.deepEqual(zlib.inflateRawSync(deflated), text)
})

test('a raw deflate made elsewhere inflates back through the stand-in, and an empty entry stays empty', () => {
  assert.deepEqual(run(new Inflate({ raw: true }), zlib.deflateRawSync(text, { level: 1 })), text)
  assert.deepEqual(run(new Inflate({ raw: true }), run(new Deflate({ raw: true, level: -1 }), new Uint8Array(0))), Buffer.alloc(0))
})
