/**
 * Setting the footnote plan into the print chapters: every block of a
 * chapter gets an id (so the rendering reports where it landed), each note a
 * marker after its last line, each planned page foot a block of notes with a
 * forced page break after it, and notes not yet placed stay in the chapter's
 * endnotes (where the first rendering measures them). A paragraph a page
 * ends inside is cut in parts there, with the page foot between them; one
 * the plan asks to measure gets a marker before each word. A hidden list of
 * links makes Chromium write a destination for every one of those ids.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import type { PrintChapter } from '../chapters.ts'
import { areaEndId, areaId, continuedLang, noteEndId, notesLang, TOP_ID, type FlowBlock, type FlowChapter, type FootCut, type FootPlan } from './types.ts'
import { baytStarts, isLong, markWords, notePart, splitBlock, splitNote } from './words.ts'
import { cloneTree } from '../../../tree/clone.ts'

const isElement = (node: ElementContent): node is Element => node.type === 'element'
const isEndnotes = (node: ElementContent): boolean => isElement(node) && node.tagName === 'section' && String(node.properties.className ?? '').includes('endnotes')

/** The chapters with ids, markers and the plan's page feet; and their flow for the planner. */
export function placeFootnotes(
  chapters: readonly PrintChapter[],
  plan: FootPlan,
  labelOf: (chapter: PrintChapter) => string,
  langOf?: (chapter: PrintChapter) => string
): { chapters: PrintChapter[]; flow: FlowChapter[] } {
  const byBefore = new Map(plan.cuts.map((cut) => [cut.before, cut]))
  const placed = new Set(plan.cuts.flatMap((cut) => cut.notes))
  // Paragraphs a page ends inside: block id → the page feet inside it, in order.
  const inside = new Map<string, FootCut[]>()
  for (const cut of plan.cuts) if (cut.inside) inside.set(cut.inside.block, [...(inside.get(cut.inside.block) ?? []), cut])
  for (const list of inside.values()) list.sort((a, b) => a.inside!.word - b.inside!.word)
  const toMeasure = new Set((plan.measure ?? []).filter((id) => !plan.lines?.has(id)))
  const notes = new Map<string, Element>()
  // Markers before the words of long notes not yet measured, whose ids the rendering must report.
  const marks: string[] = []
  const flow: FlowChapter[] = []
  const out = chapters.map((chapter): PrintChapter => {
    const children = chapter.children.map((child) => cloneTree(child))
    const endnotes = children.filter(isEndnotes) as Element[]
    for (const section of endnotes) {
      visit(section, 'element', (li: Element) => {
        if (li.tagName !== 'li' || typeof li.properties.id !== 'string') return
        li.children.push(h('span.note-end', { id: noteEndId(li.properties.id) }))
        // Marked in every rendering, measured or not: a marker splits the text into runs shaped
        // apart, so a tight line may break otherwise without them than where it was measured.
        const words = isLong(li) ? markWords(li, li.properties.id) : []
        if (!plan.measures?.has(li.properties.id)) marks.push(...words)
        notes.set(li.properties.id, li)
      })
    }
    const blocks: FlowBlock[] = []
    children.filter((c) => !isEndnotes(c)).forEach((node, i) => {
      if (!isElement(node)) return
      if (typeof node.properties.id !== 'string') node.properties.id = `${chapter.id}-block-${i + 1}`
      const refs: { id: string; note: string }[] = []
      visit(node, 'element', (a: Element) => {
        if (a.properties.dataFootnoteRef !== undefined && typeof a.properties.id === 'string') refs.push({ id: a.properties.id, note: String(a.properties.href).slice(1) })
      })
      // A poem may be cut between its bayts, as the stylesheet lets Chromium do (never inside one).
      const poem = node.tagName === 'div' && String(node.properties.className ?? '').split(' ').includes('verse')
      blocks.push({ id: node.properties.id, heading: /^h[1-6]$/.test(node.tagName), refs, lines: node.tagName === 'p' || poem, ...(poem ? { cuts: baytStarts(node) } : {}) })
      // A paragraph once marked keeps its markers (see the notes above); only new ones are reported.
      const words = toMeasure.has(node.properties.id) || plan.lines?.has(node.properties.id) ? markWords(node, node.properties.id) : []
      if (toMeasure.has(node.properties.id)) marks.push(...words)
    })
    const end = `${chapter.id}-end`
    flow.push({ blocks, end })
    return { ...chapter, children }
  })
  // Now that every note is known: move the placed ones to their page feet.
  for (const section of out.flatMap((c) => c.children.filter(isEndnotes) as Element[])) {
    visit(section, 'element', (ol: Element) => {
      if (ol.tagName === 'ol') ol.children = ol.children.filter((li) => !(isElement(li) && placed.has(String(li.properties.id))))
    })
  }
  return {
    flow,
    chapters: out.map((chapter, n) => {
      const chapterFlow = flow[n]!
      // Named in the chapter's own language (an English chapter of a Sorani book: «Notes»).
      const footLabel = labelOf(chapter)
      // Marked as chapkhana's own, for the tagging to tell the notes from an author's aside.
      const foot = { label: footLabel, lang: langOf ? notesLang(langOf(chapter)) : undefined }
      const children: ElementContent[] = []
      const ids: string[] = n === 0 ? [TOP_ID] : []
      for (const node of chapter.children) {
        if (isEndnotes(node) && !hasNotes(node as Element)) continue
        const id = isElement(node) ? String(node.properties.id) : ''
        if (isElement(node) && isEndnotes(node)) children.push(endMarker(chapterFlow.end), ...footArea(byBefore.get(chapterFlow.end), notes, foot, ids, false))
        else children.push(...footArea(byBefore.get(id), notes, foot, ids, true))
        const cuts = isElement(node) ? inside.get(id) : undefined
        if (!cuts || !isElement(node)) {
          children.push(node)
          continue
        }
        // The paragraph in parts, each page foot between the part it ends and the part that opens the next page.
        const parts = splitBlock(node, cuts.map((c) => c.inside!.word), cuts.map((c) => c.before))
        // Marked for the tagging to join each later part to the first: one `P` across the pages.
        const lang = typeof node.properties.lang === 'string' ? node.properties.lang : langOf?.(chapter)
        if (lang) for (const part of parts.slice(1)) part.properties = { ...part.properties, lang: continuedLang(lang) }
        children.push(parts[0]!)
        cuts.forEach((cut, i) => {
          children.push(...footArea(cut, notes, foot, ids, true), parts[i + 1]!)
          ids.push(cut.before)
        })
      }
      if (!children.some((c) => isElement(c) && c.properties.id === chapterFlow.end)) children.push(endMarker(chapterFlow.end), ...footArea(byBefore.get(chapterFlow.end), notes, foot, ids, false))
      for (const block of chapterFlow.blocks) ids.push(block.id)
      ids.push(chapterFlow.end)
      for (const li of notes.values()) ids.push(String(li.properties.id), noteEndId(String(li.properties.id)))
      ids.push(...marks)
      // Links to every measured id, never shown: Chromium writes their destinations all the same.
      children.push(h('div.layout-probe', { hidden: true, ariaHidden: 'true' }, [...new Set(ids)].map((id) => h('a', { href: `#${id}` }))))
      return { ...chapter, children }
    })
  }
}

function hasNotes(section: Element): boolean {
  let found = false
  visit(section, 'element', (li: Element) => {
    if (li.tagName === 'li') found = true
  })
  return found
}

/** A zero-height marker that still takes its own place in the flow. */
const endMarker = (id: string): Element => h('div.flow-marker', { id })

/**
 * The block of notes at a page foot (nothing when no cut is planned there):
 * first the rest of a note begun on the page before, then the notes cited on
 * this page, the last of them perhaps only its first lines. Before a block
 * it ends the page; at a chapter's end the chapter does.
 */
function footArea(cut: FootCut | undefined, notes: ReadonlyMap<string, Element>, foot: { label: string; lang: string | undefined }, ids: string[], breaks: boolean): Element[] {
  if (!cut) return []
  ids.push(areaId(cut.before), areaEndId(cut.before))
  // A page that only ends here (its notes went to a later foot) draws no rule over nothing.
  const bare = cut.notes.length === 0 && !cut.carry
  const lis = cut.notes.flatMap((id) => {
    const li = notes.get(id)
    if (!li) return []
    return [cut.split?.note === id ? splitNote(li, cut.split.word).head : li]
  })
  const carried = cut.carry ? notes.get(cut.carry.note) : undefined
  const rest = cut.carry && carried ? notePart(carried, cut.carry.word, cut.split?.note === cut.carry.note ? cut.split.word : undefined).part : []
  return [
    h(
      `aside.foot-notes${breaks ? '.page-ends' : ''}${bare ? '.bare' : ''}`,
      { id: areaId(cut.before), role: 'doc-footnotes', ariaLabel: foot.label, ...(foot.lang ? { lang: foot.lang } : {}), style: `padding-top: ${cut.pad.toFixed(2)}pt` },
      [
        // Continued text, not a new note: no label, and the tagging joins it to the note it continues.
        ...(rest.length > 0 ? [h('div.note-continued', rest)] : []),
        ...(lis.length > 0 ? [h('ol.endnotes-list.foot-notes-list', lis)] : []),
        endMarker(areaEndId(cut.before))
      ]
    )
  ]
}
