/**
 * What would not fit the printed text block, fitted and reported. Chromium
 * clips whatever is wider than the page without a word: a 12-column table
 * lost five columns, a 50,000-letter "word" kept 160 letters. Wide tables
 * are set smaller and may break inside words (`markWide`); overlong words
 * break across lines (print.css); each case, and images that would print
 * below 150 ppi, is reported as a warning at its place in the source
 * (`printWarnings`), so the author can do better than the fit.
 */
import { readFile } from 'node:fs/promises'
import type { Element, ElementContent, Root, Text } from 'hast'
import { imageSize } from 'image-size'
import { visit } from 'unist-util-visit'
import type { Point } from 'unist'
import { imageOf, type Edition } from '../../publication/edition.ts'
import { PAGE } from './page-css.ts'

/** Columns from which a table is set small, and smaller. */
export const WIDE_COLUMNS = 7
export const VERY_WIDE_COLUMNS = 10
/** Letters from which a word cannot fit one printed line (about 90 letters of 12 pt Amiri). */
export const LONG_WORD = 80
/** The least resolution an image should print at. */
export const MIN_PPI = 150
/** Width of the text block, in millimetres. */
const BLOCK_MM = 210 - PAGE.inner - PAGE.outer
const LONG = new RegExp(`[^\\s]{${LONG_WORD + 1},}`, 'u')
/**
 * The same pattern counting UTF-16 units: a run of letters is at least as
 * long in units as in code points, so a text it does not match has no
 * overlong word. It runs in less than half the time of the Unicode pattern,
 * and almost no text matches it: every text of a book is tested with it at
 * each rendering of its part.
 */
const LONG_UNITS = new RegExp(LONG.source)

/** Whether `value` holds a word too long for a printed line. */
export function hasOverlongWord(value: string): boolean {
  return LONG_UNITS.test(value) && LONG.test(value)
}

/** The number of columns of a table: its widest row, spans counted. */
export function columnsOf(table: Element): number {
  let widest = 0
  visit(table, 'element', (row: Element) => {
    if (row.tagName !== 'tr') return
    const cells = row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
    widest = Math.max(widest, cells.reduce((n, cell) => n + Math.max(1, Number(cell.properties.colSpan ?? 1) || 1), 0))
  })
  return widest
}

const hasLongWord = (node: Element): boolean => {
  let found = false
  visit(node, 'text', (text: Text) => {
    if (hasOverlongWord(text.value)) found = true
  })
  return found
}

/** Mark the tables of `nodes` that need setting small (`wide`, `very-wide`); returns how many. */
export function markWide(nodes: Root): number {
  let marked = 0
  visit(nodes, 'element', (node: Element) => {
    if (node.tagName !== 'table') return
    const columns = columnsOf(node)
    if (columns < WIDE_COLUMNS && !hasLongWord(node)) return
    const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : []
    // Each layout pass prints the same chapters again: mark once.
    if (classes.includes('wide')) return
    node.properties.className = [...classes, 'wide', ...(columns >= VERY_WIDE_COLUMNS ? ['very-wide'] : [])]
    marked++
  })
  return marked
}

/** Letters between the break opportunities put into an overlong word. */
const CHUNK = 40
const LONG_GLOBAL = new RegExp(LONG.source, 'gu')

/** `value` as text pieces with a `<wbr>` every `CHUNK` letters of its overlong words (never before a mark). */
function withBreaks(value: string): ElementContent[] {
  const out: ElementContent[] = []
  let from = 0
  for (const match of value.matchAll(LONG_GLOBAL)) {
    const letters = [...match[0]]
    let piece = value.slice(from, match.index)
    let count = 0
    for (let i = 0; i < letters.length; i++) {
      piece += letters[i]
      count++
      if (count >= CHUNK && i + 1 < letters.length && !/\p{M}/u.test(letters[i + 1]!)) {
        out.push({ type: 'text', value: piece }, { type: 'element', tagName: 'wbr', properties: {}, children: [] })
        piece = ''
        count = 0
      }
    }
    out.push({ type: 'text', value: piece })
    from = match.index + match[0].length
  }
  if (from < value.length) out.push({ type: 'text', value: value.slice(from) })
  return out
}

/**
 * Give every overlong word break opportunities (`<wbr>`, which adds no
 * character to the text layer): Chromium lays out a 50,000-letter word with
 * `overflow-wrap` alone so slowly that printing timed out.
 */
export function breakLongWords(nodes: Root): void {
  visit(nodes, 'text', (text: Text, index, parent) => {
    if (!parent || index === undefined || !hasOverlongWord(text.value)) return undefined
    const pieces = withBreaks(text.value)
    parent.children.splice(index, 1, ...(pieces as typeof parent.children))
    return index + pieces.length
  })
}

/** The place of `offset` inside a text node, when the source holds it verbatim. */
function placeIn(text: Text, offset: number): Point | undefined {
  const start = text.position?.start
  if (!start) return undefined
  const before = text.value.slice(0, offset)
  const lines = before.split('\n')
  return lines.length === 1 ? { line: start.line, column: start.column + offset } : { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 }
}

/** Natural pixel width of an image file, if its header says. */
async function pixelWidth(file: string): Promise<number | undefined> {
  try {
    return imageSize(await readFile(file)).width
  } catch {
    return undefined
  }
}

/**
 * Add to `edition.file` a warning for each wide table, overlong word and
 * image that would print below `MIN_PPI`, at its place in the source.
 */
export async function printWarnings(edition: Edition): Promise<void> {
  // In a book, positions are in the chapter files: the ids of chapter n's
  // nodes carry the prefix `c<n>-` (book-tree.ts), so follow them.
  let file = edition.file
  const warn = (reason: string, place: Point | undefined, ruleId: string, into = file): void => {
    into.message(reason, { ...(place ? { place } : {}), ruleId, source: 'chapkhana' })
  }
  const images: { node: Element; file: string; source: typeof file }[] = []
  visit(edition.tree, (node) => {
    const chapter = node.type === 'element' && typeof node.properties.id === 'string' ? /^c(\d+)-/.exec(node.properties.id) : null
    if (chapter) file = edition.chapters[Number(chapter[1]) - 1] ?? file
    if (node.type === 'text') {
      const match = hasOverlongWord(node.value) ? LONG.exec(node.value) : null
      if (match) warn(`A word of ${[...match[0]].length} letters is wider than a printed line: it is broken across lines. Add spaces where it may break, or set it as code`, placeIn(node, match.index), 'print-long-word')
      return
    }
    if (node.type !== 'element') return
    if (node.tagName === 'table') {
      const columns = columnsOf(node)
      if (columns >= VERY_WIDE_COLUMNS) warn(`A table of ${columns} columns is too wide for the page: it is printed in small type to fit. Split it, or turn it into a list`, node.position?.start, 'print-wide-table')
    }
    const image = node.tagName === 'img' ? imageOf(edition, node.properties.src) : undefined
    if (image) images.push({ node, file: image.file, source: file })
  })
  for (const { node, file: path, source } of images) {
    const px = await pixelWidth(path)
    if (!px) continue
    // CSS sets an image at 96 px to the inch (or its width attribute), never wider than the text block.
    const asked = Number(node.properties.width) || px
    const mm = Math.min((asked / 96) * 25.4, BLOCK_MM)
    const ppi = px / (mm / 25.4)
    if (ppi >= MIN_PPI) continue
    const need = Math.ceil((MIN_PPI * mm) / 25.4)
    warn(
      `Image ${JSON.stringify(String(node.properties.src))} is ${px} px wide and prints ${Math.round(mm)} mm wide at ${Math.round(ppi)} ppi, below ${MIN_PPI}: supply it at least ${need} px wide, or set it smaller`,
      node.position?.start,
      'print-low-resolution',
      source
    )
  }
}
