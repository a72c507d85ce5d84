/**
 * Reading a file a document names only when it is a regular file. A FIFO
 * (named pipe) blocks `open()` and `read()` until something writes into it,
 * so a build given `![x](pipe.png)` would wait forever; a folder or a device
 * is no text or image either. The file is opened non-blocking and checked on
 * the open handle (no race between a check and the read), then read.
 */
import { constants } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import type { VFileMessage } from 'vfile-message'
import { failure } from './failure.ts'

/** What a path that is not a regular file is. */
export type NotRegularKind = 'a folder' | 'a named pipe (FIFO)' | 'a device' | 'a socket' | 'not a regular file'

/** The `not-a-file` failure for `file`; its `actual` says what the file is, for callers that word it their way. */
function notRegular(file: string, kind: NotRegularKind): VFileMessage {
  return failure('not-a-file', `${file} is ${kind}, not a file`, { file, actual: kind })
}

/** Open `file` for reading, refusing (with a `not-a-file` failure) anything but a regular file, without ever blocking. */
export async function openRegular(file: string): Promise<FileHandle> {
  let handle: FileHandle
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    // Linux refuses to open a folder for reading only with some flags; say what it is either way.
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw notRegular(file, 'a folder')
    throw error
  }
  const stats = await handle.stat()
  if (stats.isFile()) return handle
  await handle.close()
  throw notRegular(
    file,
    stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a named pipe (FIFO)' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : stats.isSocket() ? 'a socket' : 'not a regular file'
  )
}

/** The bytes of `file`, a regular file (see `openRegular`). */
export async function readRegularFile(file: string): Promise<Buffer> {
  const handle = await openRegular(file)
  try {
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}
