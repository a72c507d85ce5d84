/**
 * The size, in points, at which a PDF page really sets its text: the font
 * size of each text-showing operator times the scale of the current
 * transformation and text matrices. Chromium shrinks a whole document (or a
 * whole part of a book) to fit the page when anything in it is wider than
 * the text block; its text then prints smaller than the stylesheet says and
 * every line holds more words. Read with pdf-lib, content streams only (the
 * print never sets text in form XObjects).
 */
import { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, type PDFPage } from 'pdf-lib'
import { loadPdf } from '../../src/writers/pdf/pdf-lib.ts'

/** The page's content streams, decoded and joined. */
function contents(page: PDFPage): string {
  const value = page.node.get(PDFName.of('Contents'))
  const streams = value instanceof PDFArray ? value.asArray() : value ? [value] : []
  return streams
    .map((ref) => page.doc.context.lookup(ref))
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
    .map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString('latin1'))
    .join('\n')
}

// Strings, hex strings, arrays' brackets, dictionaries' brackets, names, numbers, operators.
const TOKEN = /\((?:\\.|[^\\)])*\)|<<|>>|<[0-9a-fA-F\s]*>|\[|\]|\/[^\s/<>[\]()]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+/g

/** The scale of a matrix [a b c d e f] along its first axis. */
const scaleOf = (m: readonly number[]): number => Math.hypot(m[0] ?? 0, m[1] ?? 0)

/** Glyphs a string operand shows: two bytes a glyph (Chromium writes Identity-H CIDs). */
function glyphs(token: string): number {
  if (token.startsWith('<')) return Math.max(1, Math.floor(token.replace(/[<>\s]/g, '').length / 4))
  return Math.max(1, Math.floor((token.length - 2) / 2))
}

/** The text of a page by the size (pt) it is set at: size → glyphs shown at that size. */
export function pageTextSizes(page: PDFPage): Map<number, number> {
  const sizes = new Map<number, number>()
  const stack: number[] = []
  let ctm = 1
  let font = 0
  let tm = 1
  let operands: number[] = []
  let shown = 0
  for (const token of contents(page).match(TOKEN) ?? []) {
    if (/^[-+.\d]/.test(token)) {
      operands.push(Number(token))
      continue
    }
    if (token.startsWith('(') || (token.startsWith('<') && token !== '<<')) shown += glyphs(token)
    if (!/^[A-Za-z'"*]+$/.test(token)) continue
    if (token === 'q') stack.push(ctm)
    else if (token === 'Q') ctm = stack.pop() ?? 1
    else if (token === 'cm') ctm *= scaleOf(operands.slice(-6))
    else if (token === 'Tf') font = operands.at(-1) ?? 0
    else if (token === 'Tm') tm = scaleOf(operands.slice(-6))
    else if (token === 'BT') tm = 1
    else if (['Tj', 'TJ', "'", '"'].includes(token)) {
      const size = Math.round(font * tm * ctm * 100) / 100
      sizes.set(size, (sizes.get(size) ?? 0) + shown)
    }
    operands = []
    shown = 0
  }
  return sizes
}

/** The size (pt) most glyphs of `sizes` are set at; 0 when there are none. */
export const mostUsed = (sizes: ReadonlyMap<number, number>): number => [...sizes].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0

/** Page by page, the sizes (pt) a PDF sets its text at, with the glyphs set at each. */
export async function textSizes(bytes: Uint8Array): Promise<Map<number, number>[]> {
  const pdf = await loadPdf(bytes)
  return pdf.getPages().map(pageTextSizes)
}

/** The size most of a PDF's text is set at (its body text), in pt. */
export function bodySize(pages: readonly ReadonlyMap<number, number>[]): number {
  const all = new Map<number, number>()
  for (const page of pages) for (const [size, n] of page) all.set(size, (all.get(size) ?? 0) + n)
  return mostUsed(all)
}
