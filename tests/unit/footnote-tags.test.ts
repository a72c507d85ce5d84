/**
 * Notes at the page foot are tagged `Note` with unique ids: Chromium writes
 * them as `Aside` → `L` → `LI`; they become `Aside` → `Note` (no list left
 * around them), the continued part of a note joins its `Note`, other lists
 * keep their `LI`.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, type PDFRef } from 'pdf-lib'
import { tagFootNotes } from '../../src/writers/pdf/footnotes/tags.ts'
import { notesLang } from '../../src/writers/pdf/footnotes/types.ts'

async function taggedPdf(): Promise<{ pdf: PDFDocument; items: PDFRef[]; other: PDFRef }> {
  const pdf = await PDFDocument.create()
  pdf.addPage()
  const elem = (type: string, kids: PDFRef[]): PDFRef => pdf.context.register(pdf.context.obj({ Type: 'StructElem', S: type, K: kids, ...(type === 'Aside' ? { Lang: PDFString.of(notesLang('ckb')) } : {}) }))
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

  it('puts the notes directly in their Aside and joins a continued part to the note it continues', async () => {
    const pdf = await PDFDocument.create()
    pdf.addPage()
    const elem = (type: string, kids: PDFRef[]): PDFRef => pdf.context.register(pdf.context.obj({ Type: 'StructElem', S: type, K: kids, ...(type === 'Aside' ? { Lang: PDFString.of(notesLang('ar')) } : {}) }))
    const firstP = elem('P', [])
    const first = elem('LI', [firstP])
    const asideA = elem('Aside', [elem('L', [first])])
    const continued = elem('P', [])
    const second = elem('LI', [elem('P', [])])
    const asideB = elem('Aside', [continued, elem('L', [second])])
    const doc = elem('Document', [asideA, asideB])
    pdf.catalog.set(PDFName.of('StructTreeRoot'), pdf.context.obj({ Type: 'StructTreeRoot', K: doc }))
    assert.equal(tagFootNotes(pdf), 2)
    const kidsOf = (ref: PDFRef): string[] => pdf.context.lookup(ref, PDFDict).lookup(PDFName.of('K'), PDFArray).asArray().map(String)
    // Each Aside holds its Note itself; the L is gone.
    assert.deepEqual(kidsOf(asideA), [String(first)])
    assert.deepEqual(kidsOf(asideB), [String(second)])
    // The paragraph ahead of the second block's notes is the rest of the first note: one Note, two pages.
    assert.deepEqual(kidsOf(first), [String(firstP), String(continued)])
    assert.equal(String(pdf.context.lookup(continued, PDFDict).get(PDFName.of('P'))), String(first))
    assert.equal(String(pdf.context.lookup(first, PDFDict).get(PDFName.of('P'))), String(asideA))
    const ids = [first, second].map((ref) => (pdf.context.lookup(ref, PDFDict).get(PDFName.of('ID')) as PDFString).asString())
    assert.deepEqual(ids, ['note-1', 'note-2'])
  })

  it("leaves an author's own aside holding a list as a list, and gives chapkhana's note block its language back", async () => {
    const pdf = await PDFDocument.create()
    pdf.addPage()
    const elem = (type: string, kids: PDFRef[], lang?: string): PDFRef =>
      pdf.context.register(pdf.context.obj({ Type: 'StructElem', S: type, K: kids, ...(lang ? { Lang: PDFString.of(lang) } : {}) }))
    // The author's <aside><ul><li>…</li></ul></aside>, in the chapter's language or none, and chapkhana's notes.
    const authorItems = [elem('LI', []), elem('LI', [])]
    const authorList = elem('L', authorItems)
    const authorAside = elem('Aside', [authorList])
    const otherItem = elem('LI', [])
    const otherAside = elem('Aside', [elem('L', [otherItem])], 'ckb')
    const note = elem('LI', [])
    const notes = elem('Aside', [elem('L', [note])], notesLang('ckb'))
    pdf.catalog.set(PDFName.of('StructTreeRoot'), pdf.context.obj({ Type: 'StructTreeRoot', K: elem('Document', [authorAside, otherAside, notes]) }))
    assert.equal(tagFootNotes(pdf), 1)
    const type = (ref: PDFRef): string => String(pdf.context.lookup(ref, PDFDict).get(PDFName.of('S')))
    assert.deepEqual([...authorItems, otherItem].map(type), ['/LI', '/LI', '/LI'])
    assert.equal(type(authorList), '/L')
    assert.equal(type(note), '/Note')
    assert.equal((pdf.context.lookup(notes, PDFDict).get(PDFName.of('Lang')) as PDFString).asString(), 'ckb')
  })

  it('does nothing to an untagged PDF', async () => {
    const pdf = await PDFDocument.create()
    pdf.addPage()
    assert.equal(tagFootNotes(pdf), 0)
  })
})
