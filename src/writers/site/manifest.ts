/**
 * `out/chapkhana-site.json`: the articles an output folder's collection page
 * lists, written beside `index.html` by every build. The build records the
 * page is made from live in the builder's `.cache/`, which a CI shard does
 * not hand on; this file travels with the folder, so `chapkhana index` can
 * assemble shards' folders into one site. It names no path of the machine
 * that built it.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ListedRecord } from './record.ts'
import { failure } from '../../util/failure.ts'

/** Name of the manifest inside an output folder. */
export const MANIFEST = 'chapkhana-site.json'

const VERSION = 1

/** The manifest's text for `records` (in the collection's order). */
export function manifestText(records: readonly ListedRecord[]): string {
  const listed = records.map((r) => {
    // A record loaded from the build cache carries its source's absolute path: not for publishing.
    const { source: _source, ...rest } = r as ListedRecord & { source?: string }
    return rest
  })
  return `${JSON.stringify({ generator: 'chapkhana', version: VERSION, articles: listed }, null, 1)}\n`
}

const isRecord = (x: unknown): x is ListedRecord => {
  if (typeof x !== 'object' || x === null) return false
  const r = x as Record<string, unknown>
  return ['slug', 'lang', 'dir', 'title', 'date', 'dateLabel', 'editionLabel', 'teaser', 'cover'].every((k) => typeof r[k] === 'string') && typeof r.book === 'boolean'
}

/** The articles listed by the manifest of `outDir`. */
export async function readManifest(outDir: string): Promise<ListedRecord[]> {
  const file = path.join(outDir, MANIFEST)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    throw failure('site-manifest', `missing. ${outDir}/ is not a folder chapkhana build wrote (or was built before ${MANIFEST} existed): build it with \`chapkhana build --out ${outDir}\` first`, { file })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw failure('site-manifest', `not JSON (${(error as Error).message}); rebuild that folder with \`chapkhana build\``, { file })
  }
  const { version, articles } = (parsed ?? {}) as { version?: unknown; articles?: unknown }
  if (version !== VERSION) throw failure('site-manifest', `version ${JSON.stringify(version)}, this chapkhana reads version ${VERSION}; rebuild that folder with this chapkhana`, { file })
  if (!Array.isArray(articles)) throw failure('site-manifest', `no list of articles; rebuild that folder with \`chapkhana build\``, { file })
  const bad = articles.findIndex((a) => !isRecord(a))
  if (bad >= 0) throw failure('site-manifest', `article ${bad + 1} lacks a field the collection page needs; rebuild that folder with \`chapkhana build\``, { file })
  return articles as ListedRecord[]
}
