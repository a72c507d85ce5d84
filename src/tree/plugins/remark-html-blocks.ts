/**
 * Markdown inside HTML blocks, parsed as pandoc does (its
 * `markdown_in_html_blocks`). Sorani documentation wraps its text in
 * `<div dir="rtl">…</div>`; when no blank line separates the tags from the
 * text, CommonMark makes the whole thing one raw HTML block and the
 * backticks, links and emphasis inside would print literally.
 *
 * A raw block is split into its lines of tags (`<div dir="rtl">`,
 * `<h2 id="x">…</h2>`, `</div>`), kept raw, and its lines of text, parsed as
 * Markdown by the same processor (so behind the same guards); rehype-raw
 * joins the tags around the parsed content again. Blocks holding `<pre>`,
 * scripts or comments over several lines are left whole. Runs as a parse
 * transform so `build`, `lint` and `lint --fix` all see the same tree.
 *
 * A block inside a list or block quote (its source lines carry prefixes) is
 * left raw and marked; `rehype-report-html` then warns with its position.
 */
import type { Html, Nodes, Root, RootContent } from 'mdast'
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { visit } from 'unist-util-visit'
import { MAX_NESTING } from '../nesting.ts'

// Raw text a browser must keep as it is, and comments over several lines: never split.
const OPAQUE = /<(?:pre|script|style|textarea)\b|<!--(?:(?!-->)[^])*\n/i
// A line that is only tags (and text between them): `<div dir="rtl">`, `<h2 id="x">Title</h2>`.
const TAG_LINE = /^\s*<[^]*>\s*$/
// Elements whose content is a line of text, not paragraphs: Markdown right after their opening tag is inline.
const PHRASING = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'span', 'a', 'em', 'strong', 'b', 'i', 'td', 'th', 'li', 'dt', 'dd', 'figcaption', 'caption', 'summary', 'label', 'small', 'sup', 'sub', 'q', 'cite', 'bdi'])

/** The element a segment of tags leaves open at its end, if its content is phrasing. */
function openPhrasing(tags: string): boolean {
  const last = [...tags.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g)].at(-1)
  return last !== undefined && last[1] === '' && last[3] === '' && PHRASING.has((last[2] ?? '').toLowerCase())
}

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
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}

function rawAt(value: string, start: Point, end: Point): Html {
  return { type: 'html', value, position: { start, end } }
}

/** Parse `text`, the lines from source line `line` (offset `offset`) on, into nodes placed there. */
function parseAt(parser: Parser, text: string, line: number, offset: number): RootContent[] | undefined {
  let tree: Root
  try {
    tree = parser.parse(text) as Root
  } catch (error) {
    // A refusal from inside (nested too deep) names its place in the whole source.
    if (error instanceof VFileMessage && error.place) {
      const place = error.place
      error.place = 'start' in place ? { start: shift(place.start, line - 1, offset), end: shift(place.end, line - 1, offset) } : shift(place, line - 1, offset)
      error.line = (error.line ?? 1) + line - 1
    }
    throw error
  }
  if (tree.children.some((c) => c.type === 'yaml')) return undefined
  move(tree, line - 1, offset)
  return tree.children
}

/**
 * The nodes replacing `node`, or undefined to keep it: its lines of tags stay
 * raw, its lines of text are parsed as Markdown (inline right after an
 * element like `<p>` or `<h2>`, whose content is a line of text).
 */
function expand(node: Html, parser: Parser): RootContent[] | undefined {
  const pos: Position | undefined = node.position
  // `<script>` written inside backticks is text, not a script.
  if (!pos || !node.value.includes('\n') || OPAQUE.test(node.value.replace(/`[^`\n]*`/g, ''))) return undefined
  const lines = node.value.split('\n')
  // A tag cut over two lines (`<div` / `class="x">`) would read as text.
  if (lines.some((l) => /^\s*<[^>]*$/.test(l))) return undefined
  if (lines.every((l) => TAG_LINE.test(l) || l.trim() === '') || lines.every((l) => !TAG_LINE.test(l))) return undefined
  const exact = pos.start.offset !== undefined && pos.end.offset !== undefined && pos.end.offset - pos.start.offset === node.value.length
  if (!exact || pos.start.column !== 1) {
    // Its lines had container prefixes stripped: positions inside would lie.
    node.data = { ...node.data, unparsedMarkdown: true } as Html['data']
    return undefined
  }
  const out: RootContent[] = []
  let at = 0
  let offset = pos.start.offset ?? 0
  while (at < lines.length) {
    const tags = TAG_LINE.test(lines[at] ?? '')
    let end = at
    while (end < lines.length && TAG_LINE.test(lines[end] ?? '') === tags) end++
    const text = lines.slice(at, end).join('\n')
    const line = pos.start.line + at
    const endPoint: Point = { line: line + (end - at) - 1, column: (lines[end - 1]?.length ?? 0) + 1, offset: offset + text.length }
    if (tags) out.push(rawAt(text, { line, column: 1, offset }, endPoint))
    else {
      const parsed = parseAt(parser, text, line, offset)
      if (!parsed) return undefined
      const previous = out.at(-1)
      const only = parsed.length === 1 ? parsed[0] : undefined
      // `<p>` then text: the text is the paragraph's, not a paragraph in it
      // (which would close the `<p>` and leave empty ones); a span holds it.
      if (only?.type === 'paragraph' && previous?.type === 'html' && openPhrasing(previous.value)) only.data = { ...only.data, hName: 'span' }
      for (const node of parsed) out.push(node)
    }
    // The line break between segments belongs to neither.
    offset += text.length + 1
    at = end
  }
  return out
}

declare module 'mdast' {
  interface HtmlData {
    /** Set on a raw block whose Markdown could not be parsed (see `remark-html-blocks`). */
    unparsedMarkdown?: boolean
  }
}

/** The text of a raw block a reader sees: no comments, code, scripts or tags. */
function proseOf(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(pre|code|script|style|textarea|kbd|samp)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
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
                if (replaced) {
                  // Not splice(i, 1, ...replaced): a block of 100,000 paragraphs is too many arguments for one call.
                  const tail = children.splice(i)
                  tail.shift()
                  for (const n of replaced) children.push(n)
                  for (const n of tail) children.push(n)
                }
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
      if (!MARKDOWN.test(proseOf(node.value))) return
      const why = node.data?.unparsedMarkdown ? 'the block sits in a list or block quote' : 'its text shares a line with a tag'
      file.message(`Markdown inside this HTML block is printed as typed (${why}): put the opening and closing tags on lines of their own, outside any list or block quote, or write HTML (\`<code>\`, \`<a href>\`) inside it`, {
        ...(node.position ? { place: node.position } : {}),
        ruleId: 'html-markdown',
        source: 'chapkhana'
      })
    })
  }
}
