/**
 * Every id of the tree in plain ASCII, and every `#fragment` link pointing at
 * it rewritten to match. GFM percent-encodes a note label written in Arabic
 * script (`[^١]` → `id="fn-%D9%A1"`, `href="#fn-%D9%A1"`); a reading system
 * that decodes the fragment before looking it up (`fn-١`) finds no such id, and
 * one that does not decode finds nothing once a writer has decoded the link.
 * An id made of letters, digits, `-` and `_` reads the same encoded or not, so
 * the EPUB, the PDF and the reader page link alike in every engine.
 */
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'

const SAFE = /^[A-Za-z0-9_-]+$/

/** `value` with `%XX` sequences decoded; left as it is when they do not decode (`#%E0%A4` in raw HTML). */
export function decoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * The ASCII form of an id: each character outside `[A-Za-z0-9_-]` becomes
 * `u` and its code point in hex (`fn-١` → `fn-u0661`), so distinct labels
 * stay distinct and the id stays readable in the package.
 */
export function asciiId(id: string): string {
  const plain = decoded(id)
  if (SAFE.test(plain)) return plain
  return [...plain].map((c) => (/[A-Za-z0-9_-]/.test(c) ? c : `u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`)).join('')
}

/** The attacher: no options. */
export default function rehypeAsciiIds() {
  return (tree: Root): void => {
    const ids: Element[] = []
    const taken = new Set<string>()
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id
      if (typeof id !== 'string') return
      if (SAFE.test(id)) taken.add(id)
      else ids.push(node)
    })
    if (ids.length === 0) return
    // Keyed by the decoded id, so a link written either way finds its target.
    const renamed = new Map<string, string>()
    for (const node of ids) {
      const id = String(node.properties.id)
      const base = asciiId(id)
      let ascii = base
      for (let n = 2; taken.has(ascii); n++) ascii = `${base}-${n}`
      taken.add(ascii)
      renamed.set(decoded(id), ascii)
      node.properties.id = ascii
    }
    visit(tree, 'element', (node: Element) => {
      const href = node.properties.href
      if (typeof href !== 'string' || !href.startsWith('#')) return
      const target = renamed.get(decoded(href.slice(1)))
      if (target) node.properties.href = `#${target}`
    })
  }
}
