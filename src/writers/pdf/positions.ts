/**
 * Where a rendering put things, to the point: page and height on the page of
 * every named destination. Chromium writes a destination (`[page /XYZ x y
 * zoom]`) for every element an in-document link points to, hidden links
 * included, so a hidden list of links to the blocks, notes and markers the
 * layout needs to know about makes them all measurable.
 */
import { PDFNumber, type PDFDocument } from 'pdf-lib'
import { namedDestinations } from './destinations.ts'
import { loadPdf } from './pdf-lib.ts'

/** One destination: 1-based page, and `y` in points from the page's bottom (larger is higher). */
export interface Position {
  readonly page: number
  readonly y: number
}

/** Destination name (the element id) → its position. */
export type PositionMap = ReadonlyMap<string, Position>

/**
 * Every named destination of `bytes` with its page and height, and its page
 * count: one parse of the PDF, which it returns unchanged (a book's merge or
 * the finishing of an article takes it instead of parsing the bytes again).
 */
export async function landing(bytes: Uint8Array): Promise<{ positions: PositionMap; count: number; pdf: PDFDocument }> {
  const pdf = await loadPdf(bytes)
  const found = new Map<string, Position>()
  for (const { name, page, dest } of namedDestinations(pdf)) {
    const y = dest.get(3)
    if (y instanceof PDFNumber) found.set(name, { page, y: y.asNumber() })
  }
  return { positions: found, count: pdf.getPageCount(), pdf }
}

/** Every named destination of `bytes` with its page and height. */
export async function destinationPositions(bytes: Uint8Array): Promise<PositionMap> {
  return (await landing(bytes)).positions
}
