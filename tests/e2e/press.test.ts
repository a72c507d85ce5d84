/**
 * `chapkhana build --press` on the seed article: the regular PDF stays exact
 * A4 without marks, and beside it `<slug>-press.pdf` and the press cover
 * `<slug>-press-cover.pdf` pass the structural PDF/X-4 checks (boxes, output
 * intent, XMP, trapping, fonts, colour); the cover's ink reaches the bleed
 * edge, its text stays inside the trim, and an author's own cover image is
 * placed over the bleed and told about when it would print coarse.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { encode } from 'fast-png'
import { SEED, tempDir } from '../helpers/paths.ts'
import { pressProblems } from '../helpers/press-checks.ts'
import { bleedEdge, imageResolutions, textMarginToTrim } from '../helpers/press-cover-checks.ts'
import { chapkhana, pdffonts, pdfinfo, pdftotext } from '../helpers/tools.ts'

const mm = (n: number): number => (n * 72) / 25.4
/** The trailer's file identifier. */
const fileId = (file: string): string => /\/ID \[ ?(\([^)]*\)|<[0-9a-f]+>)/.exec(execFileSync('qpdf', ['--show-object=trailer', file], { encoding: 'utf8' }))?.[1] ?? ''

describe('build --press', () => {
  it('writes a PDF/X-4 press edition and its cover beside the unchanged regular PDF', () => {
    const out = tempDir()
    const r = chapkhana(['build', '--press', '--format', 'pdf', '--out', out, SEED])
    assert.equal(r.code, 0, r.stderr)
    const regular = path.join(out, 'nato-coalition-leadership.pdf')
    const press = path.join(out, 'nato-coalition-leadership-press.pdf')
    const cover = path.join(out, 'nato-coalition-leadership-press-cover.pdf')
    assert.ok(existsSync(press), r.stderr)
    assert.match(r.stderr, /wrote .*nato-coalition-leadership-press\.pdf/)
    assert.match(r.stderr, /wrote .*nato-coalition-leadership-press-cover\.pdf/)
    const box = pdfinfo(regular, ['-box'])
    assert.equal(box.MediaBox, '0.00     0.00   595.28   841.89')
    assert.equal(box.BleedBox, box.MediaBox)
    assert.deepEqual(pressProblems(press, { title: 'گواستنەوەی سەرکردایەتی', lang: 'ckb' }), [])
    // Same pages, same text: the press file is the same edition.
    assert.equal(pdfinfo(press).Pages, pdfinfo(regular).Pages)
    assert.equal(pdftotext(press), pdftotext(regular))

    // The cover: one PDF/X-4 page, drawn as vector text in the embedded book face, no raster to print coarse.
    assert.deepEqual(pressProblems(cover, { title: 'گواستنەوەی سەرکردایەتی', lang: 'ckb' }), [])
    assert.equal(pdfinfo(cover).Pages, '1')
    assert.match(pdftotext(cover), /گواستنەوەی/)
    assert.ok(pdffonts(cover).some((f) => f.name.includes('Amiri')), 'the cover sets its text in Amiri')
    assert.deepEqual(imageResolutions(cover), [])
    // Its ink runs to the bleed edge on all four sides and stops there (nothing between the crop marks).
    assert.deepEqual(bleedEdge(cover), { whiteInside: 0, inkedOutside: 0, samples: 160 })
    // Every letter at least 10 mm inside the trim: the cut may wander without touching the text.
    assert.ok(textMarginToTrim(cover) >= mm(10), `text ${textMarginToTrim(cover)} pt from the trim`)
    // Its own file identifier, not the interior's: another document of the same edition.
    assert.notEqual(fileId(cover), fileId(press))
    assert.notEqual(fileId(cover), '')
    // The interior is no cover: its pages stay white at the bleed edge, so the check can tell.
    assert.equal(bleedEdge(press).whiteInside, 1)
  })

  it('places an own cover image over the bleed and warns when it would print below 250 ppi', () => {
    const dir = tempDir()
    mkdirSync(path.join(dir, 'content'))
    // 600 × 800 pixels of flat red, wider than the bleed box's 216 × 303 mm: scaled to its height
    // (800 px over 303 mm, 67 ppi) and cropped at the sides, as CSS `object-fit: cover`.
    const [width, height] = [600, 800]
    const data = new Uint8Array(width * height * 3)
    for (let i = 0; i < data.length; i += 3) data.set([200, 30, 40], i)
    writeFileSync(path.join(dir, 'content', 'cover.png'), encode({ width, height, data, channels: 3, depth: 8 }))
    writeFileSync(path.join(dir, 'content', 'own.md'), '---\ntitle: "بەرگی خۆی"\nlang: ckb\ndate: 2026-11-24\ncover: cover.png\n---\n\nدەقێکی کورت.\n')
    const out = path.join(dir, 'out')
    const r = chapkhana(['build', '--press', '--format', 'pdf', '--out', out, path.join('content', 'own.md')], { cwd: dir })
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /prints at 67 ppi on the press cover, below the 250 ppi.*press-cover-resolution/)
    const cover = path.join(out, 'own-press-cover.pdf')
    assert.deepEqual(pressProblems(cover, { title: 'بەرگی خۆی', lang: 'ckb' }), [])
    const [image, ...more] = imageResolutions(cover)
    assert.equal(more.length, 0)
    assert.deepEqual({ width: image?.width, height: image?.height, xPpi: image?.xPpi }, { width, height, xPpi: 67 })
    assert.deepEqual(bleedEdge(cover), { whiteInside: 0, inkedOutside: 0, samples: 160 })
  })
})
