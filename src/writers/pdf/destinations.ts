/**
 * Where a rendering put things: the pages of the PDF's named destinations.
 * Chromium writes one named destination (in the catalog's `/Dests`) for every
 * element an in-document link points to, so the table of contents, which
 * links to every chapter and section, tells us where each of them landed.
 */
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument } from 'pdf-lib'
import type { PageMap } from './toc.ts'
import { loadPdf } from './pdf-lib.ts'

/**
 * Every named destination of `pdf` with the 1-based page it points to and its
 * destination array (`[page /XYZ left top zoom]`), for the readers below.
 */
export function namedDestinations(pdf: PDFDocument): { name: string; page: number; dest: PDFArray }[] {
  const pageOf = new Map(pdf.getPages().map((page, i) => [page.ref.toString(), i + 1]))
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  const found: { name: string; page: number; dest: PDFArray }[] = []
  for (const [name, value] of dests?.entries() ?? []) {
    const dest = value instanceof PDFRef ? pdf.context.lookup(value) : value
    const target = dest instanceof PDFArray ? dest.get(0) : undefined
    const page = target instanceof PDFRef ? pageOf.get(target.toString()) : undefined
    // Names are written escaped (#xx) in the file; decodeText gives them back.
    if (page !== undefined && dest instanceof PDFArray) found.push({ name: name.decodeText(), page, dest })
  }
  return found
}

/** Destination name (the element id) → 1-based page number. */
export async function destinationPages(bytes: Uint8Array): Promise<PageMap> {
  const pdf = await loadPdf(bytes)
  return new Map(namedDestinations(pdf).map((d) => [d.name, d.page]))
}
