/**
 * Corrections for the colophon: when the front matter says `corrections:
 * true`, the word changes from the previous released edition (from the
 * history beside the article) to the text being built; a list of strings is
 * taken as the editor's own wording. The result travels on
 * `file.data.corrections`, where `colophon()` finds it.
 */
import type { VFile } from 'vfile'
import type { Corrections } from '../document/types.ts'
import { readHistory, type EditionRecord } from './history.ts'
import { diffSources } from './word-diff.ts'

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
