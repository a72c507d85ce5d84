/**
 * Writing a file so that readers only ever see the old or the new version:
 * write a temporary file beside it, flush it, then rename over the target.
 * A crash or `kill -9` mid-build therefore leaves the last good edition.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/** Atomically replace `target` with `bytes`; returns `target`. */
export async function writeFileAtomic(target: string, bytes: Uint8Array | string): Promise<string> {
  await mkdir(path.dirname(target), { recursive: true })
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'w')
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, target)
    return target
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
