/**
 * Events of a traced test run (`node scripts/test-profile.mjs`): a line per
 * checker call in CHAPKHANA_TEST_TRACE, under the test file that made it.
 * Nothing happens when the variable is unset.
 */
import { appendFileSync } from 'node:fs'

/** Record that `kind` ran (`count` items, `seconds` of wall-clock time). */
export function traceEvent(kind: 'epubcheck' | 'ace', count: number, seconds: number): void {
  const trace = process.env.CHAPKHANA_TEST_TRACE
  if (!trace) return
  appendFileSync(trace, `${JSON.stringify({ kind, file: process.env.CHAPKHANA_TEST_FILE ?? '', count, wall: seconds })}\n`)
}
