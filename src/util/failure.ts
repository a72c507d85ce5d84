/**
 * Every failure of chapkhana (content, history, render, write, config) is a
 * fatal `VFileMessage`, as in unified-engine: the file it concerns, a place
 * where one is known, a `ruleId` naming its kind and `source: 'chapkhana'`.
 * There are no error classes besides it: code that must tell one failure from
 * another (a lock held, a render that timed out) asks `isFailure(error, kind)`,
 * and the command line prints every failure through one `vfile-reporter` call
 * (`cli/report.ts`). Lives in `util/` because every stage throws them.
 */
import type { Point, Position } from 'unist'
import { VFileMessage } from 'vfile-message'

/** The `source` of every failure message that is not a proofing finding. */
export const FAILURE_SOURCE = 'chapkhana'

/**
 * The kinds of failure, one `ruleId` each. The command line (`usage`) and the
 * configuration (`config-invalid`) exit with 2, every other kind with 1.
 */
export type FailureKind =
  | 'usage'
  | 'config-invalid'
  | 'not-a-file'
  | 'article-missing'
  | 'edition-unknown'
  | 'nothing-to-release'
  | 'edition-exists'
  | 'source-changed'
  | 'html-target'
  | 'bad-date'
  | 'history-damaged'
  | 'history-write'
  | 'front-matter-edition'
  | 'release-locked'
  | 'name-collision'
  | 'render-timeout'
  | 'render-fonts'
  | 'render-refused-request'
  | 'render-failed'
  | 'cover-fonts'
  | 'cover-refused-request'
  | 'browser-missing'
  | 'output-not-writable'
  | 'output-exists'
  | 'icc-profile'
  | 'press-cover-cmyk'
  | 'site-manifest'
  | 'site-merge'
  | 'svg-syntax'
  | 'rebuild-differs'
  | 'rebuild-unrecorded'
  | 'build-failed'

/** Kinds that mean "the command was asked wrongly" rather than "the work failed". */
export const USAGE_KINDS: ReadonlySet<string> = new Set<FailureKind>(['usage', 'config-invalid'])

/** Where a failure belongs. */
export interface FailureOptions {
  /** The file it concerns (a source, a history, an output, `chapkhana.config.json`). */
  readonly file?: string
  readonly place?: Point | Position
  /** The underlying error (a Node system error, a parser's). */
  readonly cause?: unknown
  /** The value found, when the failure is about what something is (`a folder`, `a named pipe (FIFO)`). */
  readonly actual?: string
}

/** A fatal message of `kind`, to throw: `reason` says what is wrong and what to do. */
export function failure(kind: FailureKind, reason: string, options: FailureOptions = {}): VFileMessage {
  const message = new VFileMessage(reason, {
    ruleId: kind,
    source: FAILURE_SOURCE,
    ...(options.place ? { place: options.place } : {}),
    ...(options.cause === undefined ? {} : { cause: options.cause instanceof Error ? options.cause : new Error(String(options.cause)) })
  })
  message.fatal = true
  if (options.file !== undefined) message.file = options.file
  if (options.actual !== undefined) message.actual = options.actual
  return message
}

/** Whether `error` is a chapkhana failure (of `kind`, when given). */
export function isFailure(error: unknown, kind?: FailureKind): error is VFileMessage {
  return error instanceof VFileMessage && error.source === FAILURE_SOURCE && error.fatal === true && (kind === undefined || error.ruleId === kind)
}
