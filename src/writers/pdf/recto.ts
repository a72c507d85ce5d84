/**
 * Chapters open on a recto. Chromium ignores `break-before: recto`, so the
 * layout loop reads on which page each chapter opened and puts a blank page
 * before every chapter that opened on an even page (a verso: in a
 * right-to-left book the right-hand page). The blank page is a named page
 * without running head or number; it still counts, as in any printed book.
 */
import type { Element } from 'hast'
import { h } from 'hastscript'
import type { PrintChapter } from './chapters.ts'
import type { PageMap } from './toc.ts'

/** Named page of a blank verso. */
export const BLANK_PAGE = 'chapkhana-blank'

/**
 * Chapters (by number) that need a blank page before them, given the pages
 * they opened on in a rendering that had blanks before `current`. Chapters
 * are taken in order: a blank added or taken away moves every later chapter
 * by one page (each chapter starts a new page, so nothing else moves), and a
 * chapter that would open on an even page gains a blank, or loses the one it
 * had. The chapter after an untitled preface shares the preface's page.
 */
export function versoBlanks(chapters: readonly PrintChapter[], pages: PageMap, current: ReadonlySet<number>): Set<number> {
  const blanks = new Set<number>()
  let shift = 0
  for (const [i, chapter] of chapters.entries()) {
    // A chapter after an untitled preface (a basmala) opens on the preface's
    // page: the preface took the recto, and a blank between them would part them.
    if (chapters[i - 1]?.untitled) continue
    const measured = pages.get(chapter.id)
    const had = current.has(chapter.number)
    if (measured === undefined) {
      if (had) blanks.add(chapter.number)
      continue
    }
    const page = measured + shift
    if (page % 2 === 1) {
      if (had) blanks.add(chapter.number)
    } else if (had) {
      shift -= 1
    } else {
      blanks.add(chapter.number)
      shift += 1
    }
  }
  return blanks
}

/**
 * Where things land once the blank versos `after` replace `before`: the pages
 * `pages` measured (with `before`), each moved by the blanks added (+1) or
 * taken away (-1) before it. Only whole pages come and go, before chapters
 * that each start a page, and a chapter is set alike on a recto and a verso
 * (the inner and outer margins swap, the measure stays), so nothing else
 * moves: the next rendering prints its running heads and contents numbers
 * right the first time, instead of learning them from one more rendering.
 * A changed chapter that was not measured cannot be placed: `pages` as
 * measured, and the layout loop finds out.
 */
export function movedByBlanks(chapters: readonly PrintChapter[], pages: PageMap, before: ReadonlySet<number>, after: ReadonlySet<number>): PageMap {
  const steps: { from: number; shift: number }[] = []
  let shift = 0
  for (const chapter of chapters) {
    const delta = Number(after.has(chapter.number)) - Number(before.has(chapter.number))
    if (delta === 0) continue
    const opening = pages.get(chapter.id)
    if (opening === undefined) return pages
    shift += delta
    steps.push({ from: opening, shift })
  }
  if (steps.length === 0) return pages
  const moved = (page: number): number => page + (steps.findLast((step) => step.from <= page)?.shift ?? 0)
  return new Map([...pages].map(([id, page]) => [id, moved(page)]))
}

/** The blank page put before a chapter. */
export function blankPage(chapter: number): Element {
  return h('div.blank-page', { ariaHidden: 'true', dataBlankBefore: String(chapter) })
}

/** Page rules for blank pages: nothing in any margin box. */
export function blankPageCss(): string {
  const none = ['top-center', 'bottom-left', 'bottom-right', 'bottom-center', 'top-left', 'top-right'].map((box) => `@${box} { content: none; }`).join(' ')
  return [
    `.blank-page { page: ${BLANK_PAGE}; break-before: page; break-after: page; height: 1px; margin-bottom: -1px; }`,
    `@page ${BLANK_PAGE} { ${none} }`,
    `@page ${BLANK_PAGE}:left { ${none} }`,
    `@page ${BLANK_PAGE}:right { ${none} }`
  ].join('\n')
}
