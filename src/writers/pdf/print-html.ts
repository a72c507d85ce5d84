/**
 * The print rendering: one HTML document with the title block, the table of
 * contents (when there are several chapters), the chapters with their
 * endnotes and the colophon, styled by `base.css` + `print.css`, with the page
 * box and its furniture from `page-css.ts`.
 */
import { pathToFileURL } from 'node:url'
import path from 'node:path'
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { decodedPath } from '../../tree/resources.ts'
import { h } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { BOOK_FONT, CODE_FONT, fontFaceCss } from '../../fonts/fonts.ts'
import { SYSTEM_FACES } from '../../browser/fontconfig.ts'
import { documentFaces } from '../../fonts/faces-used.ts'
import { colophon, imageOf, titleBlock, type Edition } from '../../publication/edition.ts'
import { stylesheet } from '../../publication/styles.ts'
import { chapterLanguage, chapterLocale } from '../../publication/chapter-split.ts'
import { printChapters, type PrintChapter } from './chapters.ts'
import { breakLongWords, markWide } from './fit.ts'
import { bookmarksOf, outlineAnchors } from './outline.ts'
import { pageCss } from './page-css.ts'
import { tocEntries, tocNav, type PageMap } from './toc.ts'
import { placeFootnotes } from './footnotes/place.ts'
import { TOP_ID, type FootPlan } from './footnotes/types.ts'
import { blankPage, blankPageCss } from './recto.ts'
import { externalLinks, partCss, partPages } from './part-html.ts'

export { PAGE, pageCss } from './page-css.ts'

/** The print document for one layout pass. */
export interface PrintLayout {
  readonly chapters: readonly PrintChapter[]
  /** Pages found by the previous pass (empty on the first); a chapter part's counted from its own first page. */
  readonly pages: PageMap
  /** Notes at the foot of their pages: the page feet planned so far (none: notes print as endnotes). */
  readonly foot?: FootPlan
  /** Chapters (by number) with a blank page before them, so that they open on a recto. */
  readonly blanks?: ReadonlySet<number>
  /** One part of a book laid out on its own (`parts.ts`); none: the whole edition in one document. */
  readonly part?: PrintPart
}

/**
 * A part of a book printed as its own document: the front matter (title
 * page, colophon, contents of `book`) or some of its chapters, numbered on
 * from `offset`. Links to ids outside the part point outside the document
 * (`externalHref`) until the merge turns them back into destinations.
 */
export interface PrintPart {
  readonly front: boolean
  /** Pages before the part's first page (its first page prints `offset + 1`). */
  readonly offset: number
  /** Every chapter of the book (the contents lists them all). */
  readonly book: readonly PrintChapter[]
}

/** Whether an edition has notes at all. */
export function hasNotes(chapters: readonly PrintChapter[]): boolean {
  return chapters.some((c) => c.children.some((n) => n.type === 'element' && n.tagName === 'section' && String(n.properties.className ?? '').includes('endnotes')))
}

/**
 * The first layout of an edition: its chapters, no page numbers yet; notes
 * at the foot of the page unless the front matter (or else `notes`) says end.
 */
export function firstLayout(edition: Edition, notes: 'foot' | 'end' = 'foot', chapters: readonly PrintChapter[] = printChapters(edition)): PrintLayout {
  const foot = (edition.meta.notes ?? notes) === 'foot' && hasNotes(chapters)
  return { chapters, pages: new Map(), ...(foot ? { foot: { cuts: [] } } : {}) }
}

/**
 * The print HTML is loaded from a temporary folder, so the article's images
 * are given as absolute `file:` URLs of the checked files (inside the folder
 * the render lock lets the page read).
 */
function localImages(edition: Edition, sections: readonly Element[]): void {
  for (const section of sections) {
    visit(section, 'element', (node: Element) => {
      const image = node.tagName === 'img' ? imageOf(edition, node.properties.src) : undefined
      if (!image) return
      // A cleaned SVG is printed as cleaned, from memory.
      node.properties.src = image.bytes
        ? `data:${image.mediaType};base64,${image.bytes.toString('base64')}`
        : pathToFileURL(path.resolve(edition.baseDir, decodedPath(String(node.properties.src)))).href
    })
  }
}

/** The complete print HTML for `edition`, with fonts as `file:` URLs. */
export async function printHtml(edition: Edition, layout: PrintLayout = firstLayout(edition)): Promise<string> {
  const { chapters, pages, part } = layout
  // A part of a book is printed as a book (named pages, running heads) even with one chapter.
  const several = part !== undefined || chapters.length > 1
  const css = [
    // The browser has the faces as system fonts (browser/fontconfig.ts): asked for by name, they are decoded once, not once per document.
    fontFaceCss((face) => pathToFileURL(face.file).href, documentFaces(edition.tree, BOOK_FONT.faces, CODE_FONT.faces).faces, { local: SYSTEM_FACES }),
    await stylesheet('base'),
    await stylesheet('print'),
    // A chapter part measures its pages from its own first page; its page counter goes on from `offset`.
    pageCss(edition, part?.front ? part.book : chapters, part && !part.front ? partPages(part, chapters, pages) : pages, part ? { book: true, titlePage: part.front } : {}),
    // Press-edition layout (notes at the foot, blank versos): own sheet and rules, after the page furniture.
    await stylesheet('footnotes'),
    blankPageCss(),
    ...(part ? [partCss(part, chapters)] : [])
  ].join('\n')
  const localeOf = (c: PrintChapter) => chapterLocale(c.children, edition.locale)
  const placed = layout.foot ? placeFootnotes(chapters, layout.foot, (c) => localeOf(c).words.footnotes, (c) => localeOf(c).tag).chapters : chapters
  const sections = placed.flatMap((chapter) => [
    ...(layout.blanks?.has(chapter.number) ? [blankPage(chapter.number)] : []),
    // A chapter in another language than the book is set in its own language and direction.
    h('section.chapter', { id: chapter.id, className: chapter.untitled ? ['untitled'] : [], ...chapterLanguage(chapter.children) }, chapter.children)
  ])
  localImages(edition, sections)
  markWide({ type: 'root', children: sections })
  breakLongWords({ type: 'root', children: sections })
  const body = part
    ? partBody(edition, layout, part, sections)
    : [
        titleBlock(edition),
        // A book's colophon is on the title page's verso, an article's after its text.
        ...(several ? [colophon(edition), tocNav(edition, chapters, pages)] : []),
        h('main', sections),
        ...(several ? [] : [colophon(edition)]),
        outlineAnchors(bookmarksOf(chapters), several ? ['contents', ...prefaces(chapters)] : [])
      ]
  const doc: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: edition.lang, dir: edition.dir }, [
        h('head', [h('meta', { charset: 'utf-8' }), h('title', edition.meta.title), h('style', css)]),
        h('body', { className: several ? ['book'] : ['article'] }, [
          // The top of the first page's text block, from which the footnote layout measures.
          ...(layout.foot ? [h('div.flow-marker', { id: TOP_ID })] : []),
          ...body
        ])
      ])
    ]
  }
  // Links to what another part prints leave the document until the merge.
  if (part) externalLinks(doc)
  return unified().use(rehypeStringify).stringify(doc)
}

/**
 * The untitled prefaces' ids: no heading or contents entry links to them, and
 * Chromium writes a destination only for a link's target; without one the
 * layout never learns a preface's page, and it could open on a verso.
 */
const prefaces = (chapters: readonly PrintChapter[]): string[] => chapters.filter((chapter) => chapter.untitled).map((chapter) => chapter.id)

/** What a part's body holds: the front matter, or its chapters and their outline anchors. */
function partBody(edition: Edition, layout: PrintLayout, part: PrintPart, sections: readonly Element[]): Element[] {
  if (part.front) return [titleBlock(edition), colophon(edition), tocNav(edition, part.book, layout.pages), outlineAnchors([], ['contents'])]
  // The contents' targets too: the front part's contents learn their pages from here.
  const bookmarks = bookmarksOf(layout.chapters)
  const marked = new Set(bookmarks.map((b) => b.target))
  return [h('main', [...sections]), outlineAnchors(bookmarks, [...tocEntries(layout.chapters).map((entry) => entry.target).filter((id) => !marked.has(id)), ...prefaces(layout.chapters)])]
}
