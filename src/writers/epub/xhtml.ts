/**
 * Serialising hast as XHTML for EPUB: well-formed XML, UTF-8 characters kept
 * as they are (not `&#x…;`), language and direction on the root.
 */
import type { ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import { toXast } from 'hast-util-to-xast'
import { toXml } from 'xast-util-to-xml'
import type { Edition } from '../../publication/edition.ts'

/** Options for one XHTML file. */
export interface XhtmlOptions {
  readonly title: string
  /** `epub:type` of the body, e.g. `bodymatter`. */
  readonly bodyType?: string
  readonly bodyClass?: string
  readonly stylesheet?: string
  /** Language and direction of this file when not the edition's (a chapter in another language). */
  readonly language?: { readonly lang: string; readonly dir: 'rtl' | 'ltr' }
}

/**
 * `xml:lang` beside every `lang`: EPUB's XHTML is XML, and speech engines and
 * EPUBCheck read the XML attribute (the two must agree).
 */
function withXmlLang(nodes: ElementContent[]): ElementContent[] {
  // A copy of the elements, not of their text and positions, which nothing
  // changes: the PDF and the reader page serialise the same tree as HTML. A
  // deep clone (structuredClone) cost 1.3 s of the 100,000-paragraph build,
  // and its garbage more. Nesting is capped (MAX_NESTING), so recursion is safe.
  const copy = (node: ElementContent): ElementContent => {
    if (node.type !== 'element') return node
    const lang = node.properties.lang
    return { ...node, properties: typeof lang === 'string' ? { ...node.properties, 'xml:lang': lang } : node.properties, children: node.children.map(copy) }
  }
  return nodes.map(copy)
}

/** A complete XHTML document for the EPUB. */
export function xhtmlDocument(edition: Edition, children: ElementContent[], options: XhtmlOptions): string {
  const html = h(
    'html',
    { lang: options.language?.lang ?? edition.lang, 'xml:lang': options.language?.lang ?? edition.lang, dir: options.language?.dir ?? edition.dir, 'xmlns:epub': 'http://www.idpf.org/2007/ops' },
    [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('title', options.title),
        h('link', { rel: 'stylesheet', type: 'text/css', href: options.stylesheet ?? 'style.css' })
      ]),
      h('body', { ...(options.bodyType ? { 'epub:type': options.bodyType } : {}), ...(options.bodyClass ? { className: [options.bodyClass] } : {}) }, withXmlLang(children))
    ]
  )
  const root: Root = { type: 'root', children: [{ type: 'doctype' }, html] }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${toXml(toXast(root), { closeEmptyElements: true })}\n`
}
