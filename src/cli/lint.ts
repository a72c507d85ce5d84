/**
 * `chapkhana lint [--fix] [--lang CODE] [files…]`: proofread articles and
 * report every problem as `file:line:column`, like remark's `--frail` — any
 * warning or error makes the exit code 1. `--fix` rewrites the prose of the
 * files in place and reports each change.
 */
import { stat } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { VFile } from 'vfile'
import { fixSource, type FixResult } from '../lint/fix.ts'
import { rewriteThrough } from '../util/write-through.ts'
import { lintSource, readSource, type LintOptions } from '../lint/lint-source.ts'
import { PROOFING_SOURCE } from '../proofing/plugin.ts'
import type { Severity } from '../proofing/rules-meta.ts'
import { markdownFilesUnder } from '../util/markdown-files.ts'
import { failure } from '../util/failure.ts'
import { loadProjectConfig } from '../config/load.ts'
import { resolveConfig, validateLang } from '../config/schema.ts'
import { report, reportFailure } from './report.ts'

/** What the CLI passes from the project configuration. */
export interface LintCommandOptions {
  /** Folder linted when no files are given (default `content`). */
  readonly contentDir?: string
  /** Language of documents without `lang`, when `--lang` is not given. */
  readonly lang?: string
  /** Project-wide rule severities. */
  readonly severity?: Readonly<Record<string, Severity>>
}

const USAGE = `Usage: chapkhana lint [--fix] [--lang CODE] [files or folders…]

Proofread Markdown articles (Sorani orthography and typography; Arabic and
Persian documents keep their own letters). With no files, every *.md in
content/. Exits 1 when a problem is found.

  --fix        rewrite the prose in place (never code, URLs, HTML or front matter keys)
  --lang CODE  language of files whose front matter has no lang (e.g. ar)
  -h, --help   show this help`

/** Markdown files named by `args`: folders are searched recursively. */
async function collect(args: readonly string[], contentDir: string): Promise<string[]> {
  const out: string[] = []
  for (const arg of args.length > 0 ? args : [contentDir]) {
    const info = await stat(arg).catch(() => undefined)
    if (info?.isDirectory()) {
      out.push(...(await markdownFilesUnder(arg)))
    } else {
      // A missing file is reported on its own, as a fatal message.
      out.push(arg)
    }
  }
  return out
}

/** A changed text for the report; invisible changes get words, or a removed space would print as nothing. */
function shown(s: string): string {
  if (s === '') return 'nothing'
  if (/^ +$/.test(s)) return `${s.length} space${s.length > 1 ? 's' : ''}`
  return `“${s.replace(/\u200C/g, '<ZWNJ>')}”`
}

/** Fix `text` in place on disk and return the file linted afterwards, changes listed as info. */
async function fixFile(filePath: string, text: string, bom: boolean, options: LintOptions): Promise<VFile> {
  const first = lintSource(text, filePath, options)
  if (first.messages.every((m) => m.source !== PROOFING_SOURCE || m.fatal === undefined)) return first
  const result: FixResult = fixSource(text, first.data.lang, options.severity ? { severity: options.severity } : {})
  if (result.rejected) {
    first.message('The fixes would have changed the Markdown structure (emphasis, lists), so none were made: fix these by hand', {
      place: { line: 1, column: 1 },
      ruleId: 'fix-rejected',
      source: PROOFING_SOURCE
    })
    return first
  }
  if (result.changes.length === 0) return first
  try {
    // Atomic, like every build output: a full disk or a file-size limit leaves the article whole.
    await rewriteThrough(filePath, (bom ? '\uFEFF' : '') + result.text)
  } catch (error) {
    const code = (error as { cause?: NodeJS.ErrnoException }).cause?.code
    const why = code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full' : code === 'EFBIG' ? 'the file size limit (ulimit -f) was reached' : (error as Error).message
    first.message(`The fixes were not written (${why}): the file is unchanged; free some space and run lint --fix again`, { place: { line: 1, column: 1 }, ruleId: 'fix-write', source: PROOFING_SOURCE }).fatal = true
    return first
  }
  const after = lintSource(result.text, filePath, options)
  for (const c of result.changes) {
    after.info(`Fixed: ${shown(c.actual)} → ${shown(c.expected)}`, {
      place: { line: c.line, column: c.column },
      ruleId: c.ruleId,
      source: PROOFING_SOURCE
    })
  }
  return after
}

/**
 * Run `chapkhana lint` with `argv` (the arguments after `lint`). Prints the
 * report to stderr and returns the exit code: 0 clean, 1 problems found,
 * 2 bad usage.
 */
export async function lintCommand(argv: string[], options: LintCommandOptions = {}): Promise<number> {
  const log = (text: string): void => void process.stderr.write(`${text}\n`)
  let args
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { fix: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
    })
  } catch (error) {
    const code = reportFailure(error, log)
    process.stderr.write(`\n${USAGE}\n`)
    return code
  }
  if (args.values.help) {
    process.stderr.write(`${USAGE}\n`)
    return 0
  }
  const lang = args.values.lang ?? options.lang
  try {
    if (lang !== undefined) validateLang(lang, '--lang')
  } catch (error) {
    return reportFailure(error, log)
  }
  const files = await collect(args.positionals, options.contentDir ?? 'content')
  if (files.length === 0) {
    const where = args.positionals.length > 0 ? args.positionals.join(', ') : `${options.contentDir ?? 'content'}/`
    return reportFailure(failure('usage', `no Markdown files to lint in ${where}`), log)
  }
  const lintOptions: LintOptions = {
    ...(lang === undefined ? {} : { lang }),
    ...(options.severity ? { severity: options.severity } : {})
  }
  // Reads overlap; parsing is synchronous and goes one file at a time.
  const sources = await Promise.all(files.map((file) => readSource(file)))
  const results: VFile[] = []
  for (const [i, source] of sources.entries()) {
    const file = files[i] ?? ''
    if (source instanceof VFile) results.push(source)
    else if (args.values.fix) results.push(await fixFile(file, source.text, source.bom, lintOptions))
    else results.push(lintSource(source.text, file, lintOptions))
  }
  // Every file listed, clean ones too; like `--frail`: warnings count, informational notes do not.
  return report(results, log, { quiet: false, frail: true })
}

/**
 * `chapkhana lint` as the command line runs it: the project's settings
 * (chapkhana.config.json: the content folder, the language, rule
 * severities), then `lintCommand`.
 */
export async function lintMain(argv: readonly string[]): Promise<number> {
  const config = resolveConfig(await loadProjectConfig(process.cwd()))
  return lintCommand([...argv], {
    contentDir: config.contentDir,
    ...(config.lang ? { lang: config.lang } : {}),
    ...(config.proofing ? { severity: config.proofing } : {})
  })
}
