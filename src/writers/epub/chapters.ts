/**
 * Cutting one document tree into EPUB chapters: one per top-level heading when
 * there are several, else one. Footnotes become EPUB 3 pop-up notes
 * (`noteref` → `<aside epub:type="footnote">`) in the chapter of their first
 * reference, and every in-book link is re-pointed to the file holding its
 * target. A title only in the front matter becomes the `<h1>` opening the text.
 */
import type { Element, ElementContent } from 'hast'
import { depthOf, noteRefsOf, splitTree } from '../../publication/chapter-split.ts'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import type { Edition } from '../../publication/edition.ts'
import { placeNotes } from './notes.ts'
import { cloneTree } from '../../tree/clone.ts'
import { proseText } from '../../tree/plugins/rehype-heading-ids.ts'
import { decoded } from '../../tree/plugins/rehype-ascii-ids.ts'

/** One chapter file. */
export interface Chapter {
  readonly id: string
  readonly filename: string
  readonly title: string
  readonly children: ElementContent[]
}

/** Split `edition.tree` (deep-cloned, so the print rendering is untouched). */
export function splitChapters(edition: Edition): Chapter[] {
  const { groups, notes } = splitTree(cloneTree(edition.tree))
  const chapters = groups.map((children, i): Chapter => {
    const heading = children.find((n) => depthOf(n) > 0)
    const n = String(i + 1).padStart(3, '0')
    return {
      id: `chapter-${n}`,
      filename: `chapter-${n}.xhtml`,
      title: heading ? proseText(heading as Element) : edition.meta.title,
      children
    }
  })
  // A title only in the front matter would leave the text without a heading:
  // readers open at the text on an untitled paragraph. It opens the text.
  if (!groups.some((g) => g.some((n) => depthOf(n) === 1))) chapters[0]!.children.unshift(h('h1.text-title', edition.meta.title), { type: 'text', value: '\n' })
  const refs = noteRefsOf(chapters)
  for (const section of notes) placeNotes(chapters, section, edition, refs)
  relink(chapters)
  return chapters
}

/** Point `#id` links at `chapter-NNN.xhtml#id` when the id lives in another file. */
function relink(chapters: Chapter[]): void {
  const owner = new Map<string, string>()
  for (const chapter of chapters) {
    visit({ type: 'root', children: chapter.children }, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') owner.set(node.properties.id, chapter.filename)
    })
  }
  for (const chapter of chapters) {
    visit({ type: 'root', children: chapter.children }, 'element', (node: Element) => {
      const href = node.properties.href
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return
      const file = owner.get(decoded(href.slice(1)))
      if (file && file !== chapter.filename) node.properties.href = `${file}${href}`
      else if (!file) delete node.properties.href
    })
  }
}
