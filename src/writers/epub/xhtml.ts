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
function withXmlLang(original: ElementContent[]): ElementContent[] {
  // A copy: the PDF and the reader page serialise the same tree as HTML.
  const nodes = structuredClone(original)
  const stack = [...nodes]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type !== 'element') continue
    const lang = node.properties.lang
    if (typeof lang === 'string') node.properties['xml:lang'] = lang
    // One at a time: a chapter of 100,000 paragraphs is too many arguments for one call.
    for (const child of node.children) stack.push(child)
  }
  return nodes
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
