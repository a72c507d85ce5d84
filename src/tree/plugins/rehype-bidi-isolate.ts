/**
 * Isolates runs of the other direction inside a text, so neighbouring
 * punctuation and digits never jump sides: in a right-to-left document every
 * Latin-script run (names, acronyms, URLs, paths, phrases: see `latin-runs.ts`)
 * becomes `<span dir="ltr" lang=…>`, and code gets `dir="ltr"`. The
 * direction is the document's own (`file.data.dir`): each book chapter goes
 * through here as a document of its own, in its own language.
 */
import type { Element, ElementContent, Root, Text } from 'hast'
import type { VFile } from 'vfile'
import { visitParents } from 'unist-util-visit-parents'
import { latinRuns, wholeRun } from '../latin-runs.ts'

/** Options: the language given to isolated Latin runs (e.g. `en`). */
export interface BidiOptions {
  readonly latinLang: string
}

const SKIP = new Set(['code', 'pre', 'bdi', 'bdo', 'script', 'style', 'kbd', 'samp', 'math', 'svg'])

// Blocks whose only text, when all Latin, is one sentence with its own punctuation.
const BLOCKS = new Set(['p', 'td', 'th', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd', 'figcaption', 'caption', 'blockquote'])

function split(text: string, lang: string, alone: boolean): ElementContent[] | undefined {
  const whole = alone ? wholeRun(text) : undefined
  const runs = whole ? [whole] : latinRuns(text)
  if (runs.length === 0) return undefined
  const out: ElementContent[] = []
  let last = 0
  for (const run of runs) {
    if (run.index > last) out.push({ type: 'text', value: text.slice(last, run.index) })
    out.push({ type: 'element', tagName: 'span', properties: { dir: 'ltr', lang }, children: [{ type: 'text', value: run.text }] })
    last = run.index + run.text.length
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) })
  return out
}

/** The attacher. */
export default function rehypeBidiIsolate(options: BidiOptions) {
  if (!options || typeof options.latinLang !== 'string') throw new TypeError('rehypeBidiIsolate: option `latinLang` must be a language tag')
  const { latinLang } = options
  return (tree: Root, file: VFile): void => {
    if (file.data.dir !== 'rtl') return
    visitParents(tree, (node, ancestors) => {
      if (node.type === 'element') {
        const el = node as Element
        if ((el.tagName === 'code' || el.tagName === 'pre') && el.properties.dir === undefined) el.properties.dir = 'ltr'
        // A right-to-left wrapper (`<div dir="rtl">`) is walked like the body;
        // an element already set left-to-right or auto is isolated as it is.
        return SKIP.has(el.tagName) || (el.properties.dir !== undefined && el.properties.dir !== 'rtl') ? 'skip' : undefined
      }
      if (node.type !== 'text') return undefined
      const parent = ancestors.at(-1)
      if (!parent || !('children' in parent)) return undefined
      const alone = parent.type === 'element' && BLOCKS.has(parent.tagName) && parent.children.length === 1
      const parts = split((node as Text).value, latinLang, alone)
      if (!parts) return undefined
      const index = parent.children.indexOf(node as Text)
      parent.children.splice(index, 1, ...(parts as typeof parent.children))
      return index + parts.length
    })
  }
}
