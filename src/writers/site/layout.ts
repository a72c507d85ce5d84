/**
 * The frame every reader page shares: a complete HTML document in the
 * page's language and direction, the stylesheet and fonts by relative URL,
 * Open Graph facts, and no script (the preview server adds its own reload
 * script while serving; the files on disk stay script-free).
 */
import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import type { Direction } from '../../locale/locale.ts'
import { SITE_CSS } from './assets.ts'

/** What the `<head>` of a page says. */
export interface PageHead {
  readonly lang: string
  readonly dir: Direction
  readonly title: string
  readonly description: string
  /** `@font-face` rules (relative URLs). */
  readonly fontCss: string
  readonly og: { readonly type: 'article' | 'book' | 'website'; readonly image?: string; readonly imageAlt?: string }
  /** `<link rel="alternate">` downloads: media type → relative URL. */
  readonly alternates?: readonly { readonly type: string; readonly href: string; readonly title: string }[]
  /** Extra `<meta>` facts. */
  readonly meta?: Readonly<Record<string, string>>
}

/** Open Graph's locale form of a BCP 47 tag: `ckb` → `ckb_IQ`-like `ll_CC` when a region is given, else the language. */
export function ogLocale(lang: string): string {
  const [language = lang, region] = lang.split('-')
  return region && /^[A-Za-z]{2}$/.test(region) ? `${language}_${region.toUpperCase()}` : language
}

function head(p: PageHead): Element {
  const property = (name: string, content: string): Element => h('meta', { property: name, content })
  return h('head', [
    h('meta', { charset: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'color-scheme', content: 'light dark' }),
    h('title', p.title),
    h('meta', { name: 'description', content: p.description }),
    ...Object.entries(p.meta ?? {}).map(([name, content]) => h('meta', { name, content })),
    property('og:title', p.title),
    property('og:description', p.description),
    property('og:type', p.og.type),
    property('og:locale', ogLocale(p.lang)),
    ...(p.og.image ? [property('og:image', p.og.image)] : []),
    ...(p.og.imageAlt ? [property('og:image:alt', p.og.imageAlt)] : []),
    ...(p.alternates ?? []).map((a) => h('link', { rel: 'alternate', type: a.type, href: a.href, title: a.title })),
    h('link', { rel: 'stylesheet', href: SITE_CSS }),
    h('style', p.fontCss)
  ])
}

/** A whole page as HTML text. */
export function renderPage(p: PageHead, body: ElementContent[], bodyClass: string): string {
  const root: Root = {
    type: 'root',
    children: [{ type: 'doctype' }, h('html', { lang: p.lang, dir: p.dir }, [head(p), h('body', { className: [bodyClass] }, body)])]
  }
  // Characters stay as they are (UTF-8), never `&#x…;`: the files are read by people too.
  return `${unified().use(rehypeStringify, { characterReferences: { useNamedReferences: false } }).stringify(root)}\n`
}
