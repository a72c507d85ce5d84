/**
 * The speed issue's targets as `npm run bench` prints them: each with the
 * value measured in this run, its limit, and whether it holds.
 */

/** One target: `value` must be at most `limit`. */
export interface Target {
  readonly name: string
  readonly value: number
  readonly limit: number
  readonly unit: '×' | 's' | 'MiB'
  /**
   * The value of each run, where a ratio is measured run by run (a chapkhana
   * run and the pair's run right after it): printed beside the median, so
   * that a reader sees how far the host moved within the run.
   */
  readonly runs?: readonly number[]
}

const show = (x: number, unit: Target['unit']): string => (!Number.isFinite(x) ? 'n/a' : unit === 'MiB' ? `${Math.round(x)} MiB` : unit === 's' ? `${x.toFixed(2)} s` : `${x.toFixed(2)}×`)

/** A Markdown table of `targets`: measured (the median; each run's value beside it), limit, holds (by the median). */
export function targetLines(targets: readonly Target[]): string[] {
  return [
    '| target | measured | limit | holds |',
    '| --- | --- | --- | --- |',
    ...targets.map((t) => `| ${t.name} | ${show(t.value, t.unit)}${t.runs && t.runs.length > 1 ? ` (runs ${t.runs.map((r) => show(r, t.unit)).join(', ')})` : ''} | ≤ ${show(t.limit, t.unit)} | ${!Number.isFinite(t.value) ? 'not measured' : t.value <= t.limit ? 'yes' : 'no'} |`)
  ]
}
