/**
 * The printed table of contents: chapters and their sections, each entry a
 * link to its place in the book with the page number in the document's
 * digits. Page numbers are only known after a first rendering; until then
 * every entry holds a placeholder of the same width (`paginate` in `write.ts`
 * lays out again with the pages the previous rendering found).
 */
import type { Element } from 'hast'
import { h } from 'hastscript'
import { localNumber, type Edition } from '../../publication/edition.ts'
import type { PrintChapter } from './chapters.ts'

/** Where things landed: element id → 1-based page number. */
export type PageMap = ReadonlyMap<string, number>

/** One TOC line: the element it links to and its text. */
export interface TocEntry {
  readonly target: string
  readonly level: 1 | 2
  readonly text: string
}

/** The entries of the table of contents, in reading order. */
export function tocEntries(chapters: readonly PrintChapter[]): TocEntry[] {
  return chapters.flatMap((chapter) => {
    // An untitled preface would be listed under the book's own title.
    if (chapter.untitled) return []
    const opening = chapter.headings.find((heading) => heading.level === 1)
    // The chapter entry links to the chapter itself (its first page), the
    // sections to their headings.
    const sections = chapter.headings.filter((heading) => heading !== opening)
    return [
      { target: chapter.id, level: 1 as const, text: chapter.title },
      ...sections.map((heading) => ({ target: heading.id, level: heading.level, text: heading.text }))
    ]
  })
}

/** The TOC as hast, numbered from `pages` (placeholders where unknown). */
export function tocNav(edition: Edition, chapters: readonly PrintChapter[], pages: PageMap): Element {
  const entries = tocEntries(chapters).map((entry) => {
    const page = pages.get(entry.target)
    return h(`li.toc-entry.toc-level-${entry.level}`, [
      h('a.toc-link', { href: `#${entry.target}` }, [
        h('span.toc-title', entry.text),
        // Dot leaders are drawn by CSS; the element carries no text.
        h('span.toc-leader', { ariaHidden: 'true' }),
        // A placeholder as wide as a real number keeps the first layout true.
        h('span.toc-page', page === undefined ? localNumber(edition, 0) : localNumber(edition, page))
      ])
    ])
  })
  return h('nav.toc#contents', { role: 'doc-toc', ariaLabelledBy: 'toc-label' }, [
    h('p.toc-label#toc-label', edition.words.contents),
    h('ol.toc-list', entries)
  ])
}
