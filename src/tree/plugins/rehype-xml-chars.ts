/**
 * Last line of defence for well-formed XHTML: HTML character references in
 * raw HTML (`&#1;`, `&#x7F;` is fine) decode to characters XML cannot hold;
 * they are replaced with U+FFFD, with a warning at the element or text.
 * Text typed straight into the article was already cleaned when it was read.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { describeReplaced, toXmlText } from '../../util/xml-chars.ts'

/** The attacher: no options. */
export default function rehypeXmlChars() {
  return (tree: Root, file: VFile): void => {
    visit(tree, (node) => {
      const report = (result: ReturnType<typeof toXmlText>): void => {
        file.message(describeReplaced(result), { ...(node.position ? { place: node.position } : {}), ruleId: 'xml-chars', source: 'chapkhana' })
      }
      if (node.type === 'text' || node.type === 'comment') {
        const result = toXmlText(node.value)
        if (result.replaced > 0) {
          node.value = result.text
          report(result)
        }
      } else if (node.type === 'element') {
        for (const [key, value] of Object.entries(node.properties)) {
          const values = Array.isArray(value) ? value : [value]
          for (const v of values) {
            if (typeof v !== 'string') continue
            const result = toXmlText(v)
            if (result.replaced === 0) continue
            node.properties[key] = Array.isArray(value) ? value.map((x) => (typeof x === 'string' ? toXmlText(x).text : x)) : result.text
            report(result)
            break
          }
        }
      }
    })
  }
}
