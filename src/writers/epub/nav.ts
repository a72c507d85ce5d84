/**
 * The EPUB navigation document: a nested table of contents from the headings
 * in reading order (or one entry per chapter when there are none) and a
 * landmarks list.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import type { Edition } from '../../publication/edition.ts'
import type { Chapter } from './chapters.ts'
import { xhtmlDocument } from './xhtml.ts'

/** One entry of the table of contents. */
export interface TocEntry {
  readonly depth: number
  readonly text: string
  readonly href: string
}

/** Entries in reading order: headings with the file they are in. */
export function tocEntries(edition: Edition, chapters: readonly Chapter[]): TocEntry[] {
  const entries: TocEntry[] = []
  const byId = new Map(edition.headings.map((hd) => [hd.id, hd]))
  for (const chapter of chapters) {
    visit({ type: 'root', children: chapter.children }, 'element', (node: Element) => {
      const heading = typeof node.properties.id === 'string' ? byId.get(node.properties.id) : undefined
      if (heading && /^h[1-6]$/.test(node.tagName)) entries.push({ depth: heading.depth, text: heading.text, href: `${chapter.filename}#${heading.id}` })
    })
  }
  if (entries.length === 0) return chapters.map((c) => ({ depth: 1, text: c.title, href: c.filename }))
  return entries
}

/** One entry with the entries under it. */
export interface TocNode {
  readonly entry: TocEntry
  readonly children: TocNode[]
}

/**
 * Nest a flat list by depth (depth jumps are tolerated: a `###` right under a
 * `#` hangs from it). The nav's `<ol>`s and the NCX's `navPoint`s are both
 * made from this one tree, so the two tables of contents always agree.
 */
export function tocTree(entries: readonly TocEntry[]): TocNode[] {
  const roots: TocNode[] = []
  const stack: { depth: number; node: TocNode }[] = []
  for (const entry of entries) {
    while (stack.length > 0 && stack.at(-1)!.depth >= entry.depth) stack.pop()
    const node: TocNode = { entry, children: [] }
    ;(stack.at(-1)?.node.children ?? roots).push(node)
    stack.push({ depth: entry.depth, node })
  }
  return roots
}

/** The nav's nested `<ol>` (no empty sub-list: an empty `<ol>` is invalid in a nav). */
function nest(nodes: readonly TocNode[]): Element {
  return h(
    'ol',
    nodes.map((n) => h('li', [h('a', { href: n.entry.href }, n.entry.text), ...(n.children.length > 0 ? [nest(n.children)] : [])]))
  )
}

/** The serialised nav document (`toc.xhtml`). */
export function navXhtml(edition: Edition, entries: readonly TocEntry[], landmarks: readonly { type: string; href: string; text: string }[]): string {
  const children: ElementContent[] = [
    h('nav', { 'epub:type': 'toc', id: 'toc', role: 'doc-toc', ariaLabelledBy: ['toc-title'] }, [h('h1', { id: 'toc-title' }, edition.words.contents), nest(tocTree(entries))]),
    h('nav', { 'epub:type': 'landmarks', id: 'landmarks', hidden: 'hidden', ariaLabel: edition.words.landmarks }, [
      h('ol', landmarks.map((l) => h('li', [h('a', { 'epub:type': l.type, href: l.href }, l.text)])))
    ])
  ]
  return xhtmlDocument(edition, children, { title: edition.words.contents, bodyType: 'frontmatter' })
}
