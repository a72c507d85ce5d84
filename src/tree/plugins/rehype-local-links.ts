/**
 * A book is one closed file: a relative link to a file outside it (for
 * example the `…TEIP5.xml` neighbours of the al-Muqtabas issues) would point
 * nowhere in an EPUB or PDF. Such links are unwrapped, keeping their text,
 * with a warning that says how to keep a link readers can follow.
 */
import type { Element, ElementContent, Root } from 'hast'
import type { VFile } from 'vfile'
import { visit, SKIP } from 'unist-util-visit'

/** The attacher: no options. */
export default function rehypeLocalLinks() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'a' || !parent || index === undefined) return undefined
      const href = node.properties.href
      if (typeof href !== 'string' || href === '' || href.startsWith('#') || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) return undefined
      file.message(`Link to ${JSON.stringify(href)} removed (its text is kept): a book cannot link to files outside it. Use a full https:// address if readers should follow it`, {
        ...(node.position ? { place: node.position } : {}),
        ruleId: 'link-outside-book',
        source: 'chapkhana'
      })
      parent.children.splice(index, 1, ...(node.children as ElementContent[]))
      return [SKIP, index]
    })
  }
}
