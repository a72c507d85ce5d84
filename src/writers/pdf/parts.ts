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
 * The chapters in parts of about `size` characters, in order: the book's
 * text shared evenly among as many parts as `size` makes of it, so that no
 * small last part costs renderings of its own (the 50-chapter book was three
 * parts of 16 chapters and one of 2: a draft and a final rendering of 36 KB,
 * ~0.3 s, for 12 pages). Each cut falls at the end of the chapter nearest to
 * its share of the text, never after an untitled preface: it shares a page
 * with the chapter that follows it.
 */
export function chapterParts(chapters: readonly PrintChapter[], size = PART_CHARS): PrintChapter[][] {
  let total = 0
  const ends = chapters.map((chapter) => (total += toString({ type: 'root', children: chapter.children }).length))
  const count = Math.max(1, Math.round(total / size))
  const cuts: number[] = []
  for (let k = 1; k < count && (cuts.at(-1) ?? -1) < chapters.length - 2; k++) {
    const goal = (k * total) / count
    let best = -1
    for (let i = (cuts.at(-1) ?? -1) + 1; i < chapters.length - 1; i++) {
      if (chapters[i]!.untitled) continue
      if (best < 0 || Math.abs(ends[i]! - goal) < Math.abs(ends[best]! - goal)) best = i
      // The ends only move further from the goal after the first past it.
      if (ends[i]! >= goal) break
    }
    if (best >= 0) cuts.push(best)
  }
  return [...cuts, chapters.length - 1].map((end, i) => chapters.slice(i === 0 ? 0 : cuts[i - 1]! + 1, end + 1)).filter((part) => part.length > 0)
}
