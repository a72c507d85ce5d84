/**
 * What makes one part of a book printable on its own: its page numbers go on
 * from the parts before it (`counter-reset: page N` on the root, which
 * Chromium's page counter honours), and links to ids another part prints
 * leave the document under `EXTERNAL_BASE`, which no reader can open, so that
 * Chromium keeps them as URI links; the merge (`merge-links.ts`) turns them
 * back into links to the named destinations of the merged file.
 */
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import type { PrintPart } from './print-html.ts'
import type { PrintChapter } from './chapters.ts'
import { chapterPage } from './page-css.ts'
import { TOP_ID } from './footnotes/types.ts'

/** Base of the links that lead to another part (a reserved, never resolvable host). */
export const EXTERNAL_BASE = 'https://chapkhana.invalid/#'

/** The link that leads to `id` in another part. */
export const externalHref = (id: string): string => `${EXTERNAL_BASE}${encodeURIComponent(id)}`

/** The id an external link leads to, or undefined for any other URI. */
export function externalTarget(uri: string): string | undefined {
  if (!uri.startsWith(EXTERNAL_BASE)) return undefined
  try {
    return decodeURIComponent(uri.slice(EXTERNAL_BASE.length))
  } catch {
    return undefined
  }
}

/** Point every in-document link of `doc` whose target is not in `doc` at the other part. */
export function externalLinks(doc: Root): void {
  const ids = new Set<string>()
  visit(doc, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id)
  })
  visit(doc, 'element', (node: Element) => {
    const href = node.tagName === 'a' ? node.properties.href : undefined
    if (typeof href !== 'string' || !href.startsWith('#')) return
    let id = href.slice(1)
    try {
      id = decodeURIComponent(id)
    } catch {
      // A malformed escape names the id as written.
    }
    if (!ids.has(id)) node.properties.href = externalHref(id)
  })
}

/**
 * The part's own rules: its page numbers, and no page break before its first
 * chapter (the marker at the top of its first page is on that chapter's
 * named page, since a change of named page forces a break).
 */
export function partCss(part: PrintPart, chapters: readonly PrintChapter[]): string {
  const opening = chapters.find((chapter) => !chapter.untitled)
  return [
    `html { counter-reset: page ${part.offset}; }`,
    'main > .chapter:first-child { break-before: auto; }',
    ...(opening ? [`#${TOP_ID} { page: ${chapterPage(opening.number)}; }`] : [])
  ].join('\n')
}

/** `pages` moved on by `offset` pages: a part's own page numbers as the book's. */
export const shiftedPages = (pages: ReadonlyMap<string, number>, offset: number): Map<string, number> => new Map([...pages].map(([id, page]) => [id, page + offset]))

/**
 * A chapter part's pages as the book's: `pages` (counted from the part's own
 * first page) moved on by its offset. Its first titled chapter opens on the
 * part's first page even when no rendering measured it (a part of one chapter
 * without notes is rendered once): its running head starts on the page after.
 */
export function partPages(part: PrintPart, chapters: readonly PrintChapter[], pages: ReadonlyMap<string, number>): Map<string, number> {
  const book = shiftedPages(pages, part.offset)
  const opening = chapters.find((chapter) => !chapter.untitled)
  if (opening && !book.has(opening.id)) book.set(opening.id, part.offset + 1)
  return book
}
