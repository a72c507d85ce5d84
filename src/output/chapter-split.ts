/**
 * Where a document's chapters begin, the one rule every rendering follows so
 * the EPUB's chapter files and the printed chapters are the same: one chapter
 * per top-level heading when there are at least two, else one chapter. The
 * notes sections are taken out first (an article has one, a book one per
 * chapter), for each rendering to place its own way.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'

/** A tree cut into chapter groups, with its notes sections apart. */
export interface TreeSplit {
  /** The root children of each chapter, in order (never empty: at least one group). */
  readonly groups: ElementContent[][]
  /** GFM's footnote sections, in order. */
  readonly notes: Element[]
  /** Depth of the headings chapters start at (0 when there are none). */
  readonly top: number
}

/** Is `node` an element (of `tag`, when given)? */
export const isElement = (node: RootContent | ElementContent, tag?: string): node is Element =>
  node.type === 'element' && (tag === undefined || node.tagName === tag)

/** The level of a heading element, 0 for anything else. */
export const depthOf = (node: RootContent | ElementContent): number => (isElement(node) && /^h[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : 0)

const isNotes = (node: RootContent): node is Element => isElement(node, 'section') && node.properties.dataFootnotes !== undefined

/** Cut `tree` (which the caller has cloned: its children are moved, not copied). */
export function splitTree(tree: Root): TreeSplit {
  const notes = tree.children.filter(isNotes)
  const body = tree.children.filter((n): n is ElementContent => !isNotes(n) && n.type !== 'doctype')
  const depths = body.map(depthOf).filter((d) => d > 0)
  const top = depths.length > 0 ? Math.min(...depths) : 0
  const split = top > 0 && depths.filter((d) => d === top).length >= 2
  const groups: ElementContent[][] = [[]]
  for (const node of body) {
    if (split && depthOf(node) === top && groups.at(-1)!.some((n) => n.type === 'element')) groups.push([])
    groups.at(-1)!.push(node)
  }
  return { groups, notes, top }
}
