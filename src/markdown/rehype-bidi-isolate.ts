/**
 * Isolates runs of the other direction inside a text, so neighbouring
 * punctuation and digits never jump sides: in a right-to-left document every
 * Latin-script run (names, acronyms, URLs) becomes `<span dir="ltr" lang=…>`,
 * and code gets `dir="ltr"`. The document direction comes from `file.data`.
 */
import type { Element, ElementContent, Root, Text } from 'hast'
import type { VFile } from 'vfile'
import { visitParents } from 'unist-util-visit-parents'

/** Options: the language given to isolated Latin runs (e.g. `en`). */
export interface BidiOptions {
  readonly latinLang: string
}

// A Latin run: starts and ends with a Latin letter or ASCII digit, and may hold
// spaces and the punctuation found inside names, URLs and versions.
const LATIN_RUN = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF](?:[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF'’._\-/:@&+#%=?~]|\s+(?=[A-Za-z0-9\u00C0-\u024F]))*[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF/]|[A-Za-z]/g
const SKIP = new Set(['code', 'pre', 'bdi', 'bdo', 'script', 'style', 'kbd', 'samp', 'math', 'svg'])

function split(text: string, lang: string): ElementContent[] | undefined {
  LATIN_RUN.lastIndex = 0
  if (!LATIN_RUN.test(text)) return undefined
  LATIN_RUN.lastIndex = 0
  const out: ElementContent[] = []
  let last = 0
  for (const match of text.matchAll(LATIN_RUN)) {
    const at = match.index
    if (at > last) out.push({ type: 'text', value: text.slice(last, at) })
    out.push({ type: 'element', tagName: 'span', properties: { dir: 'ltr', lang }, children: [{ type: 'text', value: match[0] }] })
    last = at + match[0].length
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
      const parts = split((node as Text).value, latinLang)
      if (!parts) return undefined
      const index = parent.children.indexOf(node as Text)
      parent.children.splice(index, 1, ...(parts as typeof parent.children))
      return index + parts.length
    })
  }
}
