/**
 * Footnotes that cannot work are reported where they stand, instead of
 * printing `[^3]` literally (a reference without a definition is plain text
 * to GFM) or dropping a note nobody refers to (remark-rehype leaves unused
 * definitions out).
 */
import type { Root, Text } from 'mdast'
import type { Point } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

/** `[^label]` as GFM writes a footnote call; a backslash before `[` escapes it. */
const CALL = /(?<!\\)\[\^([^\]\s]+)\]/g

/** The point `index` characters after `start` in `text` (which begins at `start`). */
function pointAfter(start: Point, text: string, index: number): Point {
  const before = text.slice(0, index)
  const newline = before.lastIndexOf('\n')
  const lines = before.split('\n').length - 1
  return { line: start.line + lines, column: newline < 0 ? start.column + index : index - newline }
}

/** The attacher: no options. Adds warnings only; the tree is unchanged. */
export default function remarkFootnoteCheck() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value)
    const referenced = new Set<string>()
    visit(tree, 'footnoteReference', (node) => {
      referenced.add(node.identifier)
    })
    visit(tree, 'footnoteDefinition', (node) => {
      if (referenced.has(node.identifier)) return
      file.message(`The note \`[^${node.label ?? node.identifier}]\` is never referred to, so no edition prints it: add \`[^${node.label ?? node.identifier}]\` where it belongs in the text, or delete the note`, {
        place: node.position,
        ruleId: 'footnote-unused',
        source: 'chapkhana'
      })
    })
    const defined = new Set<string>()
    visit(tree, 'footnoteDefinition', (node) => {
      defined.add(node.identifier)
    })
    visit(tree, 'text', (node: Text) => {
      const start = node.position?.start
      const end = node.position?.end
      if (start?.offset === undefined || end?.offset === undefined) return
      // Read the source, not the value: an escaped `\[^1]` is the author's literal text.
      const raw = source.slice(start.offset, end.offset)
      for (const m of raw.matchAll(CALL)) {
        const label = m[1] ?? ''
        const hint = defined.has(label.toLowerCase())
          ? 'its note is defined, but the call is written where GFM cannot see it'
          : `add its note as a line \`[^${label}]: …\` below the paragraph`
        file.message(`The footnote reference \`[^${label}]\` has no note and would print literally: ${hint}, or write \`\\[^${label}]\` to keep the brackets`, {
          place: pointAfter(start, raw, m.index),
          ruleId: 'footnote-undefined',
          source: 'chapkhana'
        })
      }
    })
  }
}
