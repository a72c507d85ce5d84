/**
 * Ink that no text accounts for, found on the rendered page: the tail of a
 * heading whose tall marks were painted at the foot of the page before it.
 * The text layer cannot show it (the glyphs belong to the next page), so the
 * page is rasterised with pdftoppm and compared with pdftotext's word boxes.
 */
import { execFileSync } from 'node:child_process'
import { pdfWords } from './tools.ts'

/** Bottom of the text block: A4 less the 24 mm bottom margin, in points. */
const BLOCK_BOTTOM = 841.89 - (24 * 72) / 25.4
const DPI = 72

/** Lowest word bottom of the text block on `page`, in points from the top (0 on an empty page). */
function lastTextBottom(file: string, page: number): number {
  let bottom = 0
  for (const word of pdfWords(file, page)) {
    // Only words wholly inside the block count: the page number lies below
    // it, and the clipped glyphs of a heading pushed to the next page cross it.
    if (word.yMax <= BLOCK_BOTTOM + 2) bottom = Math.max(bottom, word.yMax)
  }
  return bottom
}

/** Grey raster of `page` at 72 dpi: width, height and one byte per pixel. */
function raster(file: string, page: number): { width: number; height: number; pixels: Buffer } {
  const pgm = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(DPI), '-gray', file], { maxBuffer: 64 * 1024 * 1024 })
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))
  if (!header) throw new Error('pdftoppm did not write a PGM')
  return { width: Number(header[1]), height: Number(header[2]), pixels: pgm.subarray(header[0].length) }
}

/**
 * Points (x, y in points) of dark ink between the last whole line of text and
 * just below the foot of the text block of `page` (the page number is lower). Long horizontal rules (a table's or the
 * notes' border) are not stray: runs wider than 20 pt are skipped.
 */
export function strayInk(file: string, page: number): { x: number; y: number }[] {
  const from = lastTextBottom(file, page) + 4
  const { width, height, pixels } = raster(file, page)
  const found: { x: number; y: number }[] = []
  for (let y = Math.ceil((from * DPI) / 72); y < Math.min(height, Math.floor(((BLOCK_BOTTOM + 8) * DPI) / 72)); y++) {
    let run = 0
    for (let x = 0; x <= width; x++) {
      const dark = x < width && pixels[y * width + x]! < 160
      if (dark) run++
      else if (run > 0) {
        if (run < 20) found.push({ x: ((x - run) * 72) / DPI, y: (y * 72) / DPI })
        run = 0
      }
    }
  }
  return found
}
