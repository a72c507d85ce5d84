/**
 * `release --rebuild N`: rebuild a released edition from its history and
 * check each output's sha256 against the one recorded. The build happens in
 * memory, from the sources as released (a book's chapters from the history,
 * its images checked against their recorded sha256). A released file is
 * never replaced by different bytes: a build that matches restores the
 * released file if it went missing, and one that differs is put beside it as
 * `<slug>-ed<N>.rebuilt.<format>` for comparison, the released file untouched.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { VFile } from 'vfile'
import { BrowserPool } from '../pipeline/browser-pool.ts'
import type { Config } from '../config/schema.ts'
import { writeFileAtomic } from '../util/atomic.ts'
import { buildText } from './build-text.ts'
import { historyPath, readHistory, RELEASED_FORMATS, sha256, type EditionRecord, type ReleasedFormat } from '../source/history.ts'
import { editionOutput, RELEASED_ONLY } from './release.ts'
import { readExact } from '../source/exact-text.ts'
import { failure } from '../util/failure.ts'
import { stageEdition } from './sources.ts'

/** How one rebuilt format compares with the released one. */
export interface FormatCheck {
  readonly format: ReleasedFormat
  /** `unrecorded`: the edition was not released in this format, nothing to compare with. */
  readonly status: 'matches' | 'differs' | 'unrecorded'
  /** The released file (`out/<slug>-ed<N>.<format>`, `out/<slug>-ed<N>-press.pdf`, `-press-cover.pdf`). */
  readonly released: string
  /** Where a differing build was put (never over the released file). */
  readonly rebuilt?: string
  /** The sha256 recorded at release, and the one rebuilt. */
  readonly recorded?: string
  readonly sha256: string
}

/** The outcome of a rebuild, for the report. */
export interface RebuildResult {
  readonly record: EditionRecord
  /** Files written: a restored released file, or a differing build. */
  readonly written: readonly string[]
  /** One per format rebuilt (only those `--format` asked for). */
  readonly checks: readonly FormatCheck[]
  readonly file: VFile
}

/** The file a differing rebuild of `released` is put in. */
export function rebuiltPath(released: string): string {
  return released.replace(/(-press(?:-cover)?)?\.(epub|pdf)$/, '.rebuilt$1.$2')
}

/** Rebuild released edition `n` of `article` from its history, comparing sha256; never replaces released bytes. */
export async function rebuildEdition(article: string, n: number, config: Config): Promise<RebuildResult> {
  // The reader pages are no part of a released edition: nothing of theirs to check.
  if (!config.formats.some((f) => f !== 'html')) throw failure('nothing-to-release', RELEASED_ONLY, { file: article })
  await readExact(article)
  const history = await readHistory(article)
  const record = history.find((r) => r.edition === n)
  if (!record) {
    const known = history.map((r) => r.edition).join(', ')
    throw failure('edition-unknown', `edition ${n} was never released${known ? ` (released: ${known})` : ' (no edition was released yet)'}; see ${historyPath(article)}`, { file: article })
  }
  // The outputs carry SOURCE_DATE_EPOCH's time in their zip entries: use the release's.
  if (record.sourceDateEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH
  else process.env.SOURCE_DATE_EPOCH = String(record.sourceDateEpoch)
  // A history from before chapkhana recorded every source: only the article's text is known.
  const staged = record.files ? await stageEdition(article, record) : undefined
  const browsers = new BrowserPool()
  try {
    const built = await buildText(record.source, staged?.article ?? article, config, browsers, history.filter((r) => r.edition < n))
    const checks: FormatCheck[] = []
    const written: string[] = []
    for (const format of RELEASED_FORMATS) {
      const bytes = built.outputs[format]
      if (!bytes) continue
      const hash = sha256(bytes)
      const released = editionOutput(config.outDir, built.edition.slug, n, format)
      const recorded = record.outputs[format]?.sha256
      if (recorded === undefined) {
        checks.push({ format, status: 'unrecorded', released, sha256: hash })
      } else if (hash === recorded) {
        // These are the released bytes: put them back only if the file went missing or was altered.
        const onDisk = await readFile(released).then(sha256, () => undefined)
        if (onDisk !== recorded) written.push(await writeFileAtomic(path.resolve(released), bytes))
        checks.push({ format, status: 'matches', released, recorded, sha256: hash })
      } else {
        const rebuilt = rebuiltPath(released)
        await writeFileAtomic(path.resolve(rebuilt), bytes)
        written.push(rebuilt)
        checks.push({ format, status: 'differs', released, rebuilt, recorded, sha256: hash })
      }
    }
    // Messages name the article, not the staged copy it was built from.
    const file = built.edition.file
    if (staged) {
      file.history = [article]
      for (const m of file.messages) m.file = article
    }
    return { record, written, checks, file }
  } finally {
    await browsers.close()
    await staged?.dispose()
  }
}
