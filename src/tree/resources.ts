/**
 * Checking the local files an article refers to (images), at the edge where
 * files may be read: each must exist, stay inside the article's folder (no
 * `../../etc/passwd`, no symlink out), and really be an image of a type every
 * output can carry.
 */
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { keyLine } from '../source/front-matter.ts'
import type { ImageRef } from './plugins/rehype-collect-images.ts'
import { isBelow } from '../util/inside.ts'
import { openRegular, readRegularFile } from '../util/read-regular.ts'
import { isFailure } from '../util/failure.ts'
import { sanitizeSvg } from '../source/svg-sanitize.ts'

type MediaType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/svg+xml' | 'image/webp'

/** A checked image: where it is and what it is. */
export interface ImageResource {
  readonly ref: ImageRef
  /** The path the reference names (resolved, links not followed): how renderers find it again. */
  readonly wanted: string
  /** The file itself (links followed). */
  readonly file: string
  readonly mediaType: MediaType
  /** What every output carries instead of the file's bytes: a cleaned SVG (see `svg-sanitize.ts`). */
  readonly bytes?: Buffer
}

/** The article's own cover, checked. */
export interface CoverResource {
  /** As written in the front matter. */
  readonly src: string
  /** Absolute path. */
  readonly file: string
  readonly mediaType: 'image/png' | 'image/jpeg'
}

declare module 'vfile' {
  interface DataMap {
    /** The front matter's cover image, once checked. */
    cover: CoverResource
  }
}

const NAMES: Readonly<Record<MediaType, string>> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/gif': 'GIF', 'image/svg+xml': 'SVG', 'image/webp': 'WebP' }
const ALL_TYPES = Object.keys(NAMES) as MediaType[]

const MAGIC: readonly [MediaType, (b: Buffer) => boolean][] = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['image/webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP']
]

/** An SVG's start: a BOM, then XML declarations, processing instructions, comments or a doctype, then `<svg`. */
const SVG_START = /^\uFEFF?\s*(?:<\?[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*<svg[\s>]/i

/** Where a problem is reported: a place in the source and the words naming the file. */
interface Reference {
  readonly src: string
  readonly place?: Position | Point
  /** "Image" or "Cover image", to begin messages with. */
  readonly what: string
}

/** The path part of a local reference, decoded (`a%20b.png?x` → `a b.png`). */
export function decodedPath(src: string): string {
  try {
    return decodeURIComponent(src.split(/[?#]/)[0] ?? '')
  } catch {
    return src
  }
}

/** Check one local image: inside `baseDir`, existing, and really an image of an allowed type. */
async function checkLocalImage(file: VFile, baseDir: string, root: string, ref: Reference, allowed: readonly MediaType[]): Promise<{ file: string; mediaType: MediaType; bytes?: Buffer }> {
  const fail = (reason: string, ruleId: string): never => file.fail(reason, { ...(ref.place ? { place: ref.place } : {}), ruleId, source: 'chapkhana' })
  const name = `${ref.what} ${JSON.stringify(ref.src)}`
  const src = decodedPath(ref.src)
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) fail(`${name} is remote: a build never downloads anything. Save it beside the article and give its relative path`, 'image-remote')
  const wanted = path.resolve(baseDir, src)
  if (!isBelow(path.resolve(baseDir), wanted)) fail(`${name} is outside the article's folder: copy it next to the article`, 'image-outside')
  let real: string
  try {
    real = await realpath(wanted)
  } catch {
    return fail(`${name} does not exist: check the path (it is relative to ${path.basename(baseDir) || baseDir}/)`, 'image-missing')
  }
  if (!isBelow(root, real)) fail(`${name} is a link to a file outside the article's folder: copy the file instead`, 'image-outside')
  const head = Buffer.alloc(512)
  let handle
  try {
    handle = await openRegular(real)
  } catch (error) {
    if (!isFailure(error, 'not-a-file')) throw error
    return fail(`${name} is ${error.actual}, not an image file: point it at a PNG, JPEG, GIF, WebP or SVG file`, 'image-type')
  }
  try {
    await handle.read(head, 0, 512, 0)
  } finally {
    await handle.close()
  }
  let mediaType = MAGIC.find(([, test]) => test(head))?.[0]
  if (!mediaType && SVG_START.test(head.toString('utf8'))) mediaType = 'image/svg+xml'
  const ext = path.extname(real).toLowerCase()
  const kinds = allowed.map((t) => NAMES[t]).join(', ').replace(/, ([^,]*)$/, ' or $1')
  if (!mediaType) {
    fail(
      /\.(png|jpe?g|gif|webp|svg)$/.test(ext)
        ? `${name} is not an image (its bytes are not ${ext.slice(1).toUpperCase()}): re-export it as ${kinds}`
        : `${name} has a type chapkhana cannot put in a book (${ext || 'no extension'}): use ${kinds}`,
      'image-type'
    )
  }
  if (!allowed.includes(mediaType!)) fail(`${name} is ${NAMES[mediaType!]}; it must be ${kinds}`, 'image-type')
  if (mediaType === 'image/svg+xml') return { file: real, mediaType, bytes: await cleanSvg(file, real, name, ref, fail) }
  return { file: real, mediaType: mediaType! }
}

/**
 * The SVG at `real`, rebuilt without anything that runs or loads (scripts,
 * handlers, outside references): what every output carries. What was taken
 * out is one warning at the image's place; a malformed SVG fails there.
 */
async function cleanSvg(file: VFile, real: string, name: string, ref: Reference, fail: (reason: string, ruleId: string) => never): Promise<Buffer> {
  let clean
  try {
    clean = sanitizeSvg(new TextDecoder('utf-8', { fatal: true }).decode(await readRegularFile(real)))
  } catch (error) {
    if (isFailure(error, 'svg-syntax')) return fail(`${name} is not a well-formed SVG (at ${error.line}:${error.column} in the SVG: ${error.reason}): fix it or re-export it`, 'image-type')
    if (error instanceof TypeError) return fail(`${name} is not UTF-8 text, as an SVG must be: re-export it`, 'image-type')
    throw error
  }
  if (clean.removed.length > 0) {
    const shown = clean.removed.slice(0, 5).map((r) => `${r.what} (${r.line}:${r.column})`)
    const more = clean.removed.length > shown.length ? ` and ${clean.removed.length - shown.length} more` : ''
    file.message(`${name}: removed what an image must not carry (scripts, handlers, links or outside references): ${shown.join(', ')}${more}; the outputs show the cleaned picture`, {
      ...(ref.place ? { place: ref.place } : {}),
      ruleId: 'svg-unsafe',
      source: 'chapkhana'
    })
  }
  return Buffer.from(clean.svg)
}

/** Check every image of `file`; fails the file at the first bad one. */
export async function checkImages(file: VFile, baseDir: string): Promise<ImageResource[]> {
  const out: ImageResource[] = []
  const root = await realpath(baseDir)
  for (const ref of file.data.images ?? []) {
    const checked = await checkLocalImage(file, baseDir, root, { src: ref.src, what: 'Image', ...(ref.position ? { place: ref.position } : {}) }, ALL_TYPES)
    out.push({ ref, wanted: path.resolve(baseDir, decodedPath(ref.src)), ...checked })
  }
  return out
}

/**
 * Check the front matter's `cover:` (a JPEG or PNG beside the article, the
 * two types every reading system shows as a cover) and record it on
 * `file.data.cover`. Fails the file at the `cover:` line.
 */
export async function checkCover(file: VFile, baseDir: string): Promise<CoverResource | undefined> {
  const src = file.data.meta?.cover
  if (src === undefined) return undefined
  const root = await realpath(baseDir)
  const checked = await checkLocalImage(file, baseDir, root, { src, what: 'Cover image', place: valuePlace(file, 'cover') }, ['image/jpeg', 'image/png'])
  const cover = { src, file: checked.file, mediaType: checked.mediaType as CoverResource['mediaType'] }
  file.data.cover = cover
  return cover
}

/** Line and column of the value of `key:` in the front matter. */
function valuePlace(file: VFile, key: string): Point {
  const { line } = keyLine(file, key)
  const text = String(file.value).split(/\r?\n/)[line - 1] ?? ''
  const value = /^[^:]*:\s*/.exec(text)?.[0].length ?? 0
  return { line, column: value + 1 }
}
