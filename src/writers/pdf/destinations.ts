/**
 * Where a rendering put things: the pages of the PDF's named destinations.
 * Chromium writes one named destination (in the catalog's `/Dests`) for every
 * element an in-document link points to, so the table of contents, which
 * links to every chapter and section, tells us where each of them landed.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib'
import type { PageMap } from './toc.ts'

/** Destination name (the element id) → 1-based page number. */
export async function destinationPages(bytes: Uint8Array): Promise<PageMap> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  const pageOf = new Map(pdf.getPages().map((page, i) => [page.ref.toString(), i + 1]))
  const found = new Map<string, number>()
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  if (!dests) return found
  for (const [name, value] of dests.entries()) {
    const dest = value instanceof PDFRef ? pdf.context.lookup(value) : value
    const target = dest instanceof PDFArray ? dest.get(0) : undefined
    const page = target instanceof PDFRef ? pageOf.get(target.toString()) : undefined
    // Names are written escaped (#xx) in the file; decodeText gives them back.
    if (page !== undefined) found.set(name.decodeText(), page)
  }
  return found
}
