/**
 * Corrections for the colophon: when the front matter says `corrections:
 * true`, the word changes from the previous released edition (from the
 * history beside the article) to the text being built; a list of strings is
 * taken as the editor's own wording. The result travels on
 * `file.data.corrections`, where `colophon()` finds it.
 */
import path from 'node:path'
import type { VFile } from 'vfile'
import type { Corrections } from '../types/document.ts'
import { readHistory, type EditionRecord } from '../source/history.ts'
import { diffSources } from '../diff/word-diff.ts'

/** The corrections from `previous` (a released edition) to `source`. */
export function correctionsBetween(previous: EditionRecord, source: string): Corrections {
  const diff = diffSources(previous.source, source)
  const items = diff.paragraphs.flatMap((p) => p.changes.map((c) => ({ before: c.before, after: c.after })))
  return { since: previous.edition, items }
}

/**
 * Attach corrections to `file` (read with readDocument/documentFromText) when
 * its front matter asks for them. `history` defaults to the file beside the
 * article; the previous edition is the last released one below this edition.
 */
export async function attachCorrections(file: VFile, history?: readonly EditionRecord[]): Promise<void> {
  const meta = file.data.meta
  if (!meta?.corrections) return
  const records = history ?? (await readHistory(file.path))
  const previous = records.filter((r) => r.edition < meta.edition).at(-1)
  if (!previous) return
  if (meta.corrections !== true) {
    file.data.corrections = { since: previous.edition, items: meta.corrections.map((note) => ({ note })) }
    return
  }
  file.data.corrections = correctionsBetween(previous, String(file.value))
}

/**
 * A book's chapters are corrected too: add the word changes of each chapter
 * (`chapters`, as read for this edition) since the previous released edition,
 * whose chapter texts the history keeps, to the book's corrections.
 */
export async function attachChapterCorrections(file: VFile, chapters: readonly VFile[], history?: readonly EditionRecord[]): Promise<void> {
  const meta = file.data.meta
  if (meta?.corrections !== true || chapters.length === 0) return
  const records = history ?? (await readHistory(file.path))
  const previous = records.filter((r) => r.edition < meta.edition).at(-1)
  // A history from before chapters were recorded cannot tell what changed in them.
  if (!previous?.files) return
  const folder = path.dirname(path.resolve(file.path))
  const items = [...(file.data.corrections?.items ?? [])]
  for (const chapter of chapters) {
    const rel = path.relative(folder, path.resolve(chapter.path)).split(path.sep).join('/')
    const before = previous.files.find((f) => f.path === rel)?.source ?? ''
    const diff = diffSources(before, String(chapter.value))
    items.push(...diff.paragraphs.flatMap((p) => p.changes.map((c) => ({ before: c.before, after: c.after }))))
  }
  file.data.corrections = { since: previous.edition, items }
}
