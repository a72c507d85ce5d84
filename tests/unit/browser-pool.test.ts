/**
 * The build's browser pool is closed once: at the end, or as soon as the
 * last article no longer needs it. Nothing asked of it after that may launch
 * a browser (it would never be closed, and the process would not exit).
 */
import assert from 'node:assert/strict'
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { BrowserPool } from '../../src/pipeline/browser-pool.ts'
import { tempDir } from '../helpers/paths.ts'

/** Run `use` with a stand-in Chromium that fails to start and marks `launched` when asked to. */
async function withFakeChromium(use: (launched: () => boolean) => Promise<void>): Promise<void> {
  const dir = tempDir('chapkhana-pool-')
  const mark = path.join(dir, 'launched')
  const fake = path.join(dir, 'fake-chromium')
  writeFileSync(fake, `#!/bin/sh\ntouch '${mark}'\nexit 1\n`)
  chmodSync(fake, 0o755)
  const before = process.env.PUPPETEER_EXECUTABLE_PATH
  process.env.PUPPETEER_EXECUTABLE_PATH = fake
  try {
    await use(() => existsSync(mark))
  } finally {
    if (before === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH
    else process.env.PUPPETEER_EXECUTABLE_PATH = before
    rmSync(dir, { recursive: true, force: true })
  }
}

const over = /The build is over/
/** Still open: asked for a browser, it tries to launch one (the stand-in fails to start). */
const stillOpen = (error: Error): boolean => !over.test(error.message)

describe('the browser pool', () => {
  it('launches nothing once closed, and says why', async () => {
    await withFakeChromium(async (launched) => {
      const pool = new BrowserPool()
      await pool.close()
      await assert.rejects(pool.get(), over)
      await pool.warm()
      assert.equal(launched(), false, 'no browser launched')
    })
  })

  it('told that no more work will start, closes when the last holder lets go, not before', async () => {
    await withFakeChromium(async () => {
      const pool = new BrowserPool()
      const first = pool.hold()
      const second = pool.hold()
      pool.closeWhenIdle()
      await assert.rejects(pool.get(), stillOpen)
      first()
      first()
      await assert.rejects(pool.get(), stillOpen)
      second()
      await assert.rejects(pool.get(), over)
      await pool.close()
    })
  })

  it('not told, keeps its browser for more work when every holder lets go (watch)', async () => {
    await withFakeChromium(async () => {
      const pool = new BrowserPool()
      pool.hold()()
      await assert.rejects(pool.get(), stillOpen)
      await pool.close()
      await assert.rejects(pool.get(), over)
    })
  })
})
