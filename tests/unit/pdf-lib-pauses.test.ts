/**
 * pdf-lib pauses for a `setTimeout(0)` (at least 1 ms, with nothing else to
 * do) every 100 objects it parses and every 50 it writes, unless told not
 * to. The layout loop parses every rendering, the merge every part, and the
 * last step saves the whole book: chapkhana's reading and writing of PDFs
 * must not wait on timers.
 */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { PDFDocument } from 'pdf-lib'
import { landing } from '../../src/writers/pdf/positions.ts'
import { destinationPages } from '../../src/writers/pdf/destinations.ts'
import { loadPdf, savePdf } from '../../src/writers/pdf/pdf-lib.ts'
import { ROOT } from '../helpers/paths.ts'

/** A PDF of `pages` pages (a few objects each: far more than 100 in all). */
async function manyObjects(pages = 400): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false })
  for (let i = 0; i < pages; i++) pdf.addPage([595, 842]).drawText(`page ${i + 1}`)
  return pdf.save({ useObjectStreams: false, objectsPerTick: Infinity })
}

/** How many timers `work` set while it ran (pdf-lib's pauses are `setTimeout(…, 0)`). */
async function timersDuring(work: () => Promise<unknown>): Promise<number> {
  const real = globalThis.setTimeout
  let count = 0
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
    count++
    return real(...args)
  }) as typeof setTimeout
  try {
    await work()
  } finally {
    globalThis.setTimeout = real
  }
  return count
}

describe('reading and writing PDFs', () => {
  it('reads a rendering without pausing between objects (positions, pages)', async () => {
    const bytes = await manyObjects()
    assert.equal(await timersDuring(() => landing(bytes)), 0)
    assert.equal(await timersDuring(() => destinationPages(bytes)), 0)
    assert.equal((await landing(bytes)).count, 400)
  })

  it('loads and saves without pausing, and saves the same bytes as pdf-lib at its own pace', async () => {
    const bytes = await manyObjects()
    let pdf: PDFDocument | undefined
    assert.equal(await timersDuring(async () => (pdf = await loadPdf(bytes))), 0)
    let fast: Uint8Array | undefined
    assert.equal(await timersDuring(async () => (fast = await savePdf(pdf!))), 0)
    const slow = await (await PDFDocument.load(bytes, { updateMetadata: false })).save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false })
    assert.deepEqual(Buffer.from(fast!), Buffer.from(slow))
  })

  it('every PDF chapkhana reads or writes goes through loadPdf and savePdf', () => {
    const src = path.join(ROOT, 'src')
    const offenders = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith(path.join('pdf', 'pdf-lib.ts')))
      .filter((f) => /PDFDocument\.load\(|\.save\(\{/.test(readFileSync(path.join(src, f), 'utf8')))
    assert.deepEqual(offenders, [])
  })
})
