/**
 * Gives every heading a stable id (`h-1`, `h-2`, … in reading order, so the
 * same text always gets the same ids) and records the headings and the first
 * paragraph on `file.data` for the table of contents, outline and teaser.
 */
import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import type { HeadingEntry } from '../document/types.ts'

const HEADING = /^h([1-6])$/

/**
 * The text of `node` as prose: footnote reference numbers left out, so a
 * heading with a note reads «Title», not «Title 1», in contents and outlines.
 */
export function proseText(node: Element): string {
  const prose = structuredClone(node)
  visit(prose, 'element', (child: Element) => {
    if (child.tagName === 'sup') child.children = []
  })
  return toString(prose).replace(/\s+/g, ' ').trim()
}

/** The attacher: no options. */
export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile): void => {
    const headings: HeadingEntry[] = []
    let teaser = ''
    visit(tree, 'element', (node: Element, _index, parent) => {
      const match = HEADING.exec(node.tagName)
      // Headings inside the footnote section are labels, not chapters.
      if (match && !(parent && parent.type === 'element' && parent.properties.dataFootnotes !== undefined)) {
        if (node.properties.id === 'footnote-label') return
        const id = typeof node.properties.id === 'string' ? node.properties.id : `h-${headings.length + 1}`
        node.properties.id = id
        headings.push({ depth: Number(match[1]), id, text: proseText(node) })
      } else if (node.tagName === 'p' && teaser === '') {
        teaser = proseText(node)
      }
    })
    file.data.headings = headings
    file.data.teaser = teaser
  }
}
