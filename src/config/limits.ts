/**
 * Numbers from the command line and the environment that end up in Node's
 * timers and in dates: each is checked against what those can really hold,
 * so a typo gives a clear message instead of an overflow warning (a timer
 * above 2^31−1 ms fires at once) or "Invalid time value" deep in a build.
 */
import { configError } from './error.ts'

/** The longest delay Node's `setTimeout` keeps (2^31−1 ms, about 24.8 days). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1

/**
 * The last second a zip entry can be dated (DOS time ends with 2107) and so
 * the last `SOURCE_DATE_EPOCH` an EPUB can carry; far inside JS Date's range.
 */
export const MAX_SOURCE_DATE_EPOCH = Date.UTC(2107, 11, 31, 23, 59, 58) / 1000

/** Check a render time limit (`--timeout MS` or `renderTimeoutMs`): a whole number of ms that a timer holds. */
export function checkTimeoutMs(value: unknown, option: string): number {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_TIMEOUT_MS) {
    throw configError(`${option}: ${JSON.stringify(value)} is not a time limit; give a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (about 24 days), e.g. ${option.startsWith('--') ? `${option} 900000` : '900000'} for 15 minutes`)
  }
  return n
}

/**
 * `SOURCE_DATE_EPOCH` (reproducible builds: whole seconds since 1970, UTC),
 * or `undefined` when it is not set. Anything else (not a whole number,
 * negative, after what a zip entry can be dated) is refused with a message
 * naming the variable.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SOURCE_DATE_EPOCH
  if (raw === undefined || raw === '') return undefined
  const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN
  if (!Number.isSafeInteger(n) || n > MAX_SOURCE_DATE_EPOCH) {
    throw configError(
      `SOURCE_DATE_EPOCH=${JSON.stringify(raw)} is not a usable time: it must be whole seconds since 1970-01-01 UTC, from 0 to ${MAX_SOURCE_DATE_EPOCH} (the end of 2107, the last date a zip entry can hold); e.g. SOURCE_DATE_EPOCH=$(date +%s), or unset it`
    )
  }
  return n
}
