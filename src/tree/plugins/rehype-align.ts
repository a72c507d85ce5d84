/**
 * Alignment as classes, never as `align`/`valign` attributes: those are not
 * HTML5, so EPUBCheck rejects them (RSC-005). GFM table columns (`|--:|`)
 * arrive as `align` from remark-rehype, and raw HTML may carry them too; the
 * stylesheets (`base.css`) set `.align-right { text-align: right }` and the
 * like, the same in the EPUB, the PDF and the reader page. Alignment stays
 * physical (left is left), as GitHub and pandoc render it.
 */
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'

const ALIGN = new Set(['left', 'right', 'center', 'justify'])
const VALIGN = new Set(['top', 'middle', 'bottom', 'baseline'])

function addClass(node: Element, name: string): void {
  const current = node.properties.className
  const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? String(current).split(/\s+/).filter(Boolean) : []
  if (!list.includes(name)) list.push(name)
  node.properties.className = list
}

/** The attacher: no options. Use after rehype-sanitize. */
export default function rehypeAlign() {
  return (tree: Root): void => {
    visit(tree, 'element', (node: Element) => {
      const { align, vAlign } = node.properties
      if (align !== undefined) {
        const value = String(align).toLowerCase()
        if (ALIGN.has(value)) addClass(node, `align-${value}`)
        delete node.properties.align
      }
      if (vAlign !== undefined) {
        const value = String(vAlign).toLowerCase()
        if (VALIGN.has(value)) addClass(node, `valign-${value}`)
        delete node.properties.vAlign
      }
    })
  }
}
