/**
 * Books: a Markdown file whose front matter lists `chapters:` (paths of
 * chapter articles, relative to the book file) is a book. Its own body, if
 * any, opens the book before the first chapter. A folder with a `book.md`
 * whose list is left out takes every other Markdown file of the folder, in
 * name order. Everything that can be wrong with the list is reported at the
 * `chapters:` line.
 */
import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { VFile } from 'vfile'
import { keyLine } from './front-matter.ts'
import '../types/document.ts'
import { isBelow } from '../util/inside.ts'

declare module 'vfile' {
  interface DataMap {
    /** Set when the document is a book: its chapter list as written (none: the folder's files). */
    book: { readonly listed?: readonly string[] }
    /** Absolute paths of a book's chapter sources, in reading order (after `resolveChapters`). */
    chapters: string[]
  }
}

const MARKDOWN = /\.(md|markdown)$/i

/** Is this file name the description of a folder book? */
export const isBookFileName = (name: string): boolean => /^book\.(md|markdown)$/i.test(name)

/** True when the front matter makes the document a book. */
export function declaresBook(data: Record<string, unknown>, filePath: string): boolean {
  return data.chapters !== undefined || isBookFileName(path.basename(filePath))
}

/**
 * Read the `chapters:` list of a book's front matter (paths as written;
 * checked later by `resolveChapters`). Fails `file` when it is not a list of paths.
 */
export function chapterList(file: VFile, data: Record<string, unknown>): string[] | undefined {
  const raw = data.chapters
  if (raw === undefined || raw === null) return undefined
  const items = Array.isArray(raw) ? raw : [raw]
  if (items.length === 0 || !items.every((x) => typeof x === 'string' && x.trim() !== '')) {
    file.fail('`chapters` must be a list of chapter files, one per line (`- chapters/01.md`), relative to the book file', {
      place: keyLine(file, 'chapters'),
      ruleId: 'book-chapters',
      source: 'chapkhana'
    })
  }
  return (items as string[]).map((x) => x.trim())
}

/**
 * Resolve and check a book's chapters: each must exist, be Markdown, lie
 * inside the book's folder (links included), and appear once. Sets
 * `file.data.chapters`.
 */
export async function resolveChapters(file: VFile, listed: readonly string[] | undefined): Promise<string[]> {
  const bookPath = path.resolve(file.path)
  const folder = path.dirname(bookPath)
  const place = keyLine(file, 'chapters')
  const fail = (reason: string): never => file.fail(reason, { place, ruleId: 'book-chapters', source: 'chapkhana' })
  let names = listed
  if (!names) {
    const all = await readdir(folder)
    names = all.filter((n) => MARKDOWN.test(n) && !n.startsWith('.') && !isBookFileName(n)).sort()
    if (names.length === 0) fail(`The book has no chapters: put chapter .md files in ${path.basename(folder)}/ or list them under \`chapters:\``)
  }
  const root = await realpath(folder)
  const seen = new Set<string>()
  const out: string[] = []
  for (const name of names!) {
    const chapter = path.resolve(folder, name)
    if (!MARKDOWN.test(chapter)) fail(`Chapter ${JSON.stringify(name)} is not a Markdown file: list .md files`)
    if (!isBelow(folder, chapter)) fail(`Chapter ${JSON.stringify(name)} is outside the book's folder: move it next to the book file`)
    if (chapter === bookPath) fail('The book lists itself as a chapter: list only the chapter files')
    const real = await realpath(chapter).catch(() => fail(`Chapter ${JSON.stringify(name)} does not exist: check the path (relative to ${path.basename(folder)}/)`))
    if (!isBelow(root, real)) fail(`Chapter ${JSON.stringify(name)} is a link to a file outside the book's folder: copy the file instead`)
    if (!(await stat(real)).isFile()) fail(`Chapter ${JSON.stringify(name)} is not a file`)
    if (seen.has(real)) fail(`Chapter ${JSON.stringify(name)} is listed twice: list each chapter once`)
    seen.add(real)
    out.push(chapter)
  }
  file.data.chapters = out
  return out
}
