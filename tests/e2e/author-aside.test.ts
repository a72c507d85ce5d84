/**
 * An author's own `<aside>` holding a list stays a list in the tagged PDF:
 * only chapkhana's blocks of notes at the page foot become `Aside` → `Note`
 * (they are marked by their language, `notesLang`). Built with the real CLI
 * from `tests/fixtures/author-aside/` (one note, one raw-HTML aside list).
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'
import { CLI, ROOT, tempDir } from '../helpers/paths.ts'

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'author-aside', 'input.md')

/** Every structure element as [type, parent type, its /Lang]. */
function structure(pdf: PDFDocument): [string, string, string][] {
  const out: [string, string, string][] = []
  const walk = (elem: PDFDict, type: string): void => {
    const k = elem.get(PDFName.of('K'))
    for (const item of k instanceof PDFArray ? k.asArray() : k ? [k] : []) {
      const child = item instanceof PDFRef ? pdf.context.lookup(item) : item
      if (!(child instanceof PDFDict) || !(child.get(PDFName.of('S')) instanceof PDFName)) continue
      const s = child.lookup(PDFName.of('S'), PDFName).asString()
      out.push([s, type, child.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText() ?? ''])
      walk(child, s)
    }
  }
  walk(pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict), '/StructTreeRoot')
  return out
}

describe("an author's aside", () => {
  it('keeps its list (L, LI) while the note at the page foot becomes a Note', async () => {
    const out = tempDir()
    const r = spawnSync(process.execPath, [CLI, 'build', '--format', 'pdf', '--out', out, FIXTURE], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 })
    assert.equal(r.status, 0, r.stderr.slice(-2000))
    const elems = structure(await PDFDocument.load(readFileSync(path.join(out, 'input.pdf'))))
    assert.equal(elems.filter(([s]) => s === '/Note').length, 1, 'one Note: the footnote')
    // Chromium tags an unlabelled aside inside a section as NonStruct, a labelled one as Aside: either way its list stays.
    assert.equal(elems.filter(([s]) => s === '/L').length, 1, "the author's list stays a list")
    assert.equal(elems.filter(([s, parent]) => s === '/LI' && parent === '/L').length, 2, 'with its two items')
    // The marking language is gone from the PDF: the block of notes is in the chapter's language.
    assert.ok(elems.every(([, , lang]) => !lang.includes('-x-')), 'no private-use language left')
  })
})
