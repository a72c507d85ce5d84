/**
 * An EPUB-only build starts a browser only to draw a cover it has not drawn
 * before: the remembered cover is found by the browser's executable, not by
 * asking a running browser its version. The browser here is a wrapper that
 * counts its launches, then runs the real Chromium.
 */
import assert from 'node:assert/strict'
import { chmodSync, copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { findChromium } from '../../src/browser/launch.ts'
import { SEED, tempDir } from '../helpers/paths.ts'
import { chapkhana } from '../helpers/tools.ts'

const project = tempDir('chapkhana-nobrowser-')
after(() => rmSync(project, { recursive: true, force: true }))

const launches = path.join(project, 'launches.txt')
const wrapper = path.join(project, 'counting-chromium')
const real = findChromium({})

describe('EPUB-only builds and the browser', () => {
  it('draws a new cover once, then rebuilds the EPUB without starting any browser', { skip: real ? false : 'no Chromium' }, () => {
    writeFileSync(wrapper, `#!/bin/sh\necho launch >> ${JSON.stringify(launches)}\nexec ${JSON.stringify(real)} "$@"\n`)
    chmodSync(wrapper, 0o755)
    const source = path.join(project, 'article.md')
    copyFileSync(SEED, source)
    const env = { PUPPETEER_EXECUTABLE_PATH: wrapper, SOURCE_DATE_EPOCH: '1764547200' }
    const count = (): number => (existsSync(launches) ? readFileSync(launches, 'utf8').split('\n').filter(Boolean).length : 0)
    const epub = path.join(project, 'out', 'article.epub')

    const first = chapkhana(['build', '--quiet', '--format', 'epub', '--out', 'out', source], { cwd: project, env })
    assert.equal(first.code, 0, first.stderr)
    assert.equal(count(), 1, 'the new cover was drawn in one browser')
    const bytes = readFileSync(epub)

    const again = chapkhana(['build', '--quiet', '--force', '--format', 'epub', '--out', 'out', source], { cwd: project, env })
    assert.equal(again.code, 0, again.stderr)
    assert.equal(count(), 1, 'no browser for a cover already drawn')
    assert.ok(readFileSync(epub).equals(bytes), 'the same EPUB, byte for byte')
  })
})
