/**
 * Gives every heading a stable id (`h-1`, `h-2`, … in reading order, so the
 * same text always gets the same ids) and records the headings and the first
 * paragraph on `file.data` for the table of contents, outline and teaser.
 */
import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import type { HeadingEntry } from '../../types/document.ts'
import { cloneTree } from '../clone.ts'

const HEADING = /^h([1-6])$/

/**
 * The text of `node` as prose: footnote reference numbers left out, so a
 * heading with a note reads «Title», not «Title 1», in contents and outlines.
 */
export function proseText(node: Element): string {
  const prose = cloneTree(node)
  visit(prose, 'element', (child: Element) => {
    if (child.tagName === 'sup') child.children = []
  })
  return toString(prose).replace(/\s+/g, ' ').trim()
}

function hasImage(node: Element): boolean {
  let found = false
  visit(node, 'element', (child: Element) => {
    if (child.tagName === 'img') found = true
  })
  return found
}

/** The attacher: no options. */
export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile): void => {
    const headings: HeadingEntry[] = []
    let teaser = ''
    visit(tree, 'element', (node: Element, index, parent) => {
      const match = HEADING.exec(node.tagName)
      // Headings inside the footnote section are labels, not chapters.
      if (match && !(parent && parent.type === 'element' && parent.properties.dataFootnotes !== undefined)) {
        if (node.properties.id === 'footnote-label') return
        if (proseText(node) === '' && !hasImage(node)) {
          // An empty heading would be an empty entry in every table of
          // contents and outline (EPUBCheck: RSC-005); its id stays as an anchor.
          file.message('Empty heading: it has no text (a malformed tag may have swallowed it), so it is left out of the text and the tables of contents: write its text', {
            ...(node.position ? { place: node.position } : {}),
            ruleId: 'heading-empty',
            source: 'chapkhana'
          })
          const anchor: Element = { type: 'element', tagName: 'span', properties: typeof node.properties.id === 'string' ? { id: node.properties.id } : {}, children: [] }
          if (parent && index !== undefined) parent.children.splice(index, 1, ...(anchor.properties.id ? [anchor] : []))
          return index
        }
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
