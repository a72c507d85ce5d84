/**
 * Loading a book: its chapters are read and parsed like articles (inheriting
 * the book's language, direction and date where their front matter is
 * silent), checked, and joined into one tree.
 */
import path from 'node:path'
import type { VFile } from 'vfile'
import type { Config } from '../config/schema.ts'
import { resolveChapters } from '../source/book.ts'
import { readDocument } from '../source/read.ts'
import { checkCover, checkImages, type ImageResource } from '../tree/resources.ts'
import { liftTitleHeading } from '../tree/opening-heading.ts'
import { toHast } from '../tree/processor.ts'
import { makeEdition, type Edition } from '../publication/edition.ts'
import { joinChapters, type ChapterPart } from '../tree/join-chapters.ts'

/** Options every chapter and the book go through `toHast` with. */
export function hastOptions(config: Config): Parameters<typeof toHast>[1] {
  return { latinLang: config.latinLang, ...(config.proofing ? { severity: config.proofing } : {}) }
}

/** Turn `file` (a book read by `readDocument`) into one edition of all its chapters. */
export async function loadBook(file: VFile, config: Config): Promise<Edition> {
  const bookDir = path.dirname(path.resolve(file.path))
  const sources = await resolveChapters(file, file.data.book?.listed)
  const inherit = { lang: file.data.lang!, dir: file.data.dir!, fallbackDate: file.data.meta!.date, origin: `the book ${path.basename(file.path)}` }
  const parts: ChapterPart[] = []
  const images: ImageResource[] = []
  // A folder book without a list changes when a chapter file is added.
  const inputs = [file.path, ...(file.data.book?.listed ? [] : [bookDir]), ...sources]
  for (const source of sources) {
    const chapter = await readDocument(source, inherit)
    const tree = await toHast(chapter, hastOptions(config))
    const baseDir = path.dirname(source)
    // Images must lie in the chapter's folder, which lies in the book's.
    const checked = await checkImages(chapter, baseDir)
    images.push(...checked)
    inputs.push(...checked.map((i) => i.file))
    parts.push({ file: chapter, tree, baseDir })
  }
  const intro = await toHast(file, hastOptions(config))
  const own = await checkImages(file, bookDir)
  images.push(...own)
  inputs.push(...own.map((i) => i.file))
  const cover = await checkCover(file, bookDir)
  if (cover) inputs.push(cover.file)
  liftTitleHeading(intro, file)
  const joined = joinChapters(intro, file.data.headings ?? [], parts, bookDir, { lang: file.data.lang!, dir: file.data.dir! })
  file.data.headings = joined.headings
  if (!file.data.teaser) file.data.teaser = parts.find((p) => p.file.data.teaser)?.file.data.teaser ?? ''
  return makeEdition(file, joined.tree, bookDir, parts.map((p) => p.file), inputs, images)
}
