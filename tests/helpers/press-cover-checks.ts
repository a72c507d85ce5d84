/**
 * Checks of a press cover beyond the PDF/X-4 structure (`press-checks.ts`):
 * that its artwork really reaches the bleed edge and stops there, where its
 * text lies against the trim, and the resolution its images print at.
 */
import { execFileSync } from 'node:child_process'
import { pdfinfo, pdfWords } from './tools.ts'

/** `x1 y1 x2 y2` of a box of page 1, in points. */
function box(file: string, name: 'MediaBox' | 'BleedBox' | 'TrimBox'): number[] {
  return (pdfinfo(file, ['-box'])[name] ?? '').split(/\s+/).map(Number)
}

/** Page 1 of `file` rendered at `dpi` (the whole media box), as RGB pixels. */
function render(file: string, dpi: number): { width: number; height: number; at: (x: number, y: number) => [number, number, number] } {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file], { maxBuffer: 256 * 1024 * 1024 })
  // P6 <width> <height> <max> and one whitespace byte, then the pixels.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'))
  if (!header) throw new Error('pdftoppm wrote no PPM')
  const [width, height, start] = [Number(header[1]), Number(header[2]), header[0].length]
  const at = (x: number, y: number): [number, number, number] => {
    const i = start + (y * width + x) * 3
    return [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!]
  }
  return { width, height, at }
}

const white = ([r, g, b]: readonly number[]): boolean => r! > 240 && g! > 240 && b! > 240

/**
 * How the cover's ink meets the bleed edge, rendered at `dpi`: the share of
 * points one pixel inside the bleed box, along all four edges, that are paper
 * white (0 when the artwork fills the bleed), and the share one pixel outside
 * it, between the crop marks, that are inked (0 when it stops at the bleed).
 */
export function bleedEdge(file: string, dpi = 50): { whiteInside: number; inkedOutside: number; samples: number } {
  const media = box(file, 'MediaBox')
  const bleed = box(file, 'BleedBox')
  const page = render(file, dpi)
  const px = (pt: number): number => (pt * dpi) / 72
  // Pixel columns and rows of the bleed box's edges (y grows downwards in the image).
  const left = Math.ceil(px(bleed[0]! - media[0]!))
  const right = Math.floor(px(bleed[2]! - media[0]!)) - 1
  const top = Math.ceil(px(media[3]! - bleed[3]!))
  const bottom = Math.floor(px(media[3]! - bleed[1]!)) - 1
  const inside: [number, number][] = []
  const outside: [number, number][] = []
  // Along each edge, away from the corners (where the crop marks are).
  for (let t = 0.1; t <= 0.9; t += 0.02) {
    const x = Math.round(left + (right - left) * t)
    const y = Math.round(top + (bottom - top) * t)
    inside.push([x, top + 1], [x, bottom - 1], [left + 1, y], [right - 1, y])
    outside.push([x, top - 2], [x, bottom + 2], [left - 2, y], [right + 2, y])
  }
  const share = (points: [number, number][], test: (rgb: [number, number, number]) => boolean): number => points.filter(([x, y]) => test(page.at(x, y))).length / points.length
  return { whiteInside: share(inside, white), inkedOutside: share(outside, (c) => !white(c)), samples: inside.length }
}

/** The least distance, in points, from any word of page 1 to the trim edge (negative: a word crosses it). */
export function textMarginToTrim(file: string): number {
  const media = box(file, 'MediaBox')
  const trim = box(file, 'TrimBox')
  // pdftotext's boxes run from the media box's top left corner.
  const [left, top] = [trim[0]! - media[0]!, media[3]! - trim[3]!]
  const [right, bottom] = [left + trim[2]! - trim[0]!, top + trim[3]! - trim[1]!]
  const words = pdfWords(file, 1)
  if (words.length === 0) return Number.NaN
  return Math.min(...words.map((w) => Math.min(w.xMin - left, right - w.xMax, w.yMin - top, bottom - w.yMax)))
}

/** The rows of `pdfimages -list`: each image's size and its effective resolution on the page. */
export function imageResolutions(file: string): { width: number; height: number; xPpi: number; yPpi: number }[] {
  const rows = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim())
  // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
  return rows.map((l) => l.trim().split(/\s+/)).map((c) => ({ width: Number(c[3]), height: Number(c[4]), xPpi: Number(c[12]), yPpi: Number(c[13]) }))
}
