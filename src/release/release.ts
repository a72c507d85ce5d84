/**
 * Releasing a new edition of an article or book.
 *
 * Order of a release, so that a failure at any step records nothing and
 * loses nothing: validate everything (the text, its name against its
 * neighbours', the edition's file names) → take the lock → build both
 * outputs in memory → write the edition's outputs (never over an existing
 * file) → append to the history (atomic) → rewrite the front matter (atomic,
 * through a link to its target; the history is restored if that fails) →
 * point the latest outputs at the new edition → refresh the reader pages.
 * Edition outputs written by a release that then failed are removed again.
 */
import { link, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { VFile } from 'vfile'
import { editionOf } from '../pipeline/article.ts'
import { BrowserPool } from '../pipeline/browser-pool.ts'
import { assertNoCollisions } from '../pipeline/collisions.ts'
import type { Config } from '../config/schema.ts'
import { documentFromText, readOptions } from '../source/read.ts'
import { writeFileAtomic } from '../util/atomic.ts'
import { rewriteThrough, writeFileExclusive } from '../util/write-through.ts'
import { GENERATOR } from '../version.ts'
import type { Edition } from '../publication/edition.ts'
import { coverSource } from '../writers/cover/render-cover.ts'
import { writeArticlePage } from '../writers/site/article-page.ts'
import { writeSiteIndex } from '../writers/site/index-hook.ts'
import { buildText } from './build-text.ts'
import { historyPath, readHistory, RELEASED_FORMATS, sha256, writeHistory, type EditionRecord, type OutputRecord, type ReleasedFormat } from '../source/history.ts'
import { acquireLock, type HeldLock, type LockHolder } from './lock.ts'
import { readExact, releaseDate } from '../source/exact-text.ts'
import { failure, isFailure } from '../util/failure.ts'
import { sameFiles, sourceFiles } from './sources.ts'
import { stampEdition } from './stamp.ts'

/** What `release` was asked for. */
export interface ReleaseOptions {
  /** `--edition N`: must be greater than the last released edition. */
  readonly edition?: number
  /** `--date YYYY-MM-DD`; default today (UTC) or `SOURCE_DATE_EPOCH`'s day. */
  readonly date?: string
}

/** The outcome of a release, for the report. */
export interface ReleaseResult {
  readonly record: EditionRecord
  /** Paths written, edition names first. */
  readonly written: readonly string[]
  /** The document as built, with its proofing warnings, for the report. */
  readonly file: VFile
  /** Things the editor should know (a stale lock taken over). */
  readonly notes: readonly string[]
}

/** A format's file name after `<slug>` or `<slug>-ed<N>`: `.epub`, `.pdf`, `-press.pdf`, `-press-cover.pdf`. */
const suffix = (format: string): string => (format === 'press' || format === 'press-cover' ? `-${format}.pdf` : `.${format}`)

/** `out/<slug>-ed<N>.<format>` (the press PDF and cover: `out/<slug>-ed<N>-press.pdf`, `-press-cover.pdf`). */
export function editionOutput(outDir: string, slug: string, edition: number, format: string): string {
  return path.join(outDir, `${slug}-ed${edition}${suffix(format)}`)
}

/** The latest copy of a format: `out/<slug>.<format>` (the press PDF: `out/<slug>-press.pdf`, its cover `-press-cover.pdf`). */
function latestOutput(outDir: string, slug: string, format: ReleasedFormat): string {
  return path.join(outDir, `${slug}${suffix(format)}`)
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

/**
 * Take the per-article lock (`<name>.history.yaml.lock`). When it is taken
 * over from a release that died, the edition files that release was writing
 * and never recorded are removed, so they cannot block this release.
 */
async function lock(article: string, notes: string[]): Promise<HeldLock> {
  let dead: LockHolder | undefined
  let held: HeldLock
  try {
    held = await acquireLock(`${historyPath(article)}.lock`, (holder) => {
      dead = holder
      notes.push(`took over the release lock of ${holder ? `process ${holder.pid}` : 'an earlier release'}, which is no longer running`)
    })
  } catch (error) {
    // The lock is the article's: told on it, not on the lock file its words name.
    if (isFailure(error, 'release-locked')) error.file = article
    throw error
  }
  if (dead?.files?.length) {
    const history = await readHistory(article).catch(() => undefined)
    const released = new Set(history?.flatMap((r) => Object.values(r.outputs).map((o) => o.file)) ?? [])
    for (const file of dead.files) {
      // Only an edition name the history does not record: a release that died after recording keeps its files.
      if (!/-ed\d+(\.epub|\.pdf|-press\.pdf|-press-cover\.pdf)$/.test(file) || released.has(path.basename(file)) || history === undefined) continue
      await rm(file, { force: true })
      notes.push(`removed ${path.relative(process.cwd(), file) || file}, left unrecorded by that release`)
    }
  }
  return held
}

/** `stampEdition`, its errors told at the article's line and column. */
function stamp(article: string, text: string, edition: number, date: string): string {
  try {
    return stampEdition(text, edition, date)
  } catch (error) {
    if (isFailure(error, 'front-matter-edition')) error.file = article
    throw error
  }
}

/** The refusal of `--format html` alone: the reader pages are refreshed after a release, never released. */
export const RELEASED_ONLY = '--format html: a release records an EPUB or a PDF, and the reader pages follow it; add epub or pdf'

/** Release a new edition of `article`. Throws with a clear message, having changed nothing, on any problem. */
export async function releaseArticle(article: string, config: Config, options: ReleaseOptions = {}): Promise<ReleaseResult> {
  if (!config.formats.some((f) => f !== 'html')) throw failure('nothing-to-release', RELEASED_ONLY, { file: article })
  const current = await readExact(article)
  // Parse now, so a bad article fails before anything else (file:line:col).
  const parsed = documentFromText(current, article, readOptions(config))
  await assertNoCollisions([article], { neighbours: true, outDir: config.outDir, press: config.press === true })
  const notes: string[] = []
  const held = await lock(article, notes)
  const browsers = new BrowserPool()
  const editionFiles: string[] = []
  let released = false
  try {
    const history = await readHistory(article)
    const last = history.at(-1)
    // Every source counts: a correction in a chapter or a new image is a new edition.
    const files = await sourceFiles(await editionOf(parsed, config, history), article)
    if (last && stamp(article, current, last.edition, last.date) === last.source && sameFiles(last.files, files)) {
      throw failure('nothing-to-release', `nothing to release: the text${files.length > 0 ? ', its chapters and images are' : ' is'} the same as edition ${last.edition} (${last.date}); correct the article first`, { file: article })
    }
    const floor = last?.edition ?? 0
    if (options.edition !== undefined && (!Number.isInteger(options.edition) || options.edition <= floor)) {
      throw failure('edition-exists', `--edition ${options.edition}: must be a whole number greater than ${floor}, the last released edition`, { file: article })
    }
    const edition = options.edition ?? Math.max(floor, parsed.data.meta?.edition ?? 0) + 1
    const date = options.date ?? releaseDate()
    const text = stamp(article, current, edition, date)
    const slug = parsed.data.slug ?? path.basename(article)
    // The released formats only: the reader pages (`html`) are refreshed, never released.
    // Every edition has a cover (its own image or the generated one): --press prints it too.
    const pressed = config.press && config.formats.includes('pdf') ? ['press', 'press-cover'] : []
    for (const format of [...config.formats.filter((f) => f !== 'html'), ...pressed]) {
      const target = editionOutput(config.outDir, slug, edition, format)
      if (await stat(target).catch(() => undefined)) {
        throw failure('edition-exists', `${target} already exists, but ${historyPath(article)} records no edition ${edition}: another source with the same name released it, or it was put there by hand; move it away (a released file is never replaced)`, { file: article })
      }
    }
    const built = await buildText(text, article, config, browsers, history)
    // Before the first edition file exists: a release killed from here on leaves files the next one removes.
    await held.writing(Object.keys(built.outputs).map((format) => path.resolve(editionOutput(config.outDir, slug, edition, format))))
    if ((await readExact(article)) !== current || !sameFiles(files, await sourceFiles(built.edition, article))) {
      throw failure('source-changed', 'the article (or one of its chapters or images) changed while the edition was being built; nothing was recorded, release again', { file: article })
    }
    const records: Partial<Record<ReleasedFormat, OutputRecord>> = {}
    for (const format of RELEASED_FORMATS) {
      const bytes = built.outputs[format]
      if (!bytes) continue
      const target = editionOutput(config.outDir, slug, edition, format)
      await writeFileExclusive(path.resolve(target), bytes)
      editionFiles.push(target)
      records[format] = { file: path.basename(target), sha256: sha256(bytes) }
    }
    const epoch = Number(process.env.SOURCE_DATE_EPOCH)
    const record: EditionRecord = {
      edition,
      date,
      sha256: sha256(text),
      source: text,
      generator: GENERATOR,
      outputs: records,
      ...(process.env.SOURCE_DATE_EPOCH !== undefined && Number.isInteger(epoch) && epoch > 0 ? { sourceDateEpoch: epoch } : {}),
      files
    }
    await writeHistory(article, [...history, record])
    try {
      await rewriteThrough(article, text)
    } catch (error) {
      // Put the history back as it was: the release did not happen.
      await writeHistory(article, history)
      throw error
    }
    released = true
    const written = [...editionFiles]
    for (const format of RELEASED_FORMATS) {
      const bytes = built.outputs[format]
      if (!bytes) continue
      const latest = latestOutput(config.outDir, slug, format)
      await publishAs(editionOutput(config.outDir, slug, edition, format), latest, bytes)
      written.push(latest)
    }
    if (config.formats.includes('html')) written.push(...(await refreshReaderPages(built.edition, config, browsers, slug, notes)))
    return { record, written, file: built.edition.file, notes }
  } finally {
    // A release that did not happen leaves no edition files behind.
    if (!released) await Promise.all(editionFiles.map((f) => rm(f, { force: true })))
    await browsers.close()
    await held.release()
  }
}

/**
 * The reader pages follow a release: the article's page offers the new
 * edition (and lists the earlier ones from the history just written), and the
 * collection page lists it. The edition is already released when this runs,
 * so a failure here is a note saying how to write the pages, never an error.
 */
async function refreshReaderPages(edition: Edition, config: Config, browsers: BrowserPool, slug: string, notes: string[]): Promise<string[]> {
  try {
    const latest = (['epub', 'pdf'] as const).map((format) => ({ path: latestOutput(config.outDir, slug, format) }))
    const offered = []
    for (const file of latest) if (await stat(file.path).catch(() => undefined)) offered.push(file)
    const page = await writeArticlePage({ edition, written: offered, outDir: config.outDir, cover: coverSource(edition, () => browsers.get()) })
    await writeSiteIndex(config, (line) => notes.push(line))
    return page.map((w) => w.path)
  } catch (error) {
    notes.push(`the reader page was not refreshed (${(error as Error).message}); \`chapkhana build\` writes it`)
    return []
  }
}
