/**
 * Footnotes printed as endnotes at the end of each chapter: each note goes to
 * the chapter of its first reference, keeps its number (the one printed at
 * the reference) and its id, so the reference → note and note → reference
 * links stay working PDF links. Chromium cannot place notes at the foot of
 * the page (`float: footnote` is ignored), and one list at the end of a long
 * issue would send the reader forty pages away.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { localNumber, noteLabelOf, type Edition, type HasLocale } from '../../publication/edition.ts'
import type { PrintChapter } from './chapters.ts'
import { chapterLocale, detachBackrefs, placeNotesOf, type NoteRefs } from '../../publication/chapter-split.ts'

/** Id of the label over chapter `n`'s notes, which its references point to. */
export const endnotesLabelId = (n: number): string => `footnote-label-${n}`

/** Move the notes of one GFM footnote section into their chapters (`refs`: the book's note references, found once for all its sections). */
export function appendEndnotes(chapters: readonly PrintChapter[], notes: Element, edition: Edition, refs: NoteRefs<PrintChapter>): void {
  const { items, refs: mine, homeOf } = placeNotesOf(chapters, notes, refs)
  const byHref = new Map(items.map((li) => [`#${String(li.properties.id)}`, li]))
  for (const { node } of mine) {
    // The reference is described by the label of the notes it leads to.
    const target = byHref.get(String(node.properties.href))
    node.properties.ariaDescribedBy = [endnotesLabelId(target ? homeOf(target).number : chapters.at(-1)!.number)]
  }
  const perChapter = new Map<PrintChapter, Element[]>()
  // A chapter in another language than the book's heads and numbers its notes in its own.
  const localeOfChapter = new Map(chapters.map((c) => [c, { locale: chapterLocale(c.children, edition.locale) }]))
  items.forEach((li, index) => {
    const chapter = homeOf(li)
    const own = localeOfChapter.get(chapter) ?? edition
    // GFM numbers notes in order of first reference: index + 1 is the number
    // printed at the reference, whatever the note's label in the source.
    li.properties.value = String(index + 1)
    numberAsBacklink(li, localNumber(own, index + 1), own)
    perChapter.set(chapter, [...(perChapter.get(chapter) ?? []), li])
  })
  for (const [chapter, lis] of perChapter) {
    const { locale } = localeOfChapter.get(chapter) ?? edition
    chapter.children.push(
      h('section.endnotes', { role: 'doc-endnotes', ariaLabelledBy: endnotesLabelId(chapter.number) }, [
        // Not a heading element: the PDF outline lists the document's own headings only.
        h('p.endnotes-label', { id: endnotesLabelId(chapter.number) }, locale.words.footnotes),
        h('ol.endnotes-list', lis)
      ])
    )
  }
}

/**
 * The note's number, at its start, becomes the link back to the reference,
 * as in printed books, inside its label «(١)» (in bold); GFM's trailing "↩"
 * goes (no Arabic-script face has that arrow, and Chromium would embed a
 * fallback font just for it). The link holds the number alone: a link over
 * «(١١)» spans three bidi runs (the parentheses right-to-left, the digits
 * not), and Chromium printed such a link now as three rectangles, now as
 * one, from the same HTML (al-Muqtabas 29, 49 and 65 under load), so a PDF
 * built again was not the same bytes. A note referenced more than once keeps
 * one more link per extra reference, labelled with its count, raised, in the
 * document's digits.
 */
function numberAsBacklink(li: Element, number: string, holder: HasLocale): void {
  const backrefs = detachBackrefs(li)
  const [first, ...more] = backrefs
  if (!first) return
  const label = noteLabelOf(holder, number)
  const at = label.indexOf(number)
  const link = h('a', { href: first.properties.href, role: 'doc-backlink', ariaLabel: first.properties.ariaLabel }, number)
  const labelled = h('span.endnote-number', [label.slice(0, at), link, label.slice(at + number.length)].filter((part) => part !== ''))
  // Raised counts, not «(٢)»: in parentheses they would read as note labels.
  const extra: ElementContent[] = more.flatMap((ref, i) => [
    { type: 'text' as const, value: ' ' },
    h('a.endnote-backref', { href: ref.properties.href, role: 'doc-backlink', ariaLabel: ref.properties.ariaLabel }, h('sup', localNumber(holder, i + 2)))
  ])
  const paragraph = li.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p')
  const host = paragraph ?? li
  host.children.unshift(labelled, { type: 'text', value: ' ' })
  const last = li.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'p').at(-1) ?? li
  last.children.push(...extra)
}
