/**
 * The article's own images in the EPUB: each checked file is stored once
 * under `images/`, named by a hash of its bytes (the same picture used twice
 * is stored once, and the name never reveals a path of the machine), and
 * every `<img>` of the chapters is pointed at it.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Element } from 'hast'
import { visit } from 'unist-util-visit'
import { imageOf, type Edition } from '../../publication/edition.ts'
import type { Chapter } from './chapters.ts'

/** One image file of the package. */
export interface PackedImage {
  readonly id: string
  readonly href: string
  readonly mediaType: string
  readonly bytes: Buffer
}

const EXTENSION: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/svg+xml': 'svg', 'image/webp': 'webp' }

/** Store the images `chapters` show and re-point their `src`; returns the files in first-use order. */
export async function packImages(edition: Edition, chapters: readonly Chapter[]): Promise<PackedImage[]> {
  const byFile = new Map<string, Promise<PackedImage>>()
  const uses: { node: Element; image: Promise<PackedImage> }[] = []
  for (const chapter of chapters) {
    visit({ type: 'root', children: chapter.children }, 'element', (node: Element) => {
      if (node.tagName !== 'img') return
      const image = imageOf(edition, node.properties.src)
      // Every image was checked when the edition was read; an unknown one cannot be shown.
      if (!image) throw new TypeError(`packImages: ${String(node.properties.src)} was not checked`)
      let packed = byFile.get(image.file)
      if (!packed) {
        // A cleaned SVG is carried as cleaned, never as the file on disk.
        packed = (image.bytes ? Promise.resolve(image.bytes) : readFile(image.file)).then((bytes) => {
          const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${EXTENSION[image.mediaType] ?? 'bin'}`
          return { id: `img-${name.replace('.', '-')}`, href: `images/${name}`, mediaType: image.mediaType, bytes }
        })
        byFile.set(image.file, packed)
      }
      uses.push({ node, image: packed })
    })
  }
  for (const use of uses) use.node.properties.src = (await use.image).href
  const unique = new Map<string, PackedImage>()
  for (const packed of await Promise.all(byFile.values())) unique.set(packed.href, packed)
  return [...unique.values()]
}
