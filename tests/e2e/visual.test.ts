/**
 * Visual regression: a few printed pages rendered by poppler at 50 dpi in
 * grey (`pdftoppm -r 50 -gray`, PGM) and compared with the references kept,
 * gzipped, in tests/visual/. A small tolerance absorbs anti-aliasing noise; a
 * moved line, a lost verse column or a changed face does not pass.
 * `UPDATE_VISUAL=1` rewrites the references (look at them first:
 * `pdftoppm -r 70 -png`).
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { gunzipSync, gzipSync } from 'node:zlib'
import { ROOT } from '../helpers/paths.ts'
import { MUQTABAS_ARGS, SEED_ARGS, sharedBuild, sharedOut } from '../helpers/shared-build.ts'
import { pdftotext } from '../helpers/tools.ts'

const VISUAL = path.join(ROOT, 'tests', 'visual')
/** Mean absolute difference allowed, in grey levels (0–255). */
const MAX_MEAN = 1.5
/** Share of pixels allowed to differ by more than a quarter of the scale. */
const MAX_SHARE = 0.004

interface Gray {
  readonly width: number
  readonly height: number
  readonly pixels: Uint8Array
}

/** Parse a binary PGM (P5, 8 bits). */
function parsePgm(bytes: Uint8Array): Gray {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(Buffer.from(bytes.subarray(0, 40)).toString('latin1'))
  if (!header || header[3] !== '255') throw new Error('not an 8-bit binary PGM')
  const width = Number(header[1])
  const height = Number(header[2])
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) }
}

function renderPage(pdf: string, page: number): Uint8Array {
  return execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', String(page), '-l', String(page), pdf])
}

function compare(actual: Gray, expected: Gray): { mean: number; share: number } {
  assert.deepEqual([actual.width, actual.height], [expected.width, expected.height], 'page size in pixels')
  let sum = 0
  let far = 0
  for (let i = 0; i < actual.pixels.length; i++) {
    const d = Math.abs(actual.pixels[i]! - expected.pixels[i]!)
    sum += d
    if (d > 64) far++
  }
  return { mean: sum / actual.pixels.length, share: far / actual.pixels.length }
}

describe('visual regression (pdftoppm -r 50 -gray against tests/visual/)', () => {
  // The same builds print.test.ts and others read (shared-build.ts).
  const seed = path.join(sharedOut(SEED_ARGS), 'nato-coalition-leadership.pdf')
  const m29 = path.join(sharedOut(MUQTABAS_ARGS), 'al-muqtabas-issue-29.pdf')
  before(() => {
    for (const args of [SEED_ARGS, MUQTABAS_ARGS]) {
      const r = sharedBuild(args)
      assert.equal(r.code, 0, r.stderr)
    }
  })
  const versePage = () => {
    for (let page = 1; ; page++) if (pdftotext(m29, page).includes('ما طلبا')) return page
  }
  const cases: [string, () => string, () => number][] = [
    ['seed-page-1', () => seed, () => 1],
    ['seed-page-2', () => seed, () => 2],
    ['muqtabas-29-contents', () => m29, () => 3],
    ['muqtabas-29-verse', () => m29, versePage]
  ]
  for (const [name, pdf, page] of cases) {
    it(name, () => {
      const reference = path.join(VISUAL, `${name}.pgm.gz`)
      const actual = renderPage(pdf(), page())
      if (process.env.UPDATE_VISUAL || !existsSync(reference)) {
        mkdirSync(VISUAL, { recursive: true })
        // Fixed gzip header (no name, no time): the references repeat byte for byte.
        writeFileSync(reference, gzipSync(actual, { level: 9 }))
        if (!process.env.UPDATE_VISUAL) assert.fail(`no reference for ${name}: wrote ${reference}; look at it and commit it`)
      }
      const { mean, share } = compare(parsePgm(actual), parsePgm(gunzipSync(readFileSync(reference))))
      assert.ok(mean <= MAX_MEAN && share <= MAX_SHARE, `${name}: mean difference ${mean.toFixed(3)} (≤ ${MAX_MEAN}), ${(share * 100).toFixed(3)} % of pixels far off (≤ ${MAX_SHARE * 100} %)`)
    })
  }
})
