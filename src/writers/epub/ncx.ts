/**
 * The EPUB 2 NCX, which Kobo and older reading systems still take their table
 * of contents from: nested like the nav (both come from `tocTree`), numbered
 * in reading order, with `dtb:depth` the depth of that nesting.
 */
import { tocTree, type TocEntry, type TocNode } from './nav.ts'

/** What the NCX template needs: the serialised `navPoint`s and their depth. */
export interface NcxMap {
  readonly navPoints: string
  readonly depth: number
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The nested `navPoint`s for `entries`, indented under `<navMap>`. */
export function ncxNavMap(entries: readonly TocEntry[]): NcxMap {
  let order = 0
  let deepest = 1
  const point = (node: TocNode, level: number): string => {
    order++
    deepest = Math.max(deepest, level)
    const pad = '  '.repeat(level + 1)
    const head = `${pad}<navPoint id="nav-${order}" playOrder="${order}"><navLabel><text>${escapeXml(node.entry.text)}</text></navLabel><content src="${escapeXml(node.entry.href)}"/>`
    if (node.children.length === 0) return `${head}</navPoint>\n`
    return `${head}\n${node.children.map((c) => point(c, level + 1)).join('')}${pad}</navPoint>\n`
  }
  const navPoints = tocTree(entries).map((n) => point(n, 1)).join('')
  return { navPoints, depth: deepest }
}
