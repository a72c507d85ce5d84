/**
 * Warns, with its position, about raw HTML whose text a browser would lose:
 * a tag missing its `>` or the space after an attribute value
 * (`<h2 id="x"Title</h2>` reads "Title" as attribute names, so the heading
 * comes out empty). Only reads the tree; use it before rehype-raw, while the
 * tags are still text.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { placeIn } from '../nesting.ts'

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?>/g
// A quoted value followed by anything but a space, `/` or `>`.
const GLUED = /=\s*("[^"]*"|'[^']*')(?=[^\s/>])/
// An attribute name with letters HTML never uses in names: text typed inside the tag.
const TEXT_AS_NAME = /\s([^\s"'>/=]*[^\x00-\x7f][^\s"'>/=]*)/

/** The attacher: no options. */
export default function rehypeReportHtml() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'raw', (node) => {
      for (const m of node.value.matchAll(TAG)) {
        const tag = m[0]
        const glued = GLUED.exec(tag)
        const text = glued ? undefined : TEXT_AS_NAME.exec(tag)
        if (!glued && !text) continue
        const name = m[1] ?? ''
        const at = (m.index ?? 0) + (glued ? glued.index + glued[0].length : (text?.index ?? 0) + 1)
        const place = placeIn(node.value, at, node.position?.start)
        const reason = glued
          ? `Malformed HTML: the tag <${name}> has no \`>\` or space after the attribute value ${glued[1] ?? ''}, so the text after it is read as attribute names and lost: close the tag (\`<${name} …${glued[1] ?? ''}>\`)`
          : `Malformed HTML: text inside the tag <${name}> (\`${(text?.[1] ?? '').slice(0, 40)}\`) is read as attribute names and lost: close the tag with \`>\` before the text`
        file.message(reason, { ...(place ? { place } : {}), ruleId: 'html-malformed', source: 'chapkhana' })
      }
    })
  }
}
