/**
 * The build's browser pool is closed once, at the end: nothing asked of it
 * after that may launch a browser (it would never be closed, and the process
 * would not exit).
 */
import assert from 'node:assert/strict'
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { BrowserPool } from '../../src/pipeline/browser-pool.ts'
import { tempDir } from '../helpers/paths.ts'

describe('the browser pool', () => {
  it('launches nothing once closed, and says why', async () => {
    const dir = tempDir('chapkhana-pool-')
    const mark = path.join(dir, 'launched')
    const fake = path.join(dir, 'fake-chromium')
    writeFileSync(fake, `#!/bin/sh\ntouch '${mark}'\nexit 1\n`)
    chmodSync(fake, 0o755)
    const before = process.env.PUPPETEER_EXECUTABLE_PATH
    process.env.PUPPETEER_EXECUTABLE_PATH = fake
    try {
      const pool = new BrowserPool()
      await pool.close()
      await assert.rejects(pool.get(), /The build is over/)
      await pool.warm()
      assert.equal(existsSync(mark), false, 'no browser launched')
    } finally {
      if (before === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH
      else process.env.PUPPETEER_EXECUTABLE_PATH = before
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
