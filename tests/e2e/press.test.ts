/**
 * `chapkhana build --press` on the seed article: the regular PDF stays exact
 * A4 without marks, and beside it `<slug>-press.pdf` passes the structural
 * PDF/X-4 checks (boxes, output intent, XMP, trapping, fonts, colour).
 */
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { SEED, tempDir } from '../helpers/paths.ts'
import { pressProblems } from '../helpers/press-checks.ts'
import { chapkhana, pdfinfo, pdftotext } from '../helpers/tools.ts'

describe('build --press', () => {
  it('writes a PDF/X-4 press edition beside the unchanged regular PDF', () => {
    const out = tempDir()
    const r = chapkhana(['build', '--press', '--format', 'pdf', '--out', out, SEED])
    assert.equal(r.code, 0, r.stderr)
    const regular = path.join(out, 'nato-coalition-leadership.pdf')
    const press = path.join(out, 'nato-coalition-leadership-press.pdf')
    assert.ok(existsSync(press), r.stderr)
    assert.match(r.stderr, /wrote .*nato-coalition-leadership-press\.pdf/)
    const box = pdfinfo(regular, ['-box'])
    assert.equal(box.MediaBox, '0.00     0.00   595.28   841.89')
    assert.equal(box.BleedBox, box.MediaBox)
    assert.deepEqual(pressProblems(press, { title: 'گواستنەوەی سەرکردایەتی', lang: 'ckb' }), [])
    // Same pages, same text: the press file is the same edition.
    assert.equal(pdfinfo(press).Pages, pdfinfo(regular).Pages)
    assert.equal(pdftotext(press), pdftotext(regular))
  })
})
