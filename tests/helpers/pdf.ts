/**
 * Reading a PDF's outline and named destinations with pdf-lib, as the print
 * tests compare them with the edition's headings and the table of contents.
 */
import { readFileSync } from 'node:fs'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'

/** One outline entry: its title, nesting depth (1 = top) and 1-based page. */
export interface OutlineEntry {
  readonly title: string
  readonly depth: number
  readonly page: number
}

/** The outline of `file`, flattened in reading order. */
export async function pdfOutline(file: string): Promise<OutlineEntry[]> {
  const pdf = await PDFDocument.load(readFileSync(file))
  const pages = new Map(pdf.getPages().map((p, i) => [p.ref.toString(), i + 1]))
  const out: OutlineEntry[] = []
  const walk = (first: PDFDict | undefined, depth: number): void => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? ''
      const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray)?.get(0)
      out.push({ title, depth, page: dest instanceof PDFRef ? (pages.get(dest.toString()) ?? 0) : 0 })
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1)
    }
  }
  const root = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  walk(root?.lookupMaybe(PDFName.of('First'), PDFDict), 1)
  return out
}
