/** The positioned refusal a function throws, for tests of bad input. */
import assert from 'node:assert/strict'
import { VFileMessage } from 'vfile-message'

/** The VFileMessage `fn` throws; fails the test if it throws something else or nothing. */
export function failure(fn: () => unknown): VFileMessage {
  try {
    fn()
  } catch (error) {
    assert.ok(error instanceof VFileMessage, `expected a VFileMessage, got ${String(error)}`)
    return error
  }
  return assert.fail('expected the document to be refused')
}

/** A message as `file:line:column: reason`, the place and words an editor reads in the report. */
export function placed(message: VFileMessage): string {
  return `${message.file}:${message.line ?? 1}:${message.column ?? 1}: ${message.reason}`
}
