/**
 * Where a rendering put things, to the point: page and height on the page of
 * every named destination. Chromium writes a destination (`[page /XYZ x y
 * zoom]`) for every element an in-document link points to, hidden links
 * included, so a hidden list of links to the blocks, notes and markers the
 * layout needs to know about makes them all measurable.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib'

/** One destination: 1-based page, and `y` in points from the page's bottom (larger is higher). */
export interface Position {
  readonly page: number
  readonly y: number
}

/** Destination name (the element id) → its position. */
export type PositionMap = ReadonlyMap<string, Position>

/** Every named destination of `bytes` with its page and height. */
export async function destinationPositions(bytes: Uint8Array): Promise<PositionMap> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  const pageOf = new Map(pdf.getPages().map((page, i) => [page.ref.toString(), i + 1]))
  const found = new Map<string, Position>()
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  if (!dests) return found
  for (const [name, value] of dests.entries()) {
    const dest = value instanceof PDFRef ? pdf.context.lookup(value) : value
    if (!(dest instanceof PDFArray)) continue
    const target = dest.get(0)
    const page = target instanceof PDFRef ? pageOf.get(target.toString()) : undefined
    const y = dest.get(3)
    if (page !== undefined && y instanceof PDFNumber) found.set(name.decodeText(), { page, y: y.asNumber() })
  }
  return found
}
