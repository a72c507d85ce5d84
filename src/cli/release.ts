/**
 * `chapkhana release <article.md> [--edition N] [--date YYYY-MM-DD]` records
 * and builds a new edition; `chapkhana release --rebuild N <article.md>`
 * rebuilds a released one from the history and checks its sha256.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { reporter } from 'vfile-reporter'
import { loadProjectConfig } from '../config/load.ts'
import { ConfigError, configFromFlags, resolveConfig, type Config } from '../config/schema.ts'
import { historyPath } from '../source/history.ts'
import { rebuildEdition, type RebuildResult } from '../release/rebuild.ts'
import { releaseArticle, type ReleaseResult } from '../release/release.ts'
import { checkDate } from '../source/exact-text.ts'
import { formatSize } from '../util/format.ts'

/** Options shared by the edition commands: the same output settings as `build`. */
export async function editionConfig(values: { out?: string | undefined; lang?: string | undefined; dir?: string | undefined; format?: string | undefined; press?: boolean | undefined }): Promise<Config> {
  const project = await loadProjectConfig(process.cwd())
  return resolveConfig({ ...project, ...configFromFlags(values) })
}

/** A whole number option, or a ConfigError naming it. */
export function wholeNumber(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new ConfigError(`${option} ${JSON.stringify(value)}: expected a whole number`)
  return Number(value)
}

/** Print a bad article's message the way `build` does (file:line:col). */
export function reportFailure(error: unknown, source: string, log: (line: string) => void): boolean {
  if (!(error instanceof VFileMessage)) return false
  const file = new VFile({ path: error.file || source })
  file.messages.push(error)
  log(reporter([file], { quiet: true }))
  return true
}

async function report(result: ReleaseResult | RebuildResult, log: (line: string) => void): Promise<void> {
  for (const w of result.written) log(`wrote ${path.relative(process.cwd(), w) || w}  ${formatSize((await stat(w)).size)}`)
  // The same proofing warnings as `build` shows.
  const warnings = reporter([result.file], { quiet: true })
  if (warnings) log(warnings)
}

/** Run `release`; returns the exit code. */
export async function releaseCommand(args: readonly string[], log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { edition: { type: 'string' }, date: { type: 'string' }, rebuild: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, dir: { type: 'string' }, format: { type: 'string' }, press: { type: 'boolean' } }
  })
  const [article, ...extra] = positionals
  if (!article || extra.length > 0) throw new ConfigError('release takes one article: chapkhana release content/my-piece.md [--edition N] [--date YYYY-MM-DD]')
  const config = await editionConfig(values)
  const start = performance.now()
  try {
    const rebuild = wholeNumber(values.rebuild, '--rebuild')
    if (rebuild !== undefined) {
      const result = await rebuildEdition(article, rebuild, config)
      await report(result, log)
      const rel = (p: string): string => path.relative(process.cwd(), p) || p
      // Only the formats rebuilt (`--format`) are vouched for.
      for (const c of result.checks) {
        if (c.status === 'matches') log(`${c.format}: sha256 matches edition ${rebuild} as released (${c.sha256.slice(0, 16)}…): ${rel(c.released)}`)
        else if (c.status === 'unrecorded') log(`${c.format}: edition ${rebuild} was not released as ${c.format.toUpperCase()}, so there is nothing to compare with; nothing written`)
        else log(`${c.format}: sha256 DIFFERS from edition ${rebuild} as released (${c.recorded?.slice(0, 16)}…, rebuilt ${c.sha256.slice(0, 16)}…): the released ${rel(c.released)} is untouched; the differing build is in ${rel(c.rebuilt ?? '')}`)
      }
      if (result.checks.some((c) => c.status === 'differs')) {
        log(`edition ${rebuild} was released by ${result.record.generator}; a different chapkhana, style or Chromium can change the bytes`)
        return 1
      }
      const matched = result.checks.filter((c) => c.status === 'matches').map((c) => c.format)
      if (matched.length === 0) return 1
      log(`rebuilt edition ${rebuild} (${matched.join(', ')}) byte for byte in ${Math.round(performance.now() - start)} ms`)
      return 0
    }
    const edition = wholeNumber(values.edition, '--edition')
    const date = values.date === undefined ? undefined : checkDate(values.date)
    const result = await releaseArticle(article, config, { ...(edition === undefined ? {} : { edition }), ...(date ? { date } : {}) })
    await report(result, log)
    for (const note of result.notes) log(note)
    log(`released edition ${result.record.edition} (${result.record.date}) of ${article} in ${Math.round(performance.now() - start)} ms; recorded in ${historyPath(article)}`)
    return 0
  } catch (error) {
    if (reportFailure(error, article, log)) return 1
    throw error
  }
}
