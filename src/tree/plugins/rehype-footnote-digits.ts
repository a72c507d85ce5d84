/**
 * Writes footnote reference numbers in the document's digits (١ ٢ ٣ in
 * Sorani and Arabic, ۱ ۲ ۳ in Persian): GFM always prints ASCII digits.
 */
import type { Element, Root } from 'hast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { localeOfFile } from '../../locale/index.ts'

/** The attacher: no options. */
export default function rehypeFootnoteDigits() {
  return (tree: Root, file: VFile): void => {
    const locale = localeOfFile(file)
    visit(tree, 'element', (node: Element) => {
      if (node.properties.dataFootnoteRef === undefined) return
      for (const child of node.children) if (child.type === 'text') child.value = locale.number(Number(child.value))
    })
  }
}
