/**
 * The per-article release lock, `<name>.history.yaml.lock`, holding the
 * holder's process id and host. A lock whose holder died (Ctrl-C, `kill -9`,
 * a crash) is taken over by the next release instead of blocking every later
 * one until someone deletes it by hand.
 *
 * The lock is created whole with `link()` (which fails if the name exists),
 * so a lock file is never seen half-written; a takeover renames the stale
 * file away first, so two releases that both find it stale cannot both win.
 *
 * Not proper-lockfile, checked with its 4.1.2: its lock is an empty folder
 * judged stale by age (10 s by default, at least 2 s, kept fresh by a
 * timer). After its holder was killed with `kill -9`, `lock()` failed with
 * ELOCKED and, retried, got the lock only 10.2 s later; here the holder's
 * PID on this host says at once, and for certain, whether it still runs
 * (release-lock.test.ts takes over right after a kill). Its empty folder also
 * cannot name the holder for the refusal message, nor carry the files a
 * release was writing, which whoever takes over removes. And a holder whose
 * event loop is blocked longer than the stale time (a synchronous step on a
 * very large book) would lose its lock while still running.
 */
import { randomBytes } from 'node:crypto'
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { isAlive } from '../util/alive.ts'
import { failure } from '../util/failure.ts'

/** Who holds a lock, as written in the lock file. */
export interface LockHolder {
  readonly pid: number
  readonly host: string
  readonly since: string
  /** Files the holder said it was writing (a release's edition outputs), for whoever takes over after it died. */
  readonly files?: readonly string[]
}

/** A lock held by this process. */
export interface HeldLock {
  /** Say which files are being written, so a release that takes over after a crash can remove them. */
  readonly writing: (files: readonly string[]) => Promise<void>
  /** Remove the lock (only if it is still ours). */
  readonly release: () => Promise<void>
}


function parseHolder(text: string): LockHolder | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockHolder>
    const files = Array.isArray(data.files) ? data.files.filter((f): f is string => typeof f === 'string') : undefined
    if (Number.isInteger(data.pid) && typeof data.host === 'string') return { pid: data.pid!, host: data.host, since: String(data.since ?? ''), ...(files ? { files } : {}) }
  } catch {
    // An empty or foreign lock file (older chapkhana wrote empty ones): nobody we can check.
  }
  return undefined
}

const readText = (file: string): Promise<string | undefined> => readFile(file, 'utf8').catch(() => undefined)

/**
 * Take the lock at `file`; returns the function that releases it. Throws
 * a `release-locked` failure when a live process holds it; takes over the lock of a dead
 * holder (and an unreadable lock, which no live chapkhana writes).
 * `onTakeOver` is told whose lock was taken.
 */
export async function acquireLock(file: string, onTakeOver: (holder: LockHolder | undefined) => void = () => {}): Promise<HeldLock> {
  const since = new Date().toISOString()
  let mine = JSON.stringify({ pid: process.pid, host: hostname(), since })
  const held: HeldLock = {
    release: async () => {
      // Only our own lock: never one a later release took over.
      if ((await readText(file)) === mine) await rm(file, { force: true })
    },
    writing: async (files) => {
      const next = JSON.stringify({ pid: process.pid, host: hostname(), since, files })
      const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
      await writeFile(temp, next)
      // Replacing our own lock in one step: it never disappears in between.
      await rename(temp, file)
      mine = next
    }
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    await writeFile(temp, mine)
    try {
      await link(temp, file)
      return held
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      await rm(temp, { force: true })
    }
    const text = await readText(file)
    if (text === undefined) continue // released meanwhile: try again
    const holder = parseHolder(text)
    if (holder && (holder.host !== hostname() || isAlive(holder.pid))) {
      const where = holder.host === hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`
      throw failure('release-locked', `another release of this article is running (${where}, since ${holder.since}; ${file}); wait for it to finish${holder.host === hostname() ? '' : ', or delete that file if that machine is not releasing'}`)
    }
    // A dead holder: move its lock away, and only take over if it is still the one we judged stale.
    const stale = `${file}.stale.${process.pid}`
    try {
      await rename(file, stale)
    } catch {
      continue
    }
    const moved = await readText(stale)
    if (moved !== text) {
      // Someone else's fresh lock: put it back.
      await link(stale, file).catch(() => undefined)
      await rm(stale, { force: true })
      continue
    }
    await rm(stale, { force: true })
    onTakeOver(holder)
  }
  throw failure('release-locked', `could not take the release lock ${file}: it keeps changing hands; try again`)
}
