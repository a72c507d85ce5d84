/**
 * Every source of an edition besides the article itself: a book's chapters,
 * the images of the article or its chapters, and the cover. A release records
 * them in the history (chapters with their text, binary files by sha256), so a
 * correction inside a chapter or a replaced image is a new edition, `diff`
 * shows it, and `release --rebuild N` builds edition N from what was released
 * rather than from today's chapters.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { decodedPath } from '../tree/resources.ts'
import type { Edition } from '../publication/edition.ts'
import { sha256, type EditionRecord, type FileRecord } from '../source/history.ts'
import { readExact } from '../source/exact-text.ts'
import { failure } from '../util/failure.ts'

const MARKDOWN = /\.(md|markdown)$/i

/** `abs` relative to `folder` with `/` separators, or undefined when it lies outside. */
function relativeTo(folder: string, abs: string): string | undefined {
  const rel = path.relative(folder, abs)
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined
  return rel.split(path.sep).join('/')
}

/**
 * The sources of `edition` (built from `article`) other than the article, as
 * history records: paths as the article names them (links not followed),
 * relative to its folder, sorted.
 */
export async function sourceFiles(edition: Edition, article: string): Promise<FileRecord[]> {
  const folder = path.dirname(path.resolve(article))
  const cover = edition.file.data.cover
  const wanted = [
    ...edition.chapters.map((c) => path.resolve(c.path)),
    ...edition.images.keys(),
    ...(cover ? [path.resolve(folder, decodedPath(cover.src))] : [])
  ]
  const out = new Map<string, FileRecord>()
  for (const abs of wanted) {
    const rel = relativeTo(folder, abs)
    // Chapters and images are checked to lie inside the article's folder before this.
    if (rel === undefined || out.has(rel)) continue
    if (MARKDOWN.test(abs)) {
      const source = await readExact(abs)
      out.set(rel, { path: rel, sha256: sha256(source), source })
    } else {
      out.set(rel, { path: rel, sha256: sha256(await readFile(abs)) })
    }
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/**
 * True when `recorded` (an edition's files; undefined in a history written
 * before they were recorded) are exactly `now`.
 */
export function sameFiles(recorded: readonly FileRecord[] | undefined, now: readonly FileRecord[]): boolean {
  if (recorded === undefined) return now.length === 0
  return recorded.length === now.length && recorded.every((f, i) => f.path === now[i]?.path && f.sha256 === now[i]?.sha256)
}

/** A staged copy of a released edition's sources, to build it as released. */
export interface StagedEdition {
  /** Where the article's text was put; its folder has the same name as the article's. */
  readonly article: string
  readonly dispose: () => Promise<void>
}

/**
 * Put the sources of released `record` into a temporary folder shaped like
 * the article's: its text and its chapters' texts from the history, its
 * images and cover from the article's folder after checking they are the
 * bytes released. Throws a `source-changed` failure naming a file that changed or went.
 */
export async function stageEdition(article: string, record: EditionRecord): Promise<StagedEdition> {
  const home = path.dirname(path.resolve(article))
  const root = await mkdtemp(path.join(os.tmpdir(), 'chapkhana-rebuild-'))
  const dispose = (): Promise<void> => rm(root, { recursive: true, force: true })
  try {
    // The folder keeps its name: `guide/index.md` and `nato/book.md` take their slug from it.
    const folder = path.join(root, path.basename(home))
    const staged = path.join(folder, path.basename(article))
    await mkdir(folder, { recursive: true })
    await writeFile(staged, record.source)
    for (const f of record.files ?? []) {
      const target = path.join(folder, ...f.path.split('/'))
      await mkdir(path.dirname(target), { recursive: true })
      if (f.source !== undefined) {
        await writeFile(target, f.source)
        continue
      }
      const bytes = await readFile(path.join(home, ...f.path.split('/'))).catch(() => undefined)
      if (!bytes || sha256(bytes) !== f.sha256) {
        throw failure('source-changed', `${path.join(path.dirname(article), f.path)} ${bytes ? 'changed' : 'is missing'} since edition ${record.edition} was released (sha256 ${f.sha256.slice(0, 16)}…): restore it from version control to rebuild that edition exactly`, { file: article })
      }
      await writeFile(target, bytes)
    }
    return { article: staged, dispose }
  } catch (error) {
    await dispose()
    throw error
  }
}
