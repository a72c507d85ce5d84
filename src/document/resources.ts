/**
 * Checking the local files an article refers to (images), at the edge where
 * files may be read: each must exist, stay inside the article's folder (no
 * `../../etc/passwd`, no symlink out), and really be an image of a type every
 * output can carry.
 */
import { open, realpath } from 'node:fs/promises'
import path from 'node:path'
import type { VFile } from 'vfile'
import type { ImageRef } from '../markdown/rehype-collect-images.ts'

/** A checked image: where it is and what it is. */
export interface ImageResource {
  readonly ref: ImageRef
  readonly file: string
  readonly mediaType: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/svg+xml' | 'image/webp'
}

const MAGIC: readonly [ImageResource['mediaType'], (b: Buffer) => boolean][] = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['image/webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP']
]

function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file)
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)
}

/** Check every image of `file`; fails the file at the first bad one. */
export async function checkImages(file: VFile, baseDir: string): Promise<ImageResource[]> {
  const out: ImageResource[] = []
  const root = await realpath(baseDir)
  for (const ref of file.data.images ?? []) {
    const fail = (reason: string, ruleId: string): never =>
      file.fail(reason, { ...(ref.position ? { place: ref.position } : {}), ruleId, source: 'chapkhana' })
    let src: string
    try {
      src = decodeURIComponent(ref.src.split(/[?#]/)[0] ?? '')
    } catch {
      src = ref.src
    }
    const wanted = path.resolve(baseDir, src)
    if (!inside(path.resolve(baseDir), wanted)) fail(`Image ${JSON.stringify(ref.src)} is outside the article's folder: copy it next to the article`, 'image-outside')
    let real: string
    try {
      real = await realpath(wanted)
    } catch {
      return fail(`Image ${JSON.stringify(ref.src)} does not exist: check the path (it is relative to ${path.basename(baseDir) || baseDir}/)`, 'image-missing')
    }
    if (!inside(root, real)) fail(`Image ${JSON.stringify(ref.src)} is a link to a file outside the article's folder: copy the file instead`, 'image-outside')
    const handle = await open(real, 'r')
    const head = Buffer.alloc(512)
    try {
      await handle.read(head, 0, 512, 0)
    } finally {
      await handle.close()
    }
    let mediaType = MAGIC.find(([, test]) => test(head))?.[0]
    if (!mediaType && /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(head.toString('utf8'))) mediaType = 'image/svg+xml'
    if (!mediaType) {
      const ext = path.extname(real).toLowerCase()
      fail(
        /\.(png|jpe?g|gif|webp|svg)$/.test(ext)
          ? `Image ${JSON.stringify(ref.src)} is not an image (its bytes are not ${ext.slice(1).toUpperCase()}): re-export it`
          : `Image ${JSON.stringify(ref.src)} has a type chapkhana cannot put in a book (${ext || 'no extension'}): use PNG, JPEG, GIF, WebP or SVG`,
        'image-type'
      )
    }
    out.push({ ref, file: real, mediaType: mediaType! })
  }
  return out
}
