/**
 * A note too long for the page of its reference: the part that fits prints
 * at the foot of that page, the rest at the foot of the next page (above that
 * page's own notes), and pages stay full. Built with the real CLI from the
 * fixture `tests/fixtures/long-note/` (a 40-line note cited low on page 1).
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString } from 'pdf-lib'
import { destinationPositions } from '../../src/writers/pdf/positions.ts'
import { pdfLinks } from '../helpers/pdf.ts'
import { CLI, ROOT, tempDir } from '../helpers/paths.ts'
import { pdfinfo, pdftotext, pdfWords } from '../helpers/tools.ts'

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'long-note', 'input.md')
/** Bottom of the A4 text block (24 mm bottom margin), points from the top. */
const BLOCK_BOTTOM = 841.89 - (24 * 72) / 25.4
/** One line of body text (1.8 × 12 pt) and a little: how short a full page may end. */
const SHORT = 3 * 22

/** Page text without bidi controls and with single spaces. */
const flat = (text: string): string => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ')

/** The structure elements under `elem`, with the PDF objects they are. */
function kids(pdf: PDFDocument, elem: PDFDict): PDFDict[] {
  const k = elem.get(PDFName.of('K'))
  const items = k instanceof PDFArray ? k.asArray() : k ? [k] : []
  return items.flatMap((item) => {
    const value = item instanceof PDFRef ? pdf.context.lookup(item) : item
    return value instanceof PDFDict && value.get(PDFName.of('S')) instanceof PDFName ? [value] : []
  })
}

/** Every structure element as [type, parent type, element]. */
function structure(pdf: PDFDocument): [string, string, PDFDict][] {
  const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
  const out: [string, string, PDFDict][] = []
  const walk = (elem: PDFDict, type: string): void => {
    for (const child of kids(pdf, elem)) {
      const s = child.lookup(PDFName.of('S'), PDFName).asString()
      out.push([s, type, child])
      walk(child, s)
    }
  }
  walk(root, '/StructTreeRoot')
  return out
}

describe('a note too long for its page', () => {
  it('starts at the foot of its reference page, continues at the foot of the next, one Note, pages full', async () => {
    const out = tempDir()
    const r = spawnSync(process.execPath, [CLI, 'build', '--format', 'pdf', '--out', out, FIXTURE], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 })
    assert.equal(r.status, 0, r.stderr.slice(-2000))
    assert.doesNotMatch(r.stderr, /did not settle/)
    const pdf = path.join(out, 'input.pdf')
    const at = await destinationPositions(readFileSync(pdf))
    const ref = at.get('fnref-long')
    const note = at.get('fn-long')
    assert.ok(ref && note, 'reference and note printed')
    assert.equal(note.page, ref.page, `cited on page ${ref.page}, note starts on page ${note.page}`)
    const here = flat(pdftotext(pdf, ref.page))
    const next = flat(pdftotext(pdf, ref.page + 1))
    assert.ok(here.includes('سەرەتای پەراوێزە درێژەکە'), `page ${ref.page} shows the note's first words`)
    assert.ok(!here.includes('کۆتایی پەراوێزە درێژەکە'), `page ${ref.page} does not show the note's last words`)
    assert.ok(next.includes('کۆتایی پەراوێزە درێژەکە'), `page ${ref.page + 1} shows the note's last words`)
    // The continued part sits at the foot of the next page: the note's end marker at the bottom of its text block.
    const end = at.get('fn-long-end')
    const bottom = (at.get('chapkhana-page-top')?.y ?? NaN) - (249 * 72) / 25.4
    assert.equal(end?.page, ref.page + 1, 'the note ends on the next page')
    assert.ok(Math.abs(end.y - bottom) < 24, `the note ends ${(end.y - bottom).toFixed(1)} pt from the foot of page ${end.page}`)
    // No page but the last ends more than a few lines short of its text block.
    const pages = Number(pdfinfo(pdf).Pages)
    for (let p = 1; p < pages; p++) {
      const bottom = Math.max(...pdfWords(pdf, p).filter((w) => w.yMax <= BLOCK_BOTTOM + 2).map((w) => w.yMax))
      assert.ok(BLOCK_BOTTOM - bottom < SHORT, `page ${p} ends ${(BLOCK_BOTTOM - bottom).toFixed(0)} pt above the foot of its text block`)
    }
    // Links both ways: reference → note and the note's label → reference, each on the reference's page.
    const links = await pdfLinks(pdf)
    assert.ok(links[ref.page - 1]!.some((l) => l.dest === 'fn-long'), 'the reference links to the note')
    assert.ok(links[ref.page - 1]!.some((l) => l.dest === 'fnref-long'), 'the note links back to its reference')
    // Tagged: the two parts are one Note (two notes in all), each Note directly in its Aside, ids unique.
    const doc = await PDFDocument.load(readFileSync(pdf))
    const elems = structure(doc)
    const notes = elems.filter(([s]) => s === '/Note')
    assert.equal(notes.length, 2, 'one Note for the long note, one for the short')
    for (const [, parent] of notes) assert.equal(parent, '/Aside')
    const ids = notes.map(([, , e]) => {
      const id = e.get(PDFName.of('ID'))
      return id instanceof PDFString || id instanceof PDFHexString ? id.decodeText() : ''
    })
    assert.equal(new Set(ids).size, 2)
    assert.ok(ids.every((id) => id !== ''))
    // Nothing left of a list around the notes.
    assert.ok(!elems.some(([s, parent]) => parent === '/Aside' && (s === '/L' || s === '/LI')), 'no list in a block of notes')
  })
})
