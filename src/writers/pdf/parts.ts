/**
 * A book cut into parts that Chromium lays out one by one: the front matter
 * (title page, colophon, contents) and groups of whole chapters. Chapters
 * open on rectos, so a part's layout never depends on the parts before it,
 * only its page numbers do; one layout of the whole book costs more than
 * linear time and memory in its length (a 200-chapter book: 31.8 s and
 * 1.7 GB), laying out parts of a bounded size costs linear time and bounded
 * memory.
 */
import { toString } from 'hast-util-to-string'
import { DEFAULT_BOOK_PARTS } from '../../config/options.ts'
import type { PrintChapter } from './chapters.ts'

/**
 * Characters of text a part holds at least before the next chapter starts a
 * new part: the config's default (`bookParts`, about 50 A4 pages: up to
 * there one layout still costs linear time). Each part costs renderings of
 * its own (about 0.4 s of CPU each); docs/benchmarks.md has the sizes
 * measured. Tests make every chapter a part with 1.
 */
export const PART_CHARS = DEFAULT_BOOK_PARTS

/**
 * The chapters in parts of at least `size` characters (the last may be
 * smaller), in order. An untitled preface stays with the chapter that
 * follows it: they share a page.
 */
export function chapterParts(chapters: readonly PrintChapter[], size = PART_CHARS): PrintChapter[][] {
  const parts: PrintChapter[][] = []
  let current: PrintChapter[] = []
  let chars = 0
  for (const chapter of chapters) {
    current.push(chapter)
    chars += toString({ type: 'root', children: chapter.children }).length
    if (chars >= size && !chapter.untitled) {
      parts.push(current)
      current = []
      chars = 0
    }
  }
  if (current.length > 0) parts.push(current)
  return parts
}
