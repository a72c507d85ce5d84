/**
 * The incremental build record: for every edition written, the fingerprint of
 * everything that went into it (its sources and images, the styles, fonts and
 * chapkhana's own code, the options) and of the files written. A build skips
 * an article whose inputs and outputs still match. The record lives in
 * `.cache/chapkhana/` and may be deleted at any time: then everything builds.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Config } from '../config/schema.ts'
import { ALL_FACES } from '../fonts/fonts.ts'
import { STYLES_DIR } from '../publication/styles.ts'
import { writeFileAtomic } from '../util/atomic.ts'
import { GENERATOR } from '../version.ts'
import { fileStamp } from '../util/file-stamp.ts'

/** What one edition was built from and into. */
export interface CacheEntry {
  /** Fingerprint of the options, styles, fonts and chapkhana itself. */
  readonly toolchain: string
  /** sha256 of each input file (a folder: of its sorted file names). */
  readonly inputs: Readonly<Record<string, string>>
  /** Size and modification time of each output, to notice edits and deletions. */
  readonly outputs: Readonly<Record<string, { size: number; mtimeMs: number }>>
}

type Record_ = Record<string, CacheEntry>

/** chapkhana's own modules: `src/` under tsx, `dist/src/` when compiled, `dist/` (the bundle's chunks too) when bundled. */
const CODE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Is `name` one of chapkhana's modules for the toolchain fingerprint: a
 * source or compiled module, or a chunk of the bundle (`.mjs`), which
 * `bin/chapkhana.js` runs. The bundle can change without the compiled
 * modules (a stand-in of `scripts/bundle.mjs`, such as the one that makes
 * the EPUB's zip): its chunks were not counted, so a build record could call
 * an edition up to date that the new bundle would make differently.
 */
export function isCodeFile(name: string): boolean {
  return /\.(m?js|ts)$/.test(name)
}

const sha = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex')

/** sha256 of a file's bytes, or of a folder's sorted listing; `missing` when gone. */
export async function fingerprint(file: string): Promise<string> {
  try {
    const info = await stat(file)
    if (info.isDirectory()) return `dir:${sha((await readdir(file)).sort().join('\n'))}`
    return sha(await readFile(file))
  } catch {
    return 'missing'
  }
}

/** The stamps of the files under `dir` that `filter` takes, asked for together (one by one, the bundled build's ~360 cost ~30 ms). */
async function statsOf(dir: string, filter: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  const files = entries.filter((entry) => entry.isFile() && filter(entry.name))
  return (await Promise.all(files.map((entry) => fileStamp(path.join(entry.parentPath, entry.name))))).sort()
}

/**
 * The toolchain fingerprint: chapkhana's version and code (size and mtime of
 * its compiled or source modules), the styles' text, the font files, the
 * options and `SOURCE_DATE_EPOCH` (it stamps dates into the outputs).
 */
export async function toolchainKey(config: Config): Promise<string> {
  const code = await statsOf(CODE_DIR, isCodeFile)
  const styles = await Promise.all((await readdir(STYLES_DIR)).sort().map(async (n) => `${n}:${sha(await readFile(path.join(STYLES_DIR, n)))}`))
  const fonts = await Promise.all(ALL_FACES.map(async (f) => `${f.file}:${(await stat(f.file)).size}`))
  return sha(JSON.stringify([GENERATOR, code, styles, fonts, config, process.env.SOURCE_DATE_EPOCH ?? '']))
}

/** The build record of one project, read once and saved after the build. */
export class BuildCache {
  readonly #file: string
  #entries: Record_ = {}

  private constructor(file: string) {
    this.#file = file
  }

  /** Open the record in `<cwd>/.cache/chapkhana/`; a missing or broken record is an empty one. */
  static async open(cwd: string = process.cwd()): Promise<BuildCache> {
    const cache = new BuildCache(path.join(cwd, '.cache', 'chapkhana', 'builds.json'))
    try {
      const data: unknown = JSON.parse(await readFile(cache.#file, 'utf8'))
      if (data && typeof data === 'object' && !Array.isArray(data)) cache.#entries = data as Record_
    } catch {
      // No record yet, or a damaged one: build everything and write a new one.
    }
    return cache
  }

  /**
   * True when the edition at `key` was built from these inputs, by this
   * `toolchain`, and its outputs are as written. The fingerprint is waited
   * for only when the record knows the edition: a cold build starts at once,
   * while the fingerprint's few hundred file stats are taken beside it.
   */
  async upToDate(key: string, toolchain: string | Promise<string>): Promise<boolean> {
    const entry = this.#entries[key]
    if (!entry || Object.keys(entry.outputs).length === 0 || entry.toolchain !== (await toolchain)) return false
    for (const [file, seen] of Object.entries(entry.outputs)) {
      const info = await stat(file).catch(() => undefined)
      if (!info || info.size !== seen.size || info.mtimeMs !== seen.mtimeMs) return false
    }
    for (const [file, hash] of Object.entries(entry.inputs)) {
      if ((await fingerprint(file)) !== hash) return false
    }
    return true
  }

  /** Record a finished edition, made by `toolchain`. */
  async record(key: string, toolchain: string | Promise<string>, inputs: readonly string[], outputs: readonly string[]): Promise<void> {
    const inputHashes = Object.fromEntries(await Promise.all(inputs.map(async (f) => [path.resolve(f), await fingerprint(f)] as const)))
    const outputStats = Object.fromEntries(
      await Promise.all(outputs.map(async (f) => {
        const info = await stat(f)
        return [path.resolve(f), { size: info.size, mtimeMs: info.mtimeMs }] as const
      }))
    )
    this.#entries[key] = { toolchain: await toolchain, inputs: inputHashes, outputs: outputStats }
  }

  /** The input files recorded for `key` (none when it was never built). */
  inputsOf(key: string): string[] {
    return Object.keys(this.#entries[key]?.inputs ?? {})
  }

  /** Forget `key` (its build failed: the next build must try again). */
  forget(key: string): void {
    delete this.#entries[key]
  }

  /** Write the record (atomically; a failure to write only costs a rebuild later). */
  async save(): Promise<void> {
    await writeFileAtomic(this.#file, `${JSON.stringify(this.#entries, null, 1)}\n`).catch(() => undefined)
  }
}
