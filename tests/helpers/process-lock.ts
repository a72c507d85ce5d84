/**
 * A lock between the test processes `npm test` runs at once (a shared build,
 * the one EPUBCheck server): a folder made atomically, holding its owner's
 * pid, so a lock left by a killed process is cleared instead of waited on.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Block this process for `ms` milliseconds (the test helpers are synchronous). */
export const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** Whether process `pid` still runs. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Take `lock` for this process. False while another live process holds it;
 * a dead holder's lock is cleared, to be taken on the next try.
 */
export function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock)
  } catch {
    let holder = 0
    try {
      holder = Number(readFileSync(path.join(lock, 'pid'), 'utf8')) || 0
    } catch {
      // Not written yet, or the lock is gone already: look again.
    }
    if (holder && !alive(holder)) rmSync(lock, { recursive: true, force: true })
    return false
  }
  writeFileSync(path.join(lock, 'pid'), String(process.pid))
  return true
}

/** Give `lock` back. */
export function unlock(lock: string): void {
  rmSync(lock, { recursive: true, force: true })
}
