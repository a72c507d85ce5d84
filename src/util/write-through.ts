/**
 * Two atomic writes beyond `writeFileAtomic`: rewriting a source the user
 * owns (through a symbolic link to its target, keeping its permissions), and
 * writing a file that must never replace an existing one (a released edition).
 */
import { chmod, link, realpath, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { writeFileAtomic } from './atomic.ts'
import { failure } from './failure.ts'

/**
 * Atomically rewrite `file`; when it is a symbolic link, its target is
 * rewritten and the link stays a link (an editor's `content/a.md → ~/texts/a.md`
 * keeps following the real file). Its permission bits are kept. Returns the
 * path written.
 */
export async function rewriteThrough(file: string, bytes: Uint8Array | string): Promise<string> {
  const target = await realpath(file).catch(() => path.resolve(file))
  const mode = await stat(target).then(
    (s) => s.mode & 0o7777,
    () => undefined
  )
  await writeFileAtomic(target, bytes)
  if (mode !== undefined) await chmod(target, mode)
  return target
}

/**
 * Write `bytes` to `target` only if nothing is there yet: written to a
 * temporary file, then linked into place (which fails when the name exists),
 * so the file appears whole or not at all and an existing file is never
 * replaced. Throws an `output-exists` failure when `target` exists.
 */
export async function writeFileExclusive(target: string, bytes: Uint8Array | string): Promise<string> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  // The temporary file is itself written atomically (its own temporary, flushed, renamed).
  await writeFileAtomic(temp, bytes)
  try {
    await link(temp, target)
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST'
    throw exists
      ? failure('output-exists', `${target} already exists: a released file is never replaced`, { cause: error })
      : failure('output-not-writable', `Cannot write ${target}: ${(error as Error).message}`, { cause: error })
  } finally {
    await rm(temp, { force: true })
  }
  return target
}
