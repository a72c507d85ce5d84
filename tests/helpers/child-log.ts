/** Waiting on what a long-running command (`watch`, `preview`) prints. */
import type { ChildProcess } from 'node:child_process'

/**
 * Collect `child`'s standard error; `until(pattern, ms)` resolves once the
 * log matches, and rejects with the whole log when `ms` pass or the child
 * exits first.
 */
export function childLog(child: ChildProcess): { text: () => string; until: (pattern: RegExp, ms: number) => Promise<void> } {
  let log = ''
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()))
  const until = (pattern: RegExp, ms: number) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now()
      const poll = setInterval(() => {
        if (pattern.test(log)) resolve(clearInterval(poll))
        else if (Date.now() - started > ms || child.exitCode !== null) {
          clearInterval(poll)
          reject(new Error(`never saw ${pattern}:\n${log}`))
        }
      }, 20)
    })
  return { text: () => log, until }
}
