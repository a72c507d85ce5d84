/**
 * Notes at the page foot are tagged `Note` with unique ids: Chromium writes
 * them as `Aside` → `L` → `LI`; other lists keep their `LI`.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PDFDict, PDFDocument, PDFName, PDFString, type PDFRef } from 'pdf-lib'
import { tagFootNotes } from '../../src/writers/pdf/footnotes/tags.ts'

async function taggedPdf(): Promise<{ pdf: PDFDocument; items: PDFRef[]; other: PDFRef }> {
  const pdf = await PDFDocument.create()
  pdf.addPage()
  const elem = (type: string, kids: PDFRef[]): PDFRef => pdf.context.register(pdf.context.obj({ Type: 'StructElem', S: type, K: kids }))
  const items = [elem('LI', []), elem('LI', [])]
  const other = elem('LI', [])
  const doc = elem('Document', [elem('L', [other]), elem('Aside', [elem('L', items)])])
  pdf.catalog.set(PDFName.of('StructTreeRoot'), pdf.context.obj({ Type: 'StructTreeRoot', K: doc }))
  return { pdf, items, other }
}

describe('footnote tags', () => {
  it('renames the list items of a note block to Note with an id, and leaves other lists alone', async () => {
    const { pdf, items, other } = await taggedPdf()
    assert.equal(tagFootNotes(pdf), 2)
    items.forEach((ref, i) => {
      const item = pdf.context.lookup(ref, PDFDict)
      assert.equal(item.get(PDFName.of('S')), PDFName.of('Note'))
      assert.equal((item.get(PDFName.of('ID')) as PDFString).asString(), `note-${i + 1}`)
    })
    assert.equal(pdf.context.lookup(other, PDFDict).get(PDFName.of('S')), PDFName.of('LI'))
  })

  it('does nothing to an untagged PDF', async () => {
    const pdf = await PDFDocument.create()
    pdf.addPage()
    assert.equal(tagFootNotes(pdf), 0)
  })
})
