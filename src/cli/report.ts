/**
 * The one report of every command, after unified-engine: each problem is a
 * vfile message on the file it concerns (an article, a history, an output,
 * `chapkhana.config.json`, or the command line itself), all of them are
 * printed by ONE `vfile-reporter` call, and the exit code comes from the
 * counts. Content problems are messages already; every other failure is a
 * fatal message from `util/failure.ts` (its `ruleId` names the kind), and an
 * error nobody expected becomes a `build-failed` message with its stack.
 *
 * Exit codes (README, `--help`): 2 when the command or its configuration was
 * asked wrongly (`usage`, `config-invalid`); 1 when anything else failed: a
 * chapkhana failure, or a message that stopped its file (a content error
 * thrown by the pipeline); for `lint`, like remark's `--frail`, also any
 * warning or error it found; else 0. A proofing error in an edition that was
 * written does not fail a build: the exit code is 0 only when every edition
 * was written, and then it is.
 */
import path from 'node:path'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { reporter } from 'vfile-reporter'
import type { BatchResult } from '../pipeline/batch.ts'
import { failure, FAILURE_SOURCE, USAGE_KINDS } from '../util/failure.ts'

/** The pseudo-file that command-line and environment problems are told on. */
export const COMMAND_LINE = 'command line'

/** Kinds told on the command line whatever file the command was about: they are about its options. */
const OPTION_KINDS: ReadonlySet<string> = new Set([...USAGE_KINDS, 'bad-date'])

/** Messages that stopped their file (thrown): each is a failure, whatever its source. */
const stopped = new WeakSet<VFileMessage>()

/** Where to print and how. */
export interface ReportOptions {
  /** Only files with messages (default); `false` also lists clean files, as `lint` does. */
  readonly quiet?: boolean
  /** Colour (default: on a terminal, unless `NO_COLOR`). */
  readonly color?: boolean
}

/** How the exit code is counted. */
export interface ExitOptions {
  /** Warnings count as failures (`lint`, like remark's `--frail`). */
  readonly frail?: boolean
}

const shown = (file: string): string => (path.isAbsolute(file) ? path.relative(process.cwd(), file) || file : file)

/**
 * `error` as a fatal message on the file it concerns: its own file when it
 * names one, else `where` (the article a command was working on), else the
 * command line. Option problems without a file of their own (a flag, a
 * variable) go on the command line, never on the article.
 */
export function failedFile(error: unknown, where?: string): VFile {
  let message: VFileMessage
  if (error instanceof VFileMessage) message = error
  else if (String((error as { code?: unknown } | undefined)?.code).startsWith('ERR_PARSE_ARGS_')) message = failure('usage', `${(error as Error).message}; see chapkhana --help`)
  else message = failure('build-failed', error instanceof Error ? error.message : String(error), { cause: error })
  stopped.add(message)
  // A message's own file is printed as the command was given it; `where`, a source the pipeline resolved, relative.
  const fallback = OPTION_KINDS.has(message.ruleId ?? '') && message.source === FAILURE_SOURCE ? undefined : where && shown(where)
  const file = new VFile({ path: message.file || fallback || COMMAND_LINE })
  file.messages.push(message)
  return file
}

/**
 * A message as printed: the cause of a failure of a known kind is left out
 * (its words already say what the cause means, and a Node stack is noise to
 * an editor); an unexpected failure keeps it. `CHAPKHANA_DEBUG=1` keeps all.
 */
function printable(message: VFileMessage): VFileMessage {
  if (!message.cause || message.source !== FAILURE_SOURCE || message.ruleId === 'build-failed' || process.env.CHAPKHANA_DEBUG) return message
  return Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message, { cause: undefined })
}

/** `files` with every path once (a failure and the warnings of one article print together). */
function merged(files: readonly VFile[]): VFile[] {
  const byPath = new Map<string, VFile>()
  for (const file of files) {
    const key = file.path || COMMAND_LINE
    const into = byPath.get(key) ?? new VFile({ path: key })
    if (!byPath.has(key)) byPath.set(key, into)
    into.messages.push(...file.messages.map(printable))
  }
  return [...byPath.values()]
}

/** Print every message of `files` through `log`, in one `vfile-reporter` call. */
export function printReport(files: readonly VFile[], log: (text: string) => void, options: ReportOptions = {}): void {
  const color = options.color ?? (process.stderr.isTTY === true && !process.env.NO_COLOR)
  const text = reporter(merged(files), { quiet: options.quiet ?? true, color })
  if (text) log(text)
}

/** The exit code the messages of `files` call for (see the module comment). */
export function exitCode(files: readonly VFile[], options: ExitOptions = {}): number {
  const messages = files.flatMap((f) => f.messages)
  if (messages.some((m) => m.fatal === true && USAGE_KINDS.has(m.ruleId ?? '') && m.source === FAILURE_SOURCE)) return 2
  if (messages.some((m) => (m.fatal === true && m.source === FAILURE_SOURCE) || stopped.has(m) || (options.frail === true && m.fatal !== undefined))) return 1
  return 0
}

/** Print `files` in one report; returns the exit code their messages call for. */
export function report(files: readonly VFile[], log: (text: string) => void, options: ReportOptions & ExitOptions = {}): number {
  printReport(files, log, options)
  return exitCode(files, options)
}

/** Report one failure (the whole report of a command that stopped on it); returns the exit code. */
export function reportFailure(error: unknown, log: (text: string) => void, where?: string): number {
  return report([failedFile(error, where)], log)
}

/** The files of a batch, with every article that failed carrying its failure. */
export function batchFiles(result: BatchResult): VFile[] {
  return [...result.files, ...result.errors.map(({ source, error }) => failedFile(error, source))]
}

/** Print every problem of `result` through `log`, in one report; returns the exit code. */
export function reportBatch(result: BatchResult, log: (text: string) => void): number {
  return report(batchFiles(result), log)
}
