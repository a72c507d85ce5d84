/**
 * Reading a PDF's outline and named destinations with pdf-lib, as the print
 * tests compare them with the edition's headings and the table of contents.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'
import { loadPdf } from '../../src/writers/pdf/pdf-lib.ts'
import { perDocument } from './tools.ts'

/** One outline entry: its title, nesting depth (1 = top) and 1-based page. */
export interface OutlineEntry {
  readonly title: string
  readonly depth: number
  readonly page: number
}

/** The outline of `file`, flattened in reading order. */
export async function pdfOutline(file: string): Promise<OutlineEntry[]> {
  const pdf = await loadPdf(readFileSync(file))
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

const destCache = new Map<string, { stamp: string; value: Promise<[string, number][]> }>()

/**
 * Named destinations of `file`: name → 1-based page. Read once while the
 * file is the same (parsing a 60-page PDF costs about a second of CPU, and
 * the print tests ask again in each test).
 */
export async function pdfDests(file: string): Promise<Map<string, number>> {
  const read = async (): Promise<[string, number][]> => {
    const { destinationPages } = await import('../../src/writers/pdf/destinations.ts')
    return [...(await destinationPages(readFileSync(file)))]
  }
  return new Map(await perDocument(destCache, file, read))
}

/** One link annotation: the named destination it jumps to and its box (PDF points, origin bottom left). */
export interface PdfLink {
  readonly dest: string
  readonly rect: readonly number[]
}

const linkCache = new Map<string, { stamp: string; value: Promise<PdfLink[][]> }>()

/** The internal links on each page of `file` (index 0 = page 1), read once while the file is the same. */
export async function pdfLinks(file: string): Promise<PdfLink[][]> {
  return (await perDocument(linkCache, file, () => readLinks(file))).map((onPage) => [...onPage])
}

async function readLinks(file: string): Promise<PdfLink[][]> {
  const pdf = await loadPdf(readFileSync(file))
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

const regions = new Map<string, { stamp: string; value: string[] }>()

/**
 * Text of a region of page `page` (points from the top left), in logical
 * order as plain `pdftotext` gives it. The same region of every page comes
 * from one run over the whole document (pdftotext crops each page alike and
 * ends each with a form feed), kept while the file is the same.
 */
export function pdftotextRegion(file: string, page: number, region: { x: number; y: number; w: number; h: number }): string {
  const crop = ['-x', region.x, '-y', region.y, '-W', region.w, '-H', region.h].map((v) => (typeof v === 'number' ? String(Math.round(v)) : v))
  const pages = perDocument(
    regions,
    file,
    () => execFileSync('pdftotext', ['-r', '72', ...crop, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).split('\f'),
    crop.join(' ')
  )
  return `${pages[page - 1] ?? ''}\f`
}
