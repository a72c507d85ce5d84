/**
 * Releasing a new edition of an article, and rebuilding an old one.
 *
 * Order of a release, so that a failure at any step records nothing:
 * validate everything → build both outputs in memory → write the edition's
 * outputs → append to the history (atomic) → rewrite the front matter
 * (atomic; the history is restored if that fails) → point the latest outputs
 * at the new edition. A lock file keeps two releases of one article apart.
 */
import { chmod, link, open, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { VFile } from 'vfile'
import type { Config } from '../config/schema.ts'
import { documentFromText } from '../document/read.ts'
import { BrowserPool } from '../build/browser-pool.ts'
import { writeFileAtomic } from '../util/atomic.ts'
import { GENERATOR } from '../version.ts'
import { buildText } from './build-text.ts'
import { historyPath, readHistory, RELEASED_FORMATS, sha256, writeHistory, type EditionRecord, type OutputRecord, type ReleasedFormat } from './history.ts'
import { ArticleError, readExact, releaseDate } from './source.ts'
import { stampEdition } from './stamp.ts'

/** What `release` was asked for. */
export interface ReleaseOptions {
  /** `--edition N`: must be greater than the last released edition. */
  readonly edition?: number
  /** `--date YYYY-MM-DD`; default today (UTC) or `SOURCE_DATE_EPOCH`'s day. */
  readonly date?: string
}

/** The outcome of a release or rebuild, for the report. */
export interface ReleaseResult {
  readonly record: EditionRecord
  /** Paths written, edition names first. */
  readonly written: readonly string[]
  /** For a rebuild: formats whose sha256 differs from the released one. */
  readonly mismatches: readonly string[]
  /** The document as built, with its proofing warnings, for the report. */
  readonly file: VFile
}

/** `out/<slug>-ed<N>.<format>` (the press PDF: `out/<slug>-ed<N>-press.pdf`). */
export function editionOutput(outDir: string, slug: string, edition: number, format: string): string {
  return path.join(outDir, format === 'press' ? `${slug}-ed${edition}-press.pdf` : `${slug}-ed${edition}.${format}`)
}

/** The latest copy of a format: `out/<slug>.<format>` (the press PDF: `out/<slug>-press.pdf`). */
function latestOutput(outDir: string, slug: string, format: ReleasedFormat): string {
  return path.join(outDir, format === 'press' ? `${slug}-press.pdf` : `${slug}.${format}`)
}

/** Atomically make `target` the same file as `source` (a hard link, or a copy where links fail). */
async function publishAs(source: string, target: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.link.tmp`)
  try {
    await rm(temp, { force: true })
    await link(source, temp)
    await rename(temp, target)
  } catch {
    await rm(temp, { force: true })
    await writeFileAtomic(target, bytes)
  }
}

/** Take the per-article lock (`<name>.history.yaml.lock`); returns its release function. */
async function lock(article: string): Promise<() => Promise<void>> {
  const file = `${historyPath(article)}.lock`
  try {
    await (await open(file, 'wx')).close()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    throw new ArticleError(`${article}: another release of this article is running (${file} exists); if none is, delete that file and retry`)
  }
  return () => rm(file, { force: true })
}

/** Write `outputs` under their edition names; returns records and paths. */
async function writeOutputs(outDir: string, slug: string, edition: number, outputs: Partial<Record<ReleasedFormat, Uint8Array>>) {
  const records: Partial<Record<ReleasedFormat, OutputRecord>> = {}
  const written: string[] = []
  for (const format of RELEASED_FORMATS) {
    const bytes = outputs[format]
    if (!bytes) continue
    const target = editionOutput(outDir, slug, edition, format)
    await writeFileAtomic(path.resolve(target), bytes)
    records[format] = { file: path.basename(target), sha256: sha256(bytes) }
    written.push(target)
  }
  return { records, written }
}

/** Release a new edition of `article`. Throws with a clear message, having changed nothing, on any problem. */
export async function releaseArticle(article: string, config: Config, options: ReleaseOptions = {}): Promise<ReleaseResult> {
  const current = await readExact(article)
  const history = await readHistory(article)
  const last = history.at(-1)
  // Parse now, so a bad article fails before anything else (file:line:col).
  const meta = documentFromText(current, article, { ...(config.lang ? { lang: config.lang } : {}) }).data.meta
  if (last && stampEdition(current, last.edition, last.date) === last.source) {
    throw new ArticleError(`nothing to release: the text is the same as edition ${last.edition} (${last.date}); correct the article first`)
  }
  const floor = last?.edition ?? 0
  if (options.edition !== undefined && (!Number.isInteger(options.edition) || options.edition <= floor)) {
    throw new ArticleError(`--edition ${options.edition}: must be a whole number greater than ${floor}, the last released edition`)
  }
  const edition = options.edition ?? Math.max(floor, meta?.edition ?? 0) + 1
  const date = options.date ?? releaseDate()
  const text = stampEdition(current, edition, date)
  const unlock = await lock(article)
  const browsers = new BrowserPool()
  try {
    const built = await buildText(text, article, config, browsers, history)
    const slug = built.edition.slug
    const { records, written } = await writeOutputs(config.outDir, slug, edition, built.outputs)
    const epoch = Number(process.env.SOURCE_DATE_EPOCH)
    const record: EditionRecord = {
      edition,
      date,
      sha256: sha256(text),
      source: text,
      generator: GENERATOR,
      outputs: records,
      ...(process.env.SOURCE_DATE_EPOCH !== undefined && Number.isInteger(epoch) && epoch > 0 ? { sourceDateEpoch: epoch } : {})
    }
    if ((await readExact(article)) !== current) throw new ArticleError(`${article} changed while the edition was being built; nothing was recorded, release again`)
    await writeHistory(article, [...history, record])
    try {
      const mode = (await stat(article)).mode
      await writeFileAtomic(article, text)
      await chmod(article, mode & 0o7777)
    } catch (error) {
      // Put the history back as it was: the release did not happen.
      await writeHistory(article, history)
      throw error
    }
    for (const format of RELEASED_FORMATS) {
      const bytes = built.outputs[format]
      if (!bytes) continue
      const latest = latestOutput(config.outDir, slug, format)
      await publishAs(editionOutput(config.outDir, slug, edition, format), latest, bytes)
      written.push(latest)
    }
    return { record, written, mismatches: [], file: built.edition.file }
  } finally {
    await browsers.close()
    await unlock()
  }
}

/** Rebuild released edition `n` of `article` from its history into `out/<slug>-ed<n>.*`, comparing sha256. */
export async function rebuildEdition(article: string, n: number, config: Config): Promise<ReleaseResult> {
  await readExact(article)
  const history = await readHistory(article)
  const record = history.find((r) => r.edition === n)
  if (!record) {
    const known = history.map((r) => r.edition).join(', ')
    throw new ArticleError(`${article}: edition ${n} was never released${known ? ` (released: ${known})` : ' (no edition was released yet)'}; see ${historyPath(article)}`)
  }
  // The outputs carry SOURCE_DATE_EPOCH's time in their zip entries: use the release's.
  if (record.sourceDateEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH
  else process.env.SOURCE_DATE_EPOCH = String(record.sourceDateEpoch)
  const browsers = new BrowserPool()
  try {
    const built = await buildText(record.source, article, config, browsers, history.filter((r) => r.edition < n))
    const { records, written } = await writeOutputs(config.outDir, built.edition.slug, n, built.outputs)
    const mismatches = RELEASED_FORMATS.filter((f) => records[f] && record.outputs[f] && records[f]?.sha256 !== record.outputs[f]?.sha256)
    return { record, written, mismatches, file: built.edition.file }
  } finally {
    await browsers.close()
  }
}
