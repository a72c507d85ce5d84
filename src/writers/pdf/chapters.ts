/**
 * The print edition's chapters: the document cut at its top heading level
 * exactly where the EPUB cuts it (`splitChapters`: one chapter per top-level
 * heading when there are at least two of them), each chapter ending with its
 * own endnotes. The EPUB's chapter files are not reused because they carry
 * EPUB-only markup (pop-up asides, links re-pointed to other files).
 */
import type { Element, ElementContent } from 'hast'
import { depthOf, noteRefsOf, splitTree } from '../../publication/chapter-split.ts'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import type { Edition } from '../../publication/edition.ts'
import { appendEndnotes } from './endnotes.ts'
import { cloneTree } from '../../tree/clone.ts'

/** A heading the table of contents lists. */
export interface TocHeading {
  readonly id: string
  /** 1 for a chapter heading, 2 for a section inside it. */
  readonly level: 1 | 2
  readonly text: string
}

/** One printed chapter. */
export interface PrintChapter {
  /** 1-based position. */
  readonly number: number
  /** Id of the chapter's `<section>`, also the link target of its TOC entry. */
  readonly id: string
  /** Plain title for the running head and TOC (no note numbers). */
  readonly title: string
  readonly headings: readonly TocHeading[]
  readonly children: ElementContent[]
  /**
   * Text before the first chapter heading (a preface, a basmala): it has no
   * contents entry and no page of its own; the first chapter follows it on
   * the same page.
   */
  readonly untitled: boolean
}

/** Text of a heading without its footnote reference numbers. */
export function plainText(node: Element): string {
  const copy = cloneTree(node)
  visit(copy, 'element', (child: Element) => {
    if (child.tagName === 'sup' || child.properties.dataFootnoteRef !== undefined) child.children = []
  })
  return toString(copy).replace(/\s+/g, ' ').trim()
}

/** Cut `edition.tree` (cloned) into print chapters with their endnotes. */
export function printChapters(edition: Edition): PrintChapter[] {
  // The same cut as the EPUB's, so both editions have the same chapters.
  const { groups, notes, top } = splitTree(cloneTree(edition.tree))
  const chapters = groups.map((children, i): PrintChapter => {
    const headings: TocHeading[] = []
    for (const node of children) {
      const depth = depthOf(node)
      if (depth === 0 || depth > top + 1 || typeof (node as Element).properties.id !== 'string') continue
      headings.push({ id: String((node as Element).properties.id), level: depth === top ? 1 : 2, text: plainText(node as Element) })
    }
    const first = headings.find((h) => h.level === 1)
    const untitled = groups.length > 1 && first === undefined && i === 0
    return { number: i + 1, id: `chapter-${i + 1}`, title: first?.text ?? edition.meta.title, headings, children, untitled }
  })
  // An article has one notes section; a book one per chapter, numbered from one.
  const refs = noteRefsOf(chapters)
  for (const section of notes) appendEndnotes(chapters, section, edition, refs)
  return chapters
}
