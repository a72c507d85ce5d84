/**
 * A paragraph with `---` right under it is a setext heading to CommonMark. In
 * real texts that is almost always a section break written without a blank
 * line: al-Muqtabas issue 60 has five, of 11 to 411 words, which became `<h2>`s
 * in the contents, the PDF outline and the running heads. A setext heading
 * that reads like a paragraph (more than `MAX_WORDS` words, or more than one
 * line) and whose underline is also a thematic break is turned back into the
 * paragraph and the break, with a warning at the underline saying how to
 * write either meaning explicitly. An `===` underline is no break, so a long
 * `===` heading is only warned about. ATX headings (`## …`) are never touched:
 * they are the author's explicit word.
 */
import type { Heading, Paragraph, Root, RootContent, ThematicBreak } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'

/** Longer than any heading in the corpora (the longest docs heading has 9 words). */
const MAX_WORDS = 10

/** The underline of a setext heading: the last line of its source. */
interface Underline {
  readonly line: number
  readonly column: number
  readonly offset: number
  /** Where the heading's text ends: the end of the line above the underline. */
  readonly textEnd: { line: number; column: number; offset: number }
  /** Whether the same line, on its own, is a thematic break (`---`, `- - -`). */
  readonly isBreak: boolean
}

/** The underline of `node` when it is a setext heading, else undefined. */
function underline(node: Heading, source: string): Underline | undefined {
  const start = node.position?.start
  const end = node.position?.end
  if (start?.offset === undefined || end?.offset === undefined) return undefined
  const raw = source.slice(start.offset, end.offset)
  if (/^#/.test(raw)) return undefined
  const lineStart = raw.lastIndexOf('\n') + 1
  const last = raw.slice(lineStart)
  const lead = /^[ \t]*/.exec(last)?.[0].length ?? 0
  const offset = start.offset + Math.max(0, lineStart - 1)
  const above = source.slice(source.lastIndexOf('\n', offset - 1) + 1, offset).replace(/\r$/, '')
  const textEnd = { line: end.line - 1, column: above.length + 1, offset: offset - (source.charAt(offset - 1) === '\r' ? 1 : 0) }
  return { line: end.line, column: lead + 1, offset: offset + 1 + lead, textEnd, isBreak: /^[ \t]*-[ \t]*-[ \t]*-[-\t ]*$/.test(last) }
}

/** The attacher: no options. */
export default function remarkSetextParagraph() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value)
    // Setext headings only stand at the top level or in containers; walk every parent.
    const walk = (parent: { children: RootContent[] }): void => {
      parent.children = parent.children.flatMap((child): RootContent[] => {
        if ('children' in child && child.type !== 'heading') walk(child as { children: RootContent[] })
        if (child.type !== 'heading' || child.depth > 2) return [child]
        const under = underline(child, source)
        if (!under) return [child]
        const words = toString(child).split(/\s+/).filter(Boolean).length
        const lines = under.line - (child.position?.start.line ?? under.line)
        if (words <= MAX_WORDS && lines <= 1) return [child]
        const turned = under.isBreak && child.depth === 2
        const what = lines > 1 ? `${lines} lines` : `${words} words`
        file.message(
          turned
            ? `A paragraph of ${what} with \`---\` right under it reads as a heading: it is printed as a paragraph and a section break. Put a blank line before \`---\` to say so, or write \`## …\` on one line if it is a heading`
            : `A heading of ${what} underlined with \`===\` looks like a paragraph: write \`# …\` on one line if it is a heading, or remove the \`===\` line`,
          { place: { line: under.line, column: under.column, offset: under.offset }, ruleId: 'heading-setext', source: 'chapkhana' }
        )
        if (!turned) return [child]
        const start = child.position?.start
        const paragraph: Paragraph = { type: 'paragraph', children: child.children, ...(start ? { position: { start, end: under.textEnd } } : {}) }
        const rule: ThematicBreak = { type: 'thematicBreak', position: { start: { line: under.line, column: under.column, offset: under.offset }, end: child.position?.end ?? { line: under.line, column: under.column } } }
        return [paragraph, rule]
      })
    }
    walk(tree)
  }
}
