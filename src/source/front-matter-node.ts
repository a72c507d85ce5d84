/**
 * Where the YAML front matter is: found by remark-frontmatter itself, so the
 * document reader, the processor, proofing, `lint --fix` and the edition
 * tools agree on one extent (a block closed by `---` or by YAML's own
 * document end marker `...`), instead of each matching it with a pattern.
 */
import type { Root } from 'mdast'
import remarkFrontmatter, { type Options as FrontmatterOptions } from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

/**
 * remark-frontmatter's options for every chapkhana parser: YAML fenced by
 * `---`, and closed either by `---` or by `...`, the YAML end-of-document
 * marker that pandoc and YAML itself accept.
 */
export const FRONT_MATTER_OPTIONS: FrontmatterOptions = ['yaml', { type: 'yaml', fence: { open: '---', close: '...' } }]

/** The front matter block of a source, by offsets into that source. */
export interface FrontMatterExtent {
  /** The YAML text between the fences. */
  readonly value: string
  /** Offset of the first YAML character (the line after the opening `---`). */
  readonly valueStart: number
  /** Line (1-based) of the first YAML line. */
  readonly valueLine: number
  /** Offset just after the closing fence line (its line ending included). */
  readonly end: number
  /** Line (1-based) of the closing fence. */
  readonly closeLine: number
  /** Offset of the closing fence. */
  readonly closeStart: number
  /** The closing fence: `---` or `...`. */
  readonly close: '---' | '...'
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, FRONT_MATTER_OPTIONS).freeze()

/** A line that could close the block, per YAML: `---` or `...` alone. */
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/

/**
 * The front matter of `text` (LF or CRLF, no BOM), or undefined when it has
 * none. Only the lines up to the first possible closing fence are parsed:
 * front matter ends there, and a long or deeply nested text is not parsed a
 * second time before the nesting guards have seen it.
 */
export function frontMatterExtent(text: string): FrontMatterExtent | undefined {
  if (!text.startsWith('---')) return undefined
  // Walk line by line (a 10 MB text is not split into an array for this).
  let prefixEnd = -1
  for (let start = text.indexOf('\n') + 1; start > 0 && start < text.length; ) {
    const next = text.indexOf('\n', start)
    const end = next < 0 ? text.length : next + 1
    const fence = text.startsWith('---', start) || text.startsWith('...', start)
    if (fence && CLOSING.test(text.slice(start, next < 0 ? text.length : next).replace(/\r$/, ''))) {
      prefixEnd = end
      break
    }
    start = end
  }
  if (prefixEnd < 0) return undefined
  const tree: Root = parser.parse(text.slice(0, prefixEnd))
  const node = tree.children[0]
  if (node?.type !== 'yaml' || node.position?.end.offset === undefined) return undefined
  const firstBreak = text.indexOf('\n')
  const closeStart = text.lastIndexOf('\n', node.position.end.offset - 1) + 1
  const close = text.startsWith('...', closeStart) ? '...' : '---'
  return {
    value: node.value,
    valueStart: firstBreak + 1,
    valueLine: 2,
    end: prefixEnd,
    closeLine: node.position.end.line,
    closeStart,
    close
  }
}

/**
 * `text` with a front matter closed by `...` closed by `---` instead (same
 * length, so every offset, line and column stays true). The parsers after
 * the reader then see the block YAML sees, even when a `---` thematic break
 * follows further down, which a `...`-closing matter would run on to.
 */
export function canonicalFence(text: string): string {
  const extent = frontMatterExtent(text)
  if (extent?.close !== '...') return text
  return `${text.slice(0, extent.closeStart)}---${text.slice(extent.closeStart + 3)}`
}
