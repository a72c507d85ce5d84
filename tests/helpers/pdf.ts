/**
 * Reading a PDF's outline and named destinations with pdf-lib, as the print
 * tests compare them with the edition's headings and the table of contents.
 */
import { execFileSync } from 'node:child_process'
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

/** Named destinations of `file`: name → 1-based page. */
export async function pdfDests(file: string): Promise<Map<string, number>> {
  const { destinationPages } = await import('../../src/writers/pdf/destinations.ts')
  return new Map(await destinationPages(readFileSync(file)))
}

/** One link annotation: the named destination it jumps to and its box (PDF points, origin bottom left). */
export interface PdfLink {
  readonly dest: string
  readonly rect: readonly number[]
}

/** The internal links on each page of `file` (index 0 = page 1). */
export async function pdfLinks(file: string): Promise<PdfLink[][]> {
  const pdf = await PDFDocument.load(readFileSync(file))
  return pdf.getPages().map((page) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
    const links: PdfLink[] = []
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict)
      const dest = annot.get(PDFName.of('Dest'))
      const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray().map((n) => Number(n.toString())) ?? []
      if (dest instanceof PDFName) links.push({ dest: dest.decodeText(), rect })
    }
    return links
  })
}

/** Text of a region of page `page` (points from the top left), in logical order as plain `pdftotext` gives it. */
export function pdftotextRegion(file: string, page: number, region: { x: number; y: number; w: number; h: number }): string {
  const crop = ['-x', region.x, '-y', region.y, '-W', region.w, '-H', region.h].map((v) => (typeof v === 'number' ? String(Math.round(v)) : v))
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-r', '72', ...crop, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}
