/**
 * Cleaning an SVG image before it goes into any output. An SVG is a program
 * as much as a picture: `<script>`, `onload=`, `javascript:` links,
 * `<foreignObject>` with HTML inside, animations that rewrite a link, and
 * references to other files or servers. An EPUB carrying one is "scripted"
 * (EPUBCheck), and the reader site would serve it from its own origin: a
 * stored XSS. So every SVG is parsed as XML and rebuilt from an allow-list.
 *
 * Why an allow-list of our own over xast (the unified family's XML tree,
 * the same family as the rest of the pipeline) and not DOMPurify: DOMPurify
 * needs a browser DOM (jsdom, tens of megabytes and a slow start, for the
 * odd SVG), and its HTML-oriented parsing of a standalone SVG file is not the
 * XML parsing the readers apply. The parser (@rgrove/parse-xml) never
 * expands custom entities or fetches anything, and gives positions, so each
 * removal can be reported at its line in the SVG.
 */
import type { Element, ElementContent, Nodes, Root, RootContent } from 'xast'
import { fromXml } from 'xast-util-from-xml'
import { toXml } from 'xast-util-to-xml'
import type { VFileMessage } from 'vfile-message'
import { failure } from '../util/failure.ts'

/** Static SVG elements: shapes, text, paint servers, filters and structure. No script, animation, foreign content or `<a>`. */
const ELEMENTS = new Set(
  (
    'svg g defs desc title metadata symbol use switch style path rect circle ellipse line polyline polygon text tspan textPath ' +
    'linearGradient radialGradient stop pattern clipPath mask marker filter image view ' +
    'feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight ' +
    'feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight ' +
    'feSpecularLighting feSpotLight feTile feTurbulence'
  ).split(' ')
)

/** Elements whose children are kept (as a `<g>`) when the element itself is not: a link's drawing is still the picture. */
const UNWRAP = new Set(['a'])

/** Namespaced attributes that are plain data; `xlink:href` is checked like `href`. */
const NAMESPACED = new Set(['xml:space', 'xml:lang', 'xlink:href', 'xlink:title'])

/** The only namespaces an SVG image declares: SVG itself and XLink. */
const NAMESPACES = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink'])

/** One thing taken out of the SVG, and where it was (in the SVG file). */
export interface SvgRemoval {
  readonly what: string
  readonly line: number
  readonly column: number
}

/** The cleaned SVG text and what was taken out. */
export interface CleanSvg {
  readonly svg: string
  readonly removed: readonly SvgRemoval[]
}

/** The SVG is not well-formed XML (or has no `<svg>` root): an `svg-syntax` failure placed in the SVG. */
function svgSyntax(reason: string, line: number, column: number): VFileMessage {
  return failure('svg-syntax', reason, { place: { line, column } })
}

/** Does a CSS text (a `style` attribute or element) load anything or run anything? */
function unsafeCss(css: string): string | undefined {
  if (/@import/i.test(css)) return '@import'
  // CSS escapes (`\75rl(`) could spell any of the words below past a check.
  if (css.includes('\\')) return 'escaped CSS'
  if (/image-set\s*\(|@font-face|\bsrc\s*\(/i.test(css)) return 'a CSS resource'
  if (/expression\s*\(|javascript:|-moz-binding|behavior\s*:/i.test(css)) return 'script in CSS'
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) if (!(m[2] ?? '').trim().startsWith('#')) return `url(${m[2] ?? ''})`
  return undefined
}

/** Why attribute `name="value"` must go, or `undefined` when it may stay. */
function unsafeAttribute(name: string, value: string): string | undefined {
  const lower = name.toLowerCase()
  if (lower.startsWith('on')) return `${name} handler`
  if (lower === 'xmlns' || lower.startsWith('xmlns:')) return NAMESPACES.has(value) ? undefined : `namespace ${value}`
  if (lower.includes(':') && !NAMESPACED.has(lower)) return `${name} attribute`
  // Only a reference inside the picture itself (`#id`): nothing loads, nothing runs.
  if (lower === 'href' || lower === 'xlink:href' || lower === 'src') return value.trim().startsWith('#') ? undefined : `${name}="${value.slice(0, 60)}"`
  if (/^\s*(javascript|vbscript|data):/i.test(value)) return `${name}="${value.slice(0, 60)}"`
  const css = unsafeCss(value)
  return css ? `${css} in ${name}` : undefined
}

/**
 * Rebuild `text` (an SVG file) keeping only static drawing: allowed
 * elements, attributes that neither run nor load anything, and styles that
 * load nothing. Throws an `svg-syntax` failure when it is not well-formed.
 */
export function sanitizeSvg(text: string): CleanSvg {
  let tree: Root
  try {
    tree = fromXml(text)
  } catch (error) {
    const place = (error as { line?: number; column?: number }).line === undefined ? { line: 1, column: 1 } : (error as { line: number; column: number })
    const cause = (error as { cause?: unknown }).cause
    throw svgSyntax(cause instanceof Error ? cause.message.split('\n')[0] ?? 'not well-formed XML' : 'not well-formed XML', place.line, place.column)
  }
  const removed: SvgRemoval[] = []
  const note = (what: string, node: Nodes): void => {
    removed.push({ what, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 })
  }
  const cleanChildren = (children: readonly (RootContent | ElementContent)[]): ElementContent[] => children.flatMap((c) => cleanNode(c))
  const cleanNode = (node: RootContent | ElementContent): ElementContent[] => {
    if (node.type === 'text' || node.type === 'cdata') return [node]
    if (node.type !== 'element') {
      // Comments, processing instructions (`<?xml-stylesheet?>`) and doctypes carry nothing a picture needs.
      if (node.type === 'instruction' || node.type === 'doctype') note(node.type === 'doctype' ? '<!DOCTYPE>' : `<?${node.name}?>`, node)
      return []
    }
    if (UNWRAP.has(node.name)) {
      note(`<${node.name}> link`, node)
      return [{ type: 'element', name: 'g', attributes: {}, children: cleanChildren(node.children) }]
    }
    if (!ELEMENTS.has(node.name)) {
      note(`<${node.name}>`, node)
      return []
    }
    const attributes: Element['attributes'] = {}
    for (const [name, value] of Object.entries(node.attributes)) {
      if (value === null || value === undefined) continue
      const why = unsafeAttribute(name, String(value))
      if (why) note(why, node)
      else attributes[name] = value
    }
    if (node.name === 'style') {
      const css = node.children.map((c) => ('value' in c ? c.value : '')).join('')
      const why = unsafeCss(css)
      if (why) {
        note(`<style> with ${why}`, node)
        return []
      }
    }
    return [{ ...node, attributes, children: cleanChildren(node.children) }]
  }
  const root = tree.children.find((c): c is Element => c.type === 'element')
  if (!root || root.name !== 'svg') throw svgSyntax(`the root element is <${root?.name ?? 'nothing'}>, not <svg>`, 1, 1)
  const kept = cleanNode(root)
  for (const c of tree.children) if (c !== root && c.type !== 'text' && c.type !== 'comment' && !(c.type === 'instruction' && c.name === 'xml')) cleanNode(c)
  const svg = toXml({ type: 'root', children: [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' }, { type: 'text', value: '\n' }, ...kept] }, { closeEmptyElements: true })
  return { svg: `${svg}\n`, removed }
}
