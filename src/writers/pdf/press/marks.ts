/**
 * Crop marks: at each corner of the trim, two hairlines continuing the trim
 * edges outwards, starting beyond the bleed so that they are cut away and
 * never print on the page. They are painted in the registration colour
 * (`/Separation /All`), which a RIP puts on every printing plate.
 */
import { PDFArray, PDFName, type PDFContext, type PDFRef } from 'pdf-lib'

/** Millimetres to PostScript points. */
export const mm = (n: number): number => (n * 72) / 25.4

/** The press geometry in points. */
export const PRESS = {
  /** Bleed beyond the trim on every side. */
  bleed: mm(3),
  /** Gap between the bleed and the start of a mark. */
  gap: mm(2),
  /** Length of a mark. */
  length: mm(7),
  /** Hairline. */
  width: 0.25
} as const

/** Distance from the trim edge to the media edge. */
export const SLUG = PRESS.bleed + PRESS.gap + PRESS.length + mm(1)

/** Name under which the page resources know the registration colour. */
export const REGISTRATION = 'ChapkhanaRegistration'

/**
 * The registration colour space: all colourants at full strength, shown as
 * black (through the output intent's own profile, never a device space).
 */
export function registrationSpace(context: PDFContext, iccRef: PDFRef): PDFArray {
  const tint = context.obj({ FunctionType: 2, Domain: [0, 1], C0: [1, 1, 1], C1: [0, 0, 0], N: 1 })
  return context.obj([PDFName.of('Separation'), PDFName.of('All'), context.obj([PDFName.of('ICCBased'), iccRef]), tint])
}

const num = (n: number): string => n.toFixed(3)

/** Content-stream operators drawing the eight marks around a trim of `width` × `height`. */
export function cropMarks(width: number, height: number): string {
  const from = PRESS.bleed + PRESS.gap
  const to = from + PRESS.length
  const lines: [number, number, number, number][] = []
  for (const x of [0, width]) {
    for (const y of [0, height]) {
      const sx = x === 0 ? -1 : 1
      const sy = y === 0 ? -1 : 1
      lines.push([x + sx * from, y, x + sx * to, y]) // horizontal, on the trim line
      lines.push([x, y + sy * from, x, y + sy * to]) // vertical, on the trim line
    }
  }
  const path = lines.map(([x1, y1, x2, y2]) => `${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`).join('\n')
  return `q\n/${REGISTRATION} CS 1 SCN ${PRESS.width} w 0 J\n${path}\nQ\n`
}
