/**
 * Footnotes as EPUB 3 pop-up notes: each GFM note becomes an
 * `<aside epub:type="footnote">` in the chapter of its first reference, every
 * reference an `epub:type="noteref"`, so reading systems (Apple Books,
 * foliate-js, Kobo) open the note in a pop-up. The note begins with its
 * label, the same text the reference shows, as the link back to the text, as
 * in print: GFM's trailing "↩" (U+21A9) is in no bundled face, and iOS draws
 * it as a colour emoji.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { toString } from 'hast-util-to-string'
import { chapterLocale, detachBackrefs, placeNotesOf, type NoteRefs } from '../../publication/chapter-split.ts'
import { localNumber, noteLabelOf, type Edition, type HasLocale } from '../../publication/edition.ts'
import type { Chapter } from './chapters.ts'

/**
 * Move each note of `notes` (one GFM footnote section) to the chapter of its
 * first reference, as an aside (`refs`: the book's note references, found once for all its sections).
 */
export function placeNotes(chapters: readonly Chapter[], notes: Element, edition: Edition, refs: NoteRefs<Chapter>): void {
  const { items, refs: mine, homeOf } = placeNotesOf(chapters, notes, refs)
  const labels = new Map<string, string>()
  for (const { node } of mine) {
    node.properties['epub:type'] = 'noteref'
    node.properties.role = 'doc-noteref'
    delete node.properties.ariaDescribedBy
    const href = String(node.properties.href ?? '')
    if (!labels.has(href)) labels.set(href, toString(node).trim())
  }
  const perChapter = new Map<Chapter, Element[]>()
  // A chapter in another language than the book's heads and numbers its notes in its own.
  const localeOfChapter = new Map(chapters.map((c) => [c, { locale: chapterLocale(c.children, edition.locale) }]))
  items.forEach((li, index) => {
    const chapter = homeOf(li)
    const own = localeOfChapter.get(chapter) ?? edition
    // The label the reference shows (made by the shared footnote plugin);
    // GFM's numbering for a note no reference shows.
    // Written as print writes it: «(١)» in Arabic-script digits, «1.» in Latin ones.
    const label = noteLabelOf(own, labels.get(`#${String(li.properties.id)}`) || localNumber(own, index + 1))
    labelAsBacklink(li, label, own)
    const aside = h('aside', { id: li.properties.id, 'epub:type': 'footnote', role: 'doc-footnote' }, li.children)
    perChapter.set(chapter, [...(perChapter.get(chapter) ?? []), aside])
  })
  for (const [chapter, asides] of perChapter) {
    const { locale } = localeOfChapter.get(chapter) ?? edition
    chapter.children.push(h('section.footnotes', { 'epub:type': 'footnotes', role: 'doc-endnotes', ariaLabel: locale.words.footnotes }, asides))
  }
}

/**
 * Put `label` at the start of the note as the link to its first reference,
 * in place of GFM's "↩" links; a note referenced more than once keeps one
 * more link per extra reference at its end, labelled with its count in the
 * document's digits, raised (as print does: «(٢)» would read as a note label).
 */
function labelAsBacklink(li: Element, label: string, holder: HasLocale): void {
  const backrefs = detachBackrefs(li)
  const [first, ...more] = backrefs
  const number = first
    ? h('a.note-number', { href: first.properties.href, role: 'doc-backlink', ariaLabel: first.properties.ariaLabel }, label)
    : h('span.note-number', label)
  const paragraphs = li.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'p')
  ;(paragraphs[0] ?? li).children.unshift(number, { type: 'text', value: ' ' })
  const extra: ElementContent[] = more.flatMap((ref, i) => [
    { type: 'text' as const, value: ' ' },
    h('a.note-backref', { href: ref.properties.href, role: 'doc-backlink', ariaLabel: ref.properties.ariaLabel }, [h('sup', localNumber(holder, i + 2))])
  ])
  ;(paragraphs.at(-1) ?? li).children.push(...extra)
}
