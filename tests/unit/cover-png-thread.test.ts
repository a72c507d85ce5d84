/**
 * The cover's screenshot is made small on a thread of its own, so the main
 * thread can answer Chromium meanwhile: the bytes are those of the same work
 * done in the main thread, and a missing or broken worker module only makes
 * the work come back to the main thread.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, describe, it } from 'node:test'
import { encode } from 'fast-png'
import { indexedPngOf, ramp, type Rgb } from '../../src/writers/cover/png.ts'
import { startPngThread } from '../../src/writers/cover/png-thread.ts'

const INK: Rgb = [245, 236, 220]
const GROUND: Rgb = [24, 45, 64]
const PALETTE = ramp(GROUND, INK, 16)

/** A screenshot-like RGB PNG: flat ground, strokes with anti-aliased edges. */
function screenshot(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const stroke = Math.max(0, 1 - Math.abs(((x * 7 + y * 3) % 97) - 48) / 6)
      for (let k = 0; k < 3; k++) data[(y * width + x) * 3 + k] = Math.round(GROUND[k]! + (INK[k]! - GROUND[k]!) * stroke)
    }
  }
  return encode({ width, height, data, channels: 3, depth: 8 })
}

// The worker module as each way of running the tests lays it out: bundled
// (tests/.tmp/js/run/png-worker.mjs) or the source under tsx.
const WORKER = [new URL('../png-worker.mjs', import.meta.url), new URL('../../src/writers/cover/png-worker.ts', import.meta.url)].find((u) => existsSync(u))
const scratch = mkdtempSync(path.join(os.tmpdir(), 'chapkhana-png-thread-'))
after(() => rmSync(scratch, { recursive: true, force: true }))

describe('making the cover small on its own thread', () => {
  const png = screenshot(400, 640)

  it('gives the bytes the main thread gives', { skip: WORKER ? false : 'no worker module in this layout' }, async () => {
    const thread = startPngThread({ module: WORKER })
    assert.equal(thread.threaded, true)
    const [threaded, here] = await Promise.all([thread.encode(png, PALETTE), indexedPngOf(png, PALETTE)])
    assert.ok(threaded.length > 100)
    assert.ok(threaded.equals(here), 'byte for byte')
  })

  it('does the work in the main thread when no worker module is found', async () => {
    const thread = startPngThread({ module: undefined })
    assert.equal(thread.threaded, false)
    assert.ok((await thread.encode(png, PALETTE)).equals(await indexedPngOf(png, PALETTE)))
  })

  it('does the work in the main thread when the worker dies before answering', async () => {
    const broken = path.join(scratch, 'broken-worker.mjs')
    writeFileSync(broken, "throw new Error('cannot load')\n")
    const thread = startPngThread({ module: pathToFileURL(broken) })
    assert.ok((await thread.encode(png, PALETTE)).equals(await indexedPngOf(png, PALETTE)))
  })

  it('does the work in the main thread when the worker died before the image came', async () => {
    // In a build the thread starts ahead of the screenshot: one that cannot load
    // its modules has ended long before the image is sent. The build waited for
    // its answer forever: with nothing else left, Node ended on the CLI's
    // unsettled top-level await (exit code 13) and no EPUB was written.
    const broken = path.join(scratch, 'broken-early-worker.mjs')
    writeFileSync(broken, "throw new Error('cannot load')\n")
    const thread = startPngThread({ module: pathToFileURL(broken) })
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const encoded = await Promise.race([thread.encode(png, PALETTE), new Promise<'hung'>((resolve) => setTimeout(resolve, 20_000, 'hung').unref())])
    assert.notEqual(encoded, 'hung', 'an answer, not a wait for a thread that has ended')
    assert.ok(Buffer.isBuffer(encoded) && encoded.equals(await indexedPngOf(png, PALETTE)))
  })

  it('reports a failure of the work itself instead of hanging', { skip: WORKER ? false : 'no worker module in this layout' }, async () => {
    const thread = startPngThread({ module: WORKER })
    await assert.rejects(thread.encode(new Uint8Array([1, 2, 3]), PALETTE))
  })
})
