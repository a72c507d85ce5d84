/**
 * Markdown inside HTML blocks, parsed as pandoc does (its
 * `markdown_in_html_blocks`). Sorani documentation wraps its text in
 * `<div dir="rtl">…</div>`; when no blank line separates the tags from the
 * text, CommonMark makes the whole thing one raw HTML block and the
 * backticks, links and emphasis inside would print literally.
 *
 * A raw block whose first line is only the opening tag of a container
 * (`<div …>`, `<section>`, `<aside>`, …) and whose last line is only its
 * closing tag is split into the two tags and the Markdown between them,
 * parsed by the same processor (so with the same guards); rehype-raw joins
 * the tags around the parsed content again. Runs as a parse transform so
 * `build`, `lint` and `lint --fix` all see the same tree.
 *
 * A block inside a list or block quote (its source lines carry prefixes) is
 * left raw and marked; `rehype-report-html` then warns with its position.
 */
import type { Html, Nodes, Root, RootContent } from 'mdast'
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { visit } from 'unist-util-visit'
import { MAX_NESTING } from './nesting.ts'

const CONTAINERS = 'div|section|aside|article|blockquote|figure|details|header|footer|main|nav|center'
const BLOCK = new RegExp(`^(<(${CONTAINERS})(?:\\s(?:[^>"']|"[^"]*"|'[^']*')*)?>)[ \\t]*\\n([\\s\\S]*?)\\n([ \\t]*</\\2\\s*>)[ \\t]*$`, 'i')

/** What a parse needs: the processor's own `parse`. */
interface Parser {
  parse(text: string): unknown
}

let depth = 0

function shift(point: Point, lines: number, offset: number): Point {
  return { line: point.line + lines, column: point.column, ...(point.offset === undefined ? {} : { offset: point.offset + offset }) }
}

/** Move every position of `tree` by `lines` and `offset` (without recursion: trees may be deep). */
function move(tree: Root, lines: number, offset: number): void {
  const stack: Nodes[] = [tree]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.position) node.position = { start: shift(node.position.start, lines, offset), end: shift(node.position.end, lines, offset) }
    if ('children' in node) stack.push(...node.children)
  }
}

function rawAt(value: string, start: Point, end: Point): Html {
  return { type: 'html', value, position: { start, end } }
}

/** The nodes replacing `node`, or undefined to keep it. */
function expand(node: Html, parser: Parser): RootContent[] | undefined {
  const m = BLOCK.exec(node.value)
  const pos: Position | undefined = node.position
  if (!m || !pos) return undefined
  const [, open = '', , inner = '', close = ''] = m
  if (inner.trim() === '') return undefined
  const exact = pos.start.offset !== undefined && pos.end.offset !== undefined && pos.end.offset - pos.start.offset === node.value.length
  if (!exact || pos.start.column !== 1) {
    // Its lines had container prefixes stripped: positions inside would lie.
    node.data = { ...node.data, unparsedMarkdown: true } as Html['data']
    return undefined
  }
  // Inner line 1 is the source line after the opening tag's last line.
  const lineShift = pos.start.line - 1 + open.split('\n').length
  let tree: Root
  try {
    tree = parser.parse(inner) as Root
  } catch (error) {
    // A refusal from inside (nested too deep) names its place in the whole source.
    if (error instanceof VFileMessage && error.place) {
      const place = error.place
      error.place = 'start' in place ? { start: shift(place.start, lineShift, 0), end: shift(place.end, lineShift, 0) } : shift(place, lineShift, 0)
      error.line = (error.line ?? 1) + lineShift
    }
    throw error
  }
  if (tree.children.some((c) => c.type === 'yaml')) return undefined
  const startOffset = pos.start.offset ?? 0
  move(tree, lineShift, startOffset + node.value.indexOf(inner, open.length))
  const openEnd: Point = { line: pos.start.line, column: pos.start.column + open.length, offset: startOffset + open.length }
  const closeStart: Point = { line: pos.end.line, column: pos.end.column - close.length, offset: (pos.end.offset ?? 0) - close.length }
  return [rawAt(open, pos.start, openEnd), ...(tree.children as RootContent[]), rawAt(close.trimStart(), closeStart, pos.end)]
}

declare module 'mdast' {
  interface HtmlData {
    /** Set on a raw block whose Markdown could not be parsed (see `remark-html-blocks`). */
    unparsedMarkdown?: boolean
  }
}

// Backticks, links, emphasis or a list item: Markdown a reader would see as symbols.
const MARKDOWN = /`[^`\n]+`|\[[^\]\n]+\]\(|(?:^|\s)[*_]{1,2}\S|^\s*(?:[-*+]|\d+[.)])\s|^#{1,6}\s/m

/**
 * remark plugin: adds the parse transform, and warns (with the place) about
 * Markdown left inside a raw block it could not open. Use after remark-parse
 * and the nesting cap.
 */
export default function remarkHtmlBlocks(this: Parser & { data(key: 'fromMarkdownExtensions'): unknown[] | undefined; data(key: 'fromMarkdownExtensions', value: unknown[]): void }) {
  const parser: Parser = this
  const extensions = this.data('fromMarkdownExtensions') ?? []
  this.data('fromMarkdownExtensions', extensions)
  extensions.push({
    transforms: [
      (tree: Root) => {
        // Each level parses its own inside; past the nesting cap the raw
        // nesting guard refuses the file, so stop expanding there.
        if (depth >= MAX_NESTING) return
        depth++
        try {
          const stack: Nodes[] = [tree]
          for (let node = stack.pop(); node; node = stack.pop()) {
            if (!('children' in node)) continue
            const children = node.children as RootContent[]
            for (let i = children.length - 1; i >= 0; i--) {
              const child = children[i]
              if (child?.type === 'html') {
                const replaced = expand(child, parser)
                if (replaced) children.splice(i, 1, ...replaced)
              } else if (child) stack.push(child)
            }
          }
        } finally {
          depth--
        }
      }
    ]
  })
  return (tree: Root, file: VFile): void => {
    visit(tree, 'html', (node: Html) => {
      if (!node.data?.unparsedMarkdown || !MARKDOWN.test(node.value)) return
      file.message('Markdown inside this HTML block is printed as typed (the block sits in a list or block quote): move the block out, or write HTML (`<code>`, `<a href>`) inside it', {
        ...(node.position ? { place: node.position } : {}),
        ruleId: 'html-markdown',
        source: 'chapkhana'
      })
    })
  }
}
