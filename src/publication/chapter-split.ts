/**
 * Where a document's chapters begin, the one rule every rendering follows so
 * the EPUB's chapter files and the printed chapters are the same: one chapter
 * per `#` heading when there are at least two, else one chapter. The
 * notes sections are taken out first (an article has one, a book one per
 * chapter), for each rendering to place its own way.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import { visit } from 'unist-util-visit'
import { isKnownLanguage, localeOf, type Locale } from '../locale/index.ts'

/** A tree cut into chapter groups, with its notes sections apart. */
export interface TreeSplit {
  /** The root children of each chapter, in order (never empty: at least one group). */
  readonly groups: ElementContent[][]
  /** GFM's footnote sections, in order. */
  readonly notes: Element[]
  /** Depth of the headings chapters start at (0 when there are none). */
  readonly top: number
}

/** Is `node` an element (of `tag`, when given)? */
export const isElement = (node: RootContent | ElementContent, tag?: string): node is Element =>
  node.type === 'element' && (tag === undefined || node.tagName === tag)

/** The level of a heading element, 0 for anything else. */
export const depthOf = (node: RootContent | ElementContent): number => (isElement(node) && /^h[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : 0)

const isNotes = (node: RootContent): node is Element => isElement(node, 'section') && node.properties.dataFootnotes !== undefined

/** Cut `tree` (which the caller has cloned: its children are moved, not copied). */
export function splitTree(tree: Root): TreeSplit {
  const notes = tree.children.filter(isNotes)
  const body = tree.children.filter((n): n is ElementContent => !isNotes(n) && n.type !== 'doctype')
  const depths = body.map(depthOf).filter((d) => d > 0)
  const top = depths.length > 0 ? Math.min(...depths) : 0
  // Chapters are `#` headings: an article whose sections are all `##` is an
  // article (no title page, no contents), not a book of sections.
  const split = top === 1 && depths.filter((d) => d === top).length >= 2
  const groups: ElementContent[][] = [[]]
  for (const node of body) {
    if (split && depthOf(node) === top && groups.at(-1)!.some((n) => n.type === 'element')) groups.push([])
    groups.at(-1)!.push(node)
  }
  // An empty chapter (a `# notes` left once its notes moved) would still take
  // a page and a contents entry: leave it out before notes are placed.
  const kept = groups.filter((children) => !isEmpty(children))
  return { groups: kept.length > 0 ? kept : groups.slice(0, 1), notes, top }
}

/** Nothing but headings and blank text? */
function isEmpty(children: readonly ElementContent[]): boolean {
  return children.every((node) => (node.type === 'text' ? node.value.trim() === '' : node.type === 'comment' || depthOf(node) > 0))
}

/**
 * The language and direction a chapter is written in, when it is not the
 * book's: `joinChapters` tags each top-level block of such a chapter, so its
 * opening element says it. Undefined for a chapter in the book's language.
 */
export function chapterLanguage(children: readonly ElementContent[]): { lang: string; dir: 'rtl' | 'ltr' } | undefined {
  const first = children.find((n): n is Element => n.type === 'element')
  const { lang, dir } = first?.properties ?? {}
  return typeof lang === 'string' && (dir === 'rtl' || dir === 'ltr') ? { lang, dir } : undefined
}

/**
 * The locale a chapter is written in: its own when it is not in the book's
 * language (its notes are headed and numbered in it), else `book`.
 */
export function chapterLocale(children: readonly ElementContent[], book: Locale): Locale {
  const own = chapterLanguage(children)
  return own && isKnownLanguage(own.lang) ? localeOf(own.lang, own.dir) : book
}

/** A chapter of either rendering: what note placement needs of it. */
interface HasChildren {
  readonly children: ElementContent[]
}

/** The notes of one section, each with the chapter it belongs in, and every reference to them. */
export interface NotePlacement<C> {
  /** The notes (`<li id>`), in GFM's order, which is the numbering order. */
  readonly items: Element[]
  /** The chapter of a note's first reference (the last chapter for an unreferenced one). */
  readonly homeOf: (item: Element) => C
  /** Every reference to a note of this section, with the chapter it is in. */
  readonly refs: { readonly node: Element; readonly chapter: C }[]
}

/** Every note reference of a book, by the id of the note it leads to, each with its chapter, in reading order. */
export type NoteRefs<C> = ReadonlyMap<string, readonly { readonly node: Element; readonly chapter: C }[]>

/**
 * The note references of `chapters`, in one walk of the book: a book has a
 * notes section per chapter, and walking every chapter for each section made
 * placing the 50-chapter book's notes quadratic (about 0.2 s per edition).
 */
export function noteRefsOf<C extends HasChildren>(chapters: readonly C[]): NoteRefs<C> {
  const refs = new Map<string, { node: Element; chapter: C }[]>()
  for (const chapter of chapters) {
    visit({ type: 'root', children: chapter.children }, 'element', (node: Element) => {
      if (node.properties.dataFootnoteRef === undefined) return
      const target = String(node.properties.href ?? '').slice(1)
      const found = refs.get(target)
      if (found) found.push({ node, chapter })
      else refs.set(target, [{ node, chapter }])
    })
  }
  return refs
}

/**
 * Where the notes of `section` go: each to the chapter of its first
 * reference (`all`: the book's references, `noteRefsOf`). References and ids
 * are compared as GFM writes them (both percent-encoded the same way), so
 * notes with non-Latin labels land right.
 */
export function placeNotesOf<C extends HasChildren>(chapters: readonly C[], section: Element, all: NoteRefs<C> = noteRefsOf(chapters)): NotePlacement<C> {
  const items: Element[] = []
  visit(section, 'element', (node: Element) => {
    if (node.tagName === 'li' && typeof node.properties.id === 'string') items.push(node)
  })
  // A book has one section per chapter: only this section's references count.
  const refs = items.flatMap((li) => all.get(String(li.properties.id)) ?? [])
  return { items, refs, homeOf: (item) => all.get(String(item.properties.id))?.[0]?.chapter ?? chapters.at(-1)! }
}

/**
 * Take GFM's back-links ("↩") out of a note (`li`) and return them, first
 * reference first: every writer puts the note's own label in their place
 * (no Arabic-script face has the arrow, and iOS draws it as an emoji).
 */
export function detachBackrefs(li: Element): Element[] {
  const backrefs: Element[] = []
  visit(li, 'element', (node: Element, index, parent) => {
    if (node.properties.dataFootnoteBackref === undefined || !parent || index === undefined) return undefined
    backrefs.push(node)
    parent.children.splice(index, 1)
    // Drop the space GFM put before the arrow.
    const before = parent.children[index - 1]
    if (before?.type === 'text') before.value = before.value.trimEnd()
    return index
  })
  return backrefs
}
