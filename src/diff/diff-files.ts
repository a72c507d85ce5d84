/**
 * The other sources of an edition in `diff`: a book's chapters compared word
 * by word like the article, images and the cover by sha256 (changed, added,
 * removed). Histories written before chapkhana recorded these files say so
 * rather than showing every chapter as new.
 */
import type { FileRecord } from '../source/history.ts'
import { diffText } from './render-diff.ts'
import { diffSources, type TextDiff } from './word-diff.ts'

/** One side of the comparison: its label and its files (undefined: not known). */
export interface FilesSide {
  readonly label: string
  readonly files: readonly FileRecord[] | undefined
}

/** What changed among the files. */
export interface FilesDiff {
  /** Chapters whose words changed, each with its diff. */
  readonly texts: readonly { readonly path: string; readonly diff: TextDiff }[]
  /** Images and cover: `images/a.png: changed`. */
  readonly binaries: readonly string[]
  /** Why the files could not be compared, when they could not. */
  readonly unknown?: string
}

/** Compare the files of two sides. */
export function diffFiles(from: FilesSide, to: FilesSide): FilesDiff {
  if (from.files === undefined || to.files === undefined) {
    const side = from.files === undefined ? from : to
    const any = (from.files ?? to.files ?? []).length > 0
    return { texts: [], binaries: [], ...(any ? { unknown: `${side.label} has no record of its chapters and images (released by an older chapkhana): only the article's own text is compared` } : {}) }
  }
  const before = new Map(from.files.map((f) => [f.path, f]))
  const after = new Map(to.files.map((f) => [f.path, f]))
  const texts: { path: string; diff: TextDiff }[] = []
  const binaries: string[] = []
  for (const file of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(file)
    const b = after.get(file)
    if (a?.sha256 === b?.sha256) continue
    if (a?.source !== undefined || b?.source !== undefined) {
      texts.push({ path: file, diff: diffSources(a?.source ?? '', b?.source ?? '') })
    } else {
      binaries.push(`${file}: ${a && b ? 'changed' : a ? 'removed' : 'added'}`)
    }
  }
  return { texts, binaries }
}

/** The terminal report of `diff` for the files, after the article's own (empty when nothing changed). */
export function filesDiffText(diff: FilesDiff, options: { colour: boolean; from: string; to: string }): string {
  const out: string[] = []
  if (diff.unknown) out.push(`\n${diff.unknown}\n`)
  for (const t of diff.texts) out.push(`\n${diffText(t.diff, { colour: options.colour, from: `${options.from}, ${t.path}`, to: `${options.to}, ${t.path}` })}`)
  if (diff.binaries.length > 0) out.push(`\n${diff.binaries.join('\n')}\n`)
  return out.join('')
}
