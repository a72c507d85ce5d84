/**
 * Recognises classical Arabic-script verse and marks it up as verse. In the
 * sources chapkhana sets (al-Muqtabas and similar transcriptions) a line of
 * verse (bayt) is a one-line paragraph whose two half-lines (sadr / ʿajuz)
 * are separated by a run of three or more spaces:
 *
 *     ما كل يوم ينال المرءُ ما طلبا   ولا يسوغه المقدار ما وهبا
 *
 * Several bayts may also share a paragraph, one per line (consecutive lines
 * of the source, or lines ended by a hard break). Consecutive such paragraphs
 * become one poem:
 *
 *     <div class="verse"><p class="bayt"><span class="hemistich">…</span> <span class="hemistich">…</span></p>…</div>
 *
 * so every rendering (EPUB and print) can set the two hemistichs in two
 * aligned columns. Prose that merely contains a wide gap is left alone: both
 * halves must be short and of comparable length, like half-lines of a metre.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'

/** The gap between hemistichs in the sources. */
const GAP = / {3,}|\t+/
/** Limits measured on the al-Muqtabas corpus: hemistichs run 8–38 letters, prose halves far more. */
const MIN_HALF = 6
const MAX_HALF = 42

const isElement = (node: RootContent | ElementContent | undefined, tag?: string): node is Element =>
  node !== undefined && node.type === 'element' && (tag === undefined || node.tagName === tag)

const isBlank = (node: RootContent | ElementContent): boolean => node.type === 'text' && node.value.trim() === ''

function plausible(a: string, b: string): boolean {
  const [la, lb] = [a.trim().length, b.trim().length]
  if (la < MIN_HALF || lb < MIN_HALF || la > MAX_HALF || lb > MAX_HALF) return false
  // Hemistichs of one metre differ little; a ragged split is prose.
  if (la > 2 * lb || lb > 2 * la) return false
  // A half ending a sentence is prose, not verse.
  return !/[.!?؟]$/.test(a.trim())
}

/** Split `p` into two hemistichs, or `undefined` when it is not a bayt. */
export function splitBayt(p: Element): [ElementContent[], ElementContent[]] | undefined {
  const text = toString(p)
  if (/\n/.test(text.trim())) return undefined
  const gaps = text.trim().split(GAP)
  if (gaps.length !== 2 || !plausible(gaps[0]!, gaps[1]!)) return undefined
  // The gap must lie in a text node directly inside the paragraph.
  const at = p.children.findIndex((c) => c.type === 'text' && GAP.test(c.value))
  if (at < 0) return undefined
  const node = p.children[at] as Text
  const match = GAP.exec(node.value)!
  const before = node.value.slice(0, match.index)
  const after = node.value.slice(match.index + match[0].length)
  const first: ElementContent[] = [...p.children.slice(0, at), ...(before ? [{ type: 'text' as const, value: before }] : [])]
  const second: ElementContent[] = [...(after ? [{ type: 'text' as const, value: after }] : []), ...p.children.slice(at + 1)]
  return [trim(first, 'start'), trim(second, 'end')]
}

function trim(nodes: ElementContent[], side: 'start' | 'end'): ElementContent[] {
  const edge = side === 'start' ? nodes[0] : nodes.at(-1)
  if (edge?.type === 'text') edge.value = side === 'start' ? edge.value.trimStart() : edge.value.trimEnd()
  return nodes
}

function bayt(halves: [ElementContent[], ElementContent[]]): Element {
  const hemistich = (children: ElementContent[]): Element => ({ type: 'element', tagName: 'span', properties: { className: ['hemistich'] }, children })
  // The space keeps the two halves apart in text extraction and without CSS.
  return { type: 'element', tagName: 'p', properties: { className: ['bayt'] }, children: [hemistich(halves[0]), { type: 'text', value: ' ' }, hemistich(halves[1])] }
}

/**
 * The lines of a paragraph, cut at its soft line breaks (a newline in the
 * text) and hard ones (`<br>`), each as a paragraph of its own.
 */
function linesOf(p: Element): Element[] {
  const lines: ElementContent[][] = [[]]
  for (const child of p.children) {
    if (isElement(child, 'br')) lines.push([])
    else if (child.type === 'text' && child.value.includes('\n')) {
      child.value.split('\n').forEach((piece, i) => {
        if (i > 0) lines.push([])
        if (piece !== '') lines.at(-1)!.push({ type: 'text', value: piece })
      })
    } else lines.at(-1)!.push(child)
  }
  return lines.filter((line) => line.some((c) => !isBlank(c))).map((children) => ({ ...p, children }))
}

/**
 * The bayts of `p`: one for a one-line bayt, one per line when every line of
 * the paragraph is a bayt (a poem written on consecutive lines), else none.
 */
export function baytsOf(p: Element): [ElementContent[], ElementContent[]][] | undefined {
  const single = splitBayt(p)
  if (single) return [single]
  const lines = linesOf(p)
  if (lines.length < 2) return undefined
  const halves = lines.map(splitBayt)
  return halves.every((h) => h !== undefined) ? (halves as [ElementContent[], ElementContent[]][]) : undefined
}

/** Replace runs of bayt paragraphs in `parent` by verse blocks. */
function group(parent: Root | Element): void {
  const out: (RootContent & ElementContent)[] = []
  let poem: Element | undefined
  for (const child of parent.children as (RootContent & ElementContent)[]) {
    const bayts = isElement(child, 'p') ? baytsOf(child) : undefined
    if (bayts) {
      if (!poem) {
        poem = { type: 'element', tagName: 'div', properties: { className: ['verse'] }, children: [] }
        out.push(poem)
      }
      poem.children.push(...bayts.map(bayt))
    } else if (poem && isBlank(child)) {
      // Whitespace between two bayts stays inside the poem, not between poems.
      continue
    } else {
      poem = undefined
      out.push(child)
    }
  }
  parent.children = out as never
}

/** The attacher: no options. */
export default function rehypeVerse() {
  return (tree: Root): void => {
    group(tree)
    visit(tree, 'element', (node: Element) => {
      // Verse is quoted in block quotes too; footnotes stay prose.
      if (node.tagName === 'blockquote') group(node)
      if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) return 'skip'
      return undefined
    })
  }
}
