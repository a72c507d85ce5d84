/**
 * A file's stamp for a cache key: its path, size and modification time. Cheap
 * (one `stat`, no read), and changed by any upgrade or edit that replaces the
 * file; used where reading the bytes to hash them would cost more than the
 * work the key guards (chapkhana's own code, the browser, the cover's faces).
 */
import { stat } from 'node:fs/promises'

/** `path:size:mtime` of `file` (rejects when it cannot be read). */
export async function fileStamp(file: string): Promise<string> {
  const info = await stat(file)
  return `${file}:${info.size}:${info.mtimeMs}`
}
