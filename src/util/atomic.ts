/**
 * Writing files so that readers only ever see the old or the new version:
 * write a temporary file beside each target, flush it, then rename over the
 * target. A crash or `kill -9` mid-build therefore leaves the last good
 * edition; temporary files a killed build left behind are removed by the
 * next write into the same folder.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { VFileMessage } from 'vfile-message'
import { isAlive } from './alive.ts'
import { failure } from './failure.ts'

/** One file to write. */
export interface FileToWrite {
  readonly target: string
  readonly bytes: Uint8Array | string
}

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/

function tempPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

/**
 * Remove the temporary files of builds that died (their process is gone) from
 * `dir`. A live concurrent build's temporary files are left alone.
 */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  const stale = names.filter((n) => {
    const m = TEMP.exec(n)
    return m !== null && !isAlive(Number(m[2]))
  })
  await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })))
  return stale
}

/** An error from the file system, told in terms of the output. */
function explain(error: unknown, target: string): VFileMessage {
  const code = (error as NodeJS.ErrnoException).code
  const dir = path.dirname(target)
  const reason =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? `the disk holding ${dir}/ is full: free some space`
      : code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? `the folder ${dir}/ is not writable: choose another with --out, or fix its permissions`
        : code === 'ENOTDIR' || code === 'EEXIST'
          ? `${dir} (or a folder above it) is a file, not a folder: choose another --out`
          : code === 'EISDIR'
            ? `${target} is a folder: remove it or choose another --out`
            : (error as Error).message
  return failure('output-not-writable', `Cannot write ${target}: ${reason}. Nothing was replaced; the previous edition is untouched`, { cause: error })
}

/** Write `bytes` to a new temporary file beside `target`, flushed to disk. */
async function writeTemp(target: string, bytes: Uint8Array | string): Promise<string> {
  const temp = tempPath(target)
  try {
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    return temp
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** Whether `target` already holds exactly `bytes` (then it need not be written again). */
async function holds(target: string, bytes: Uint8Array | string): Promise<boolean> {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes
  const info = await stat(target).catch(() => undefined)
  if (!info?.isFile() || info.size !== data.byteLength) return false
  const current = await readFile(target).catch(() => undefined)
  return current !== undefined && Buffer.compare(current, data) === 0
}

/**
 * Write every file, then rename them into place one after the other, so an
 * edition's EPUB and PDF are replaced together: a failure (a full disk, a
 * read-only folder) before the renames replaces none of them. Returns the
 * targets. A target that already holds its bytes is left as it is (a `watch`
 * rebuild rewrites the reader page's fonts, stylesheet and cover unchanged),
 * and the temporary files are written and flushed side by side: each flush
 * to disk took 7–18 ms here, and a rebuild of the seed made eight of them
 * one after the other before it could say it was done.
 */
export async function writeFilesAtomic(files: readonly FileToWrite[]): Promise<string[]> {
  const temps: string[] = []
  let current = files[0]?.target ?? ''
  try {
    for (const dir of new Set(files.map((f) => path.dirname(f.target)))) {
      current = files.find((f) => path.dirname(f.target) === dir)?.target ?? dir
      await mkdir(dir, { recursive: true })
      await removeStaleTemps(dir)
    }
    const same = await Promise.all(files.map((f) => holds(f.target, f.bytes)))
    const changed = files.filter((_, i) => !same[i])
    const written = await Promise.allSettled(
      changed.map(async (f) => {
        const temp = await writeTemp(f.target, f.bytes)
        temps.push(temp)
        return temp
      })
    )
    const failed = written.findIndex((w) => w.status === 'rejected')
    if (failed >= 0) {
      current = changed[failed]!.target
      throw (written[failed] as PromiseRejectedResult).reason
    }
    for (const [i, f] of changed.entries()) {
      current = f.target
      await rename((written[i] as PromiseFulfilledResult<string>).value, f.target)
    }
    return files.map((f) => f.target)
  } catch (error) {
    await Promise.all(temps.map((t) => rm(t, { force: true })))
    throw explain(error, current)
  }
}

/** Atomically replace `target` with `bytes`; returns `target`. */
export async function writeFileAtomic(target: string, bytes: Uint8Array | string): Promise<string> {
  const [written] = await writeFilesAtomic([{ target, bytes }])
  return written ?? target
}
