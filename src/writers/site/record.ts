/**
 * The per-article record the collection page is rebuilt from. An
 * incremental build loads no edition for an article that is up to date, so
 * each article page leaves behind what the index needs to list it (title,
 * teaser, date, cover, source). Records live in
 * `.cache/chapkhana/site/<hash of out dir>/<slug>.json`: one folder per
 * output folder, so `--out elsewhere` never mixes collections.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Direction } from '../../locale/locale.ts'
import { writeFileAtomic } from '../../util/atomic.ts'

/** What the collection shows of one article. */
export interface SiteRecord {
  readonly slug: string
  /** Absolute path of the article (or book) source: gone means deleted. */
  readonly source: string
  readonly lang: string
  readonly dir: Direction
  readonly title: string
  readonly author?: readonly string[]
  /** ISO date and its label in the article's language (the label empty when the article names no date). */
  readonly date: string
  readonly dateLabel: string
  readonly editionLabel: string
  readonly teaser: string
  /** File name of the cover inside the output folder. */
  readonly cover: string
  readonly book: boolean
}

const VERSION = 1

/** Folder holding the records of `outDir`'s collection. */
export function recordDir(outDir: string, cwd: string = process.cwd()): string {
  const key = createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16)
  return path.join(cwd, '.cache', 'chapkhana', 'site', key)
}

/** Save `record` for `outDir`. */
export async function saveRecord(outDir: string, record: SiteRecord): Promise<void> {
  await writeFileAtomic(path.join(recordDir(outDir), `${record.slug}.json`), `${JSON.stringify({ version: VERSION, record }, null, 1)}\n`)
}

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false
  )

/**
 * Every record of `outDir` whose source and page still exist, sorted newest
 * first (then by title). Records of deleted articles are removed.
 */
export async function loadRecords(outDir: string): Promise<SiteRecord[]> {
  const dir = recordDir(outDir)
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'))
  const out: SiteRecord[] = []
  for (const name of names) {
    const file = path.join(dir, name)
    let record: SiteRecord | undefined
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as { version?: number; record?: SiteRecord }
      if (parsed.version === VERSION) record = parsed.record
    } catch {
      // A damaged record is dropped: the next build of that article rewrites it.
    }
    if (!record || !(await exists(record.source)) || !(await exists(path.join(outDir, `${record.slug}.html`)))) {
      await rm(file, { force: true })
      continue
    }
    out.push(record)
  }
  return sortRecords(out)
}

/** What the collection page lists of one article: its record without the source's path on the machine that built it. */
export type ListedRecord = Omit<SiteRecord, 'source'>

/** Records in the collection's order: newest first, then by title (in place; returns `records`). */
export function sortRecords<R extends ListedRecord>(records: R[]): R[] {
  return records.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title, a.lang) || a.slug.localeCompare(b.slug))
}
