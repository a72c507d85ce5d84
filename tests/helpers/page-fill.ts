/**
 * How far short of its text block each page's text ends, read from the PDF
 * alone: the words `pdftotext -bbox` finds, and the destination of each block
 * of notes (`notes-at-…`, the top of the block, right after the page's
 * text), measured from the marker at the top of the first page's text block. A page's text may end as low as the top of its notes' rule, or the
 * bottom of the text block when it has no notes.
 */
import { readFileSync } from 'node:fs'
import { destinationPositions } from '../../src/writers/pdf/positions.ts'
import { pdfinfo, pdfWords } from './tools.ts'

/** A4 height, and the text block's top and bottom (24 mm margins), in points from the page's top. */
const PAGE_HEIGHT = 841.89
const BLOCK_TOP = (24 * 72) / 25.4
const BLOCK_BOTTOM = PAGE_HEIGHT - (24 * 72) / 25.4

/** One page's fill: the lowest text above the notes, and where the text could have gone down to. */
export interface PageFill {
  readonly page: number
  /** Points between the lowest word of the page's text and the lowest it could be (0 for a full page). */
  readonly short: number
  /** Whether the page has a block of notes at its foot. */
  readonly notes: boolean
}

/**
 * The fill of every page of `file`. With notes, the text could reach the top
 * of the lowest note's first line less a line of text's descent and the
 * rule's space (`ruleSpace`); without, the text block's bottom.
 */
export async function pageFills(file: string, ruleSpace = 22): Promise<PageFill[]> {
  const at = await destinationPositions(readFileSync(file))
  // Destinations are not at the page's own coordinates: measure them from the text block's top marker.
  const top = at.get('chapkhana-page-top')?.y
  if (top === undefined) throw new Error(`${file}: no chapkhana-page-top destination`)
  const areas = [...at].filter(([id]) => /^notes-at-/.test(id) && !id.endsWith('-end')).map(([, p]) => p)
  const pages = Number(pdfinfo(file).Pages)
  const fills: PageFill[] = []
  for (let page = 1; page <= pages; page++) {
    // Words of the text block only: the running head and the page number lie outside it.
    const words = pdfWords(file, page).filter((w) => w.yMin >= BLOCK_TOP - 2 && w.yMax <= BLOCK_BOTTOM + 2)
    const area = areas.filter((a) => a.page === page).sort((a, b) => a.y - b.y)[0]
    const areaTop = area ? BLOCK_TOP + (top - area.y) : undefined
    // A note's first line may start a little above the block's destination (its ascent): 6 pt of play.
    const text = words.filter((w) => areaTop === undefined || w.yMax <= areaTop - 6)
    const notes = areaTop === undefined ? [] : words.filter((w) => w.yMax > areaTop - 6)
    const lowest = Math.max(BLOCK_TOP, ...text.map((w) => w.yMax))
    const limit = notes.length > 0 ? Math.min(...notes.map((w) => w.yMin)) - ruleSpace : BLOCK_BOTTOM
    fills.push({ page, short: Math.max(0, limit - lowest), notes: notes.length > 0 })
  }
  return fills
}
