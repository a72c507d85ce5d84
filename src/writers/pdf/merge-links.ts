/**
 * Links between the parts of a merged book: a part printed its links to ids
 * of other parts as URIs under `EXTERNAL_BASE` (`part-html.ts`); once every
 * part's named destinations are in the merged `/Dests`, each such link
 * becomes what Chromium writes for a link inside one document: `/Dest name`.
 */
import { PDFArray, PDFDict, PDFName, PDFString, PDFHexString, type PDFDocument } from 'pdf-lib'
import { externalTarget } from './part-html.ts'

/** Turn every external link of `pdf` into a link to its named destination; returns the ids that have none. */
export function resolvePartLinks(pdf: PDFDocument): string[] {
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  // The names as written in /Dests, by the id they decode to (ids may be any Unicode).
  const names = new Map((dests?.keys() ?? []).map((key) => [key.decodeText(), key]))
  const missing: string[] = []
  for (const page of pdf.getPages()) {
    for (const ref of page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []) {
      const annot = pdf.context.lookupMaybe(ref, PDFDict)
      const action = annot?.lookupMaybe(PDFName.of('A'), PDFDict)
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText()
      const id = uri === undefined ? undefined : externalTarget(uri)
      if (!annot || id === undefined) continue
      const dest = names.get(id)
      if (!dest) {
        missing.push(id)
        continue
      }
      annot.delete(PDFName.of('A'))
      annot.set(PDFName.of('Dest'), dest)
    }
  }
  return missing
}
