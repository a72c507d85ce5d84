/**
 * Assembling the output folders of `--shard I/N` builds into one reader
 * site: every shard's editions, pages, covers and fonts copied as they are,
 * and one collection page (`index.html`, with its fonts and manifest) made
 * from the manifests of all of them. The site is made in a folder beside the
 * target and put in place at the end, so a failure leaves the previous site
 * whole.
 */
import { copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { isWithin } from '../../util/inside.ts'
import { ASSETS } from './assets.ts'
import { writeIndex } from './index-page.ts'
import { MANIFEST, readManifest } from './manifest.ts'
import { sortRecords, type ListedRecord } from './record.ts'
import { failure } from '../../util/failure.ts'

/** What `mergeSites` needs. */
export interface MergeArgs {
  /** The shards' output folders. */
  readonly from: readonly string[]
  /** The site folder to write (replaced as a whole). */
  readonly out: string
  /** Language of the collection page when the articles do not decide it. */
  readonly lang?: string
}

/** The collection page's own files, made again for the whole site: never copied from a shard. */
const isCollectionFile = (rel: string): boolean => rel === 'index.html' || rel === MANIFEST || (path.dirname(rel) === ASSETS && path.basename(rel).startsWith('index-'))

/** Every regular file below `dir`, as paths relative to it. */
async function filesOf(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name))
    if (entry.isFile()) out.push(rel)
    else if (!entry.isDirectory()) throw failure('site-merge', 'not a regular file; an output folder holds only files chapkhana wrote', { file: path.join(dir, rel) })
  }
  return out.sort()
}

/** Merge `from` into `out`; returns the number of articles listed and files copied. */
export async function mergeSites({ from, out, lang }: MergeArgs): Promise<{ articles: number; files: number }> {
  if (from.length === 0) throw failure('site-merge', 'name the output folders to assemble, e.g. chapkhana index out-1 out-2 --out site')
  const target = path.resolve(out)
  const sources = from.map((d) => path.resolve(d))
  for (const dir of sources) {
    if (isWithin(dir, target) || isWithin(target, dir)) throw failure('site-merge', `--out ${out} overlaps ${dir}: write the site to a folder of its own`)
  }
  // Read and check everything before writing anything.
  const records: ListedRecord[] = []
  const bySlug = new Map<string, string>()
  for (const dir of sources) {
    for (const record of await readManifest(dir)) {
      const other = bySlug.get(record.slug)
      if (other) throw failure('site-merge', `${record.slug} is listed by both ${other} and ${dir}: build each article in one shard only (--shard I/N with the same N everywhere)`)
      bySlug.set(record.slug, dir)
      records.push(record)
    }
  }
  const origin = new Map<string, string>()
  for (const dir of sources) {
    for (const rel of await filesOf(dir)) {
      if (isCollectionFile(rel)) continue
      const other = origin.get(rel)
      if (other === undefined) origin.set(rel, dir)
      else if (!(await readFile(path.join(dir, rel))).equals(await readFile(path.join(other, rel)))) {
        throw failure('site-merge', `${rel} differs between ${other} and ${dir}: the shards were built from different sources or chapkhana versions; rebuild them from one commit`)
      }
    }
  }
  const partial = `${target}.partial-${process.pid}`
  await rm(partial, { recursive: true, force: true })
  try {
    for (const [rel, dir] of origin) {
      await mkdir(path.dirname(path.join(partial, rel)), { recursive: true })
      await copyFile(path.join(dir, rel), path.join(partial, rel))
    }
    await mkdir(partial, { recursive: true })
    await writeIndex({ outDir: partial, records: sortRecords(records), ...(lang ? { lang } : {}) })
    const old = `${target}.old-${process.pid}`
    const hadOld = await rename(target, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false
        throw error
      }
    )
    await rename(partial, target)
    if (hadOld) await rm(old, { recursive: true, force: true })
  } catch (error) {
    await rm(partial, { recursive: true, force: true })
    throw error
  }
  return { articles: records.length, files: origin.size }
}
