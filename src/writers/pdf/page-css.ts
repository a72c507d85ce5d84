/**
 * The page box and its furniture as CSS `@page` rules, generated from the
 * edition's facts: mirrored margins, page numbers in the document's digits in
 * the outer bottom corner, and running heads.
 *
 * A book with several chapters prints each chapter under its own named page
 * (`page: chapter-3`), so the running head can follow it: the book title on
 * the verso, the chapter title on the recto, as books do. The opening page of
 * a chapter carries no head. Chromium has no `:nth()` page selector and no
 * `string-set`, so the head is a page counter drawn in a custom counter style
 * whose only symbol is the title and whose range starts the page after the
 * chapter opens (known from the previous rendering); before that range the
 * fallback style draws nothing.
 */
import type { Edition } from '../../publication/edition.ts'
import { cssString } from '../../publication/styles.ts'
import type { PrintChapter } from './chapters.ts'
import type { PageMap } from './toc.ts'

/** Page geometry in millimetres. The inner margin is the one at the spine. */
export const PAGE = { top: 24, bottom: 24, inner: 27, outer: 18 } as const

/** Named page of the table of contents. */
export const CONTENTS_PAGE = 'contents'

/** Named page of a book's colophon (the title page's verso). */
export const COLOPHON_PAGE = 'colophon'

/** Named page of chapter `n`. */
export const chapterPage = (n: number): string => `chapter-${n}`

const NONE = 'chapkhana-none'

/** A counter style printing `text` on pages after `opening`, nothing before. */
function headStyle(name: string, text: string, opening: number): string {
  return `@counter-style ${name} { system: cyclic; symbols: ${cssString(text)}; range: ${opening + 1} infinite; fallback: ${NONE}; }`
}

/** Which side of the spread is the recto: in a right-to-left book, the left one. */
function sides(edition: Edition): { recto: 'left' | 'right'; verso: 'left' | 'right' } {
  return edition.dir === 'rtl' ? { recto: 'left', verso: 'right' } : { recto: 'right', verso: 'left' }
}

/** How a document relates to the book it prints (a part of a book is printed on its own). */
export interface PageCssOptions {
  /** Named pages and running heads per chapter (default: when there are several chapters). */
  readonly book?: boolean
  /** The document's first page is the title page, without furniture (default: yes). */
  readonly titlePage?: boolean
}

/** `@page` rules for an edition; named pages when there are several chapters. */
export function pageCss(edition: Edition, chapters: readonly PrintChapter[] = [], pages: PageMap = new Map(), options: PageCssOptions = {}): string {
  const counter = `counter(page, ${edition.locale.counterStyle})`
  // Margin boxes inherit nothing from the body: repeat what keeps the text
  // layer whole (no kerning, see print.css).
  const box = `font-family: "Chapkhana Amiri"; font-size: 9pt; font-kerning: none; color: #444; direction: ${edition.dir};`
  const title = cssString(edition.meta.title)
  // A left-hand page has the spine on its right, whatever the script: the
  // browser decides which pages are left ones from the document direction.
  const rules = [
    `@page { size: 210mm 297mm; margin: ${PAGE.top}mm ${PAGE.outer}mm ${PAGE.bottom}mm ${PAGE.outer}mm; }`,
    `@page :left { margin-left: ${PAGE.outer}mm; margin-right: ${PAGE.inner}mm;
  @top-center { content: ${title}; ${box} }
  @bottom-left { content: ${counter}; ${box} } }`,
    `@page :right { margin-left: ${PAGE.inner}mm; margin-right: ${PAGE.outer}mm;
  @top-center { content: ${title}; ${box} }
  @bottom-right { content: ${counter}; ${box} } }`,
    // A part that opens on a chapter keeps the number of its first page.
    ...(options.titlePage ?? true ? [`@page :first { @top-center { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }`] : [])
  ]
  if (!(options.book ?? chapters.length >= 2)) return rules.join('\n')

  const { recto, verso } = sides(edition)
  rules.push(`@counter-style ${NONE} { system: cyclic; symbols: ""; }`)
  // The table of contents: its own head from its second page on.
  // After the title page and its verso (the colophon) until the first rendering says.
  const contents = pages.get('contents') ?? 3
  rules.push(headStyle('chapkhana-head-contents', edition.words.contents, contents))
  rules.push(`nav.toc { page: ${CONTENTS_PAGE}; }`)
  // The title page's verso carries the colophon and, like the title page, no furniture.
  rules.push(`.colophon { page: ${COLOPHON_PAGE}; }`)
  rules.push(`@page ${COLOPHON_PAGE} { @top-center { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }`)
  for (const side of [recto, verso]) {
    rules.push(`@page ${CONTENTS_PAGE}:${side} { @top-center { content: counter(page, chapkhana-head-contents); } }`)
  }
  chapters.forEach((chapter, i) => {
    const next = chapters[i + 1]
    // An untitled preface shares the first chapter's pages: a change of named
    // page would force the break it must not have.
    if (chapter.untitled && next) {
      rules.push(`section#${chapter.id} { page: ${chapterPage(next.number)}; }`)
      return
    }
    const name = chapterPage(chapter.number)
    const opening = pages.get(chapter.id) ?? 1
    rules.push(headStyle(`chapkhana-head-book-${chapter.number}`, edition.meta.title, opening))
    rules.push(headStyle(`chapkhana-head-chapter-${chapter.number}`, chapter.title, opening))
    rules.push(`section#${chapter.id} { page: ${name}; }`)
    rules.push(`@page ${name}:${verso} { @top-center { content: counter(page, chapkhana-head-book-${chapter.number}); } }`)
    rules.push(`@page ${name}:${recto} { @top-center { content: counter(page, chapkhana-head-chapter-${chapter.number}); } }`)
  })
  return rules.join('\n')
}
