/**
 * A cap on how deeply an article may nest lists, block quotes, emphasis,
 * links and raw HTML elements. The unified ecosystem walks trees by
 * recursion (mdast-util-to-hast, hast-util-from-parse5, unist-util-visit,
 * the XML serialiser…), so a hostile or broken article nested thousands deep
 * would overflow the stack; micromark is also quadratic on one line of
 * thousands of list markers. No book needs more than a handful of levels, so
 * past `MAX_NESTING` the article is refused with its position instead.
 *
 * Three checks, each where the depth first becomes visible:
 * - `checkSourceNesting`: container markers (`>`, `-`, `1.`) at the start of
 *   a line, before micromark spends seconds on them;
 * - `remarkNestingLimit`: the mdast tree, as the very first parse transform
 *   (before remark-gfm's recursive autolink transform can overflow);
 * - `rehypeRawNestingLimit`: the tags inside raw HTML, before rehype-raw
 *   turns them into (recursively converted) elements.
 */
import type { Root as HastRoot, Nodes as HastNodes } from 'hast'
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast'
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'

/** The deepest nesting chapkhana builds; far beyond any real article. */
export const MAX_NESTING = 100

const RULE = { ruleId: 'nesting-depth', source: 'chapkhana' } as const

/** What to say about `what` nested `depth` levels deep. */
export function nestingReason(what: string, depth: number): string {
  return `${what} nested ${depth} deep; chapkhana supports up to ${MAX_NESTING}: flatten the structure (a book never needs that many levels)`
}

/** The message for nesting `depth` levels deep at `place` (not yet on a file). */
export function nestingMessage(what: string, depth: number, place: Point | Position | undefined): VFileMessage {
  return new VFileMessage(nestingReason(what, depth), { ...(place ? { place } : {}), ...RULE })
}

/**
 * Fail `file` when a line opens more than `MAX_NESTING` block quotes or list
 * items at its start. An upper bound (a line of dashes may be a thematic
 * break), but only absurd lines reach it.
 */
export function checkSourceNesting(file: VFile): void {
  const text = String(file.value)
  let line = 1
  let start = 0
  while (start <= text.length) {
    const end = text.indexOf('\n', start)
    const stop = end === -1 ? text.length : end
    let depth = 0
    let i = start
    for (;;) {
      while (text[i] === ' ' || text[i] === '\t') i++
      const c = text[i]
      if (c === '>') i++
      else if ((c === '-' || c === '+' || c === '*') && /[ \t]/.test(text[i + 1] ?? '')) i += 2
      else {
        const m = /^\d{1,9}[.)][ \t]/.exec(text.slice(i, i + 11))
        if (!m) break
        i += m[0].length
      }
      depth++
      if (depth > MAX_NESTING) {
        // Count the rest only for the message.
        const rest = text.slice(i, stop).match(/(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])/g)?.length ?? 0
        const message = nestingMessage('Lists or block quotes', depth + rest, { line, column: i - start + 1 })
        message.file = file.path
        message.fatal = true
        file.messages.push(message)
        throw message
      }
    }
    if (end === -1) break
    start = end + 1
    line++
  }
}

// Nodes that open a level a reader sees. A list item belongs to its list's
// level; paragraphs, headings and table parts cannot nest in themselves.
const LEVELS = new Set(['blockquote', 'list', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteDefinition'])

/** The deepest level in `tree`, found without recursion, and where it starts. */
function deepest(tree: MdastRoot): { depth: number; place?: Point } {
  let best: { depth: number; place?: Point } = { depth: 0 }
  const stack: [MdastNodes, number][] = [[tree, 0]]
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, above] = item
    const depth = above + (LEVELS.has(node.type) ? 1 : 0)
    if (depth > best.depth) best = { depth, ...(node.position ? { place: node.position.start } : {}) }
    if ('children' in node) for (const child of node.children) stack.push([child, depth])
  }
  return best
}

/**
 * remark plugin (use it right after remark-parse, before remark-gfm): a
 * parse transform that throws a `nesting-depth` message, without a file —
 * `toHast` attaches it — when the tree is nested deeper than `MAX_NESTING`.
 */
export function remarkNestingLimit(this: { data(key: 'fromMarkdownExtensions'): unknown[] | undefined; data(key: 'fromMarkdownExtensions', value: unknown[]): void }): void {
  const extensions = this.data('fromMarkdownExtensions') ?? []
  this.data('fromMarkdownExtensions', extensions)
  extensions.unshift({
    transforms: [
      (tree: MdastRoot) => {
        const { depth, place } = deepest(tree)
        if (depth > MAX_NESTING) throw nestingMessage('Lists, block quotes, emphasis or links', depth, place)
      }
    ]
  })
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen'])
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g

/** The place of `offset` inside a raw node (or any text) that starts at `start`. */
export function placeIn(value: string, offset: number, start: Point | undefined): Point | undefined {
  if (!start) return undefined
  const before = value.slice(0, offset)
  const lines = before.split('\n')
  return lines.length === 1 ? { line: start.line, column: start.column + offset } : { line: start.line + lines.length - 1, column: (lines.at(-1)?.length ?? 0) + 1 }
}

/**
 * rehype plugin (use it before rehype-raw): fails the file when the elements
 * of the tree plus the tags still open in raw HTML nest deeper than
 * `MAX_NESTING`. Tags are matched by name, like a forgiving HTML parser.
 */
export function rehypeRawNestingLimit() {
  return (tree: HastRoot, file: VFile): void => {
    const open: string[] = []
    const stack: [HastNodes, number][] = [[tree, 0]]
    const children = (node: HastNodes): HastNodes[] => ('children' in node ? [...node.children].reverse() : [])
    for (let item = stack.pop(); item; item = stack.pop()) {
      const [node, depth] = item
      if (node.type === 'raw') {
        let deepest = 0
        let place: Point | undefined
        for (const m of node.value.matchAll(TAG)) {
          const name = m[2]?.toLowerCase()
          if (!name || VOID.has(name) || m[3] === '/') continue
          if (m[1] === '/') {
            const at = open.lastIndexOf(name)
            if (at !== -1) open.length = at
            continue
          }
          open.push(name)
          if (depth + open.length > deepest) deepest = depth + open.length
          if (deepest > MAX_NESTING && !place) place = placeIn(node.value, m.index ?? 0, node.position?.start) ?? { line: 1, column: 1 }
        }
        if (place) file.fail(nestingReason('HTML elements', deepest), { place, ...RULE })
      }
      const next = depth + (node.type === 'element' ? 1 : 0)
      for (const child of children(node)) stack.push([child, next])
    }
  }
}
