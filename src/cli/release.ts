/**
 * `chapkhana release <article.md> [--edition N] [--date YYYY-MM-DD]` records
 * and builds a new edition; `chapkhana release --rebuild N <article.md>`
 * rebuilds a released one from the history and checks its sha256.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { VFile } from 'vfile'
import { loadProjectConfig } from '../config/load.ts'
import { configError, configFromFlags, resolveConfig, type Config } from '../config/schema.ts'
import { historyPath } from '../source/history.ts'
import { rebuildEdition, type FormatCheck, type RebuildResult } from '../release/rebuild.ts'
import { releaseArticle, type ReleaseResult } from '../release/release.ts'
import { checkDate } from '../source/exact-text.ts'
import { failure } from '../util/failure.ts'
import { formatSize } from '../util/format.ts'
import { report, reportFailure } from './report.ts'

/** Options shared by the edition commands: the same output settings as `build`. */
export async function editionConfig(values: { out?: string | undefined; lang?: string | undefined; dir?: string | undefined; format?: string | undefined; press?: boolean | undefined }): Promise<Config> {
  const project = await loadProjectConfig(process.cwd())
  return resolveConfig({ ...project, ...configFromFlags(values) })
}

/** A whole number option, or a `config-invalid` failure naming it. */
export function wholeNumber(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw configError(`${option} ${JSON.stringify(value)}: expected a whole number`)
  return Number(value)
}

const rel = (p: string): string => path.relative(process.cwd(), p) || p

/** The `wrote …` lines: what a command made, not problems, so outside the report. */
async function wrote(result: ReleaseResult | RebuildResult, log: (line: string) => void): Promise<void> {
  for (const w of result.written) log(`wrote ${rel(w)}  ${formatSize((await stat(w)).size)}`)
}

/**
 * A rebuilt format that does not vouch for the edition, as a message on the
 * released file: a differing sha256 always fails; a format the edition was
 * not released as fails only when no other format was checked.
 */
function checkMessage(c: FormatCheck, result: RebuildResult, n: number, vouched: boolean, browser: string | undefined): VFile | undefined {
  const file = new VFile({ path: rel(c.released) })
  if (c.status === 'differs') {
    // The browser draws the generated cover: the headless shell and the full Chromium anti-alias its letters differently.
    const drawnBy = browser ? ` This rebuild used the browser ${browser}; to rebuild with the one the edition was made with, set PUPPETEER_EXECUTABLE_PATH (editions released before chapkhana preferred the headless shell were made with /usr/bin/chromium)` : ''
    file.messages.push(failure('rebuild-differs', `${c.format}: sha256 DIFFERS from edition ${n} as released (${c.recorded?.slice(0, 16)}…, rebuilt ${c.sha256.slice(0, 16)}…): the released ${rel(c.released)} is untouched; the differing build is in ${rel(c.rebuilt ?? '')}. Edition ${n} was released by ${result.record.generator}; a different chapkhana, style or Chromium can change the bytes.${drawnBy}`))
    return file
  }
  if (c.status !== 'unrecorded') return undefined
  const words = `${c.format}: edition ${n} was not released as ${c.format.toUpperCase()}, so there is nothing to compare with; nothing written`
  if (vouched) file.message(words, { ruleId: 'rebuild-unrecorded', source: 'chapkhana' })
  else file.messages.push(failure('rebuild-unrecorded', words))
  return file
}

/** `release --rebuild N`: the sha256 checks, matches as lines, the rest in the report. */
async function rebuild(article: string, n: number, config: Config, log: (line: string) => void, start: number): Promise<number> {
  const result = await rebuildEdition(article, n, config)
  await wrote(result, log)
  // Only the formats rebuilt (`--format`) are vouched for.
  const matched = result.checks.filter((c) => c.status === 'matches')
  for (const c of matched) log(`${c.format}: sha256 matches edition ${n} as released (${c.sha256.slice(0, 16)}…): ${rel(c.released)}`)
  const differs = result.checks.some((c) => c.status === 'differs')
  const vouched = matched.length > 0 && !differs
  const browser = differs ? (await import('../browser/launch.ts')).findChromium() : undefined
  const files = [result.file, ...result.checks.flatMap((c) => checkMessage(c, result, n, vouched, browser) ?? [])]
  const code = report(files, log)
  if (code === 0) log(`rebuilt edition ${n} (${matched.map((c) => c.format).join(', ')}) byte for byte in ${Math.round(performance.now() - start)} ms`)
  return code
}

/** Run `release`; returns the exit code. */
export async function releaseCommand(args: readonly string[], log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { edition: { type: 'string' }, date: { type: 'string' }, rebuild: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, dir: { type: 'string' }, format: { type: 'string' }, press: { type: 'boolean' } }
  })
  const [article, ...extra] = positionals
  if (!article || extra.length > 0) throw failure('usage', 'release takes one article: chapkhana release content/my-piece.md [--edition N] [--date YYYY-MM-DD]')
  const config = await editionConfig(values)
  const start = performance.now()
  try {
    const n = wholeNumber(values.rebuild, '--rebuild')
    if (n !== undefined) return await rebuild(article, n, config, log, start)
    const edition = wholeNumber(values.edition, '--edition')
    const date = values.date === undefined ? undefined : checkDate(values.date)
    const result = await releaseArticle(article, config, { ...(edition === undefined ? {} : { edition }), ...(date ? { date } : {}) })
    await wrote(result, log)
    for (const note of result.notes) log(note)
    // The same proofing warnings as `build` shows.
    const code = report([result.file], log)
    log(`released edition ${result.record.edition} (${result.record.date}) of ${article} in ${Math.round(performance.now() - start)} ms; recorded in ${historyPath(article)}`)
    return code
  } catch (error) {
    // Told on the article unless the failure names its own file (a history, an output).
    return reportFailure(error, log, article)
  }
}
