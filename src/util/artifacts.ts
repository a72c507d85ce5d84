/**
 * Remembering expensive, deterministic intermediate results (a rendered
 * cover, a font subset) by the hash of everything they depend on: in memory
 * for a watch session, and on disk in `.cache/chapkhana/artifacts/` so a
 * fresh process after a correction need not redo them. Deleting the folder
 * only costs time; a damaged entry is never trusted blindly, since the key is
 * the hash of the inputs and the file is written atomically.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from './atomic.ts'

const memory = new Map<string, Promise<Buffer>>()
const MEMORY_LIMIT = 256

/** Folder of the on-disk store (relative to the project the build runs in). */
export const artifactDir = (cwd: string = process.cwd()): string => path.join(cwd, '.cache', 'chapkhana', 'artifacts')

/** The bytes `make` produces for `key` (a hex hash of its inputs), made at most once. */
export function remembered(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
  if (!/^[0-9a-f]{16,}$/.test(key)) throw new TypeError('remembered: `key` must be a hex hash of the inputs')
  const known = memory.get(key)
  if (known) return known
  const file = path.join(artifactDir(), key)
  const pending = readFile(file).catch(async () => {
    const bytes = await make()
    // A cache that cannot be written (read-only project) only costs time.
    await writeFileAtomic(file, bytes).catch(() => undefined)
    return bytes
  })
  // A failure is not remembered: the next build tries again.
  pending.catch(() => memory.delete(key))
  if (memory.size >= MEMORY_LIMIT) memory.delete(memory.keys().next().value!)
  memory.set(key, pending)
  return pending
}
