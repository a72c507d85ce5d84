/**
 * The article's own images on its reader page: copied (already checked at
 * load time: inside the article's folder, real images) to
 * `out/assets/<slug>/`, and the page's copy of the tree pointed at them.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { ASSETS } from './assets.ts'
import { decodedPath } from '../../tree/resources.ts'
import { imageOf, type Edition } from '../../publication/edition.ts'

/**
 * Copy the images of `tree` (a clone of `edition`'s, rewritten in place);
 * returns the files written. A cleaned SVG is written as cleaned: the site's
 * origin must never serve the file's own scripts.
 */
export async function copyImages(tree: Root, edition: Edition, outDir: string): Promise<string[]> {
  const { baseDir, slug } = edition
  const images: Element[] = []
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'img' && typeof node.properties.src === 'string') images.push(node)
  })
  const written: string[] = []
  for (const [i, node] of images.entries()) {
    // The file the load checked, never a path re-derived from the reference:
    // `map.png?v=2` or raw HTML's `50%zz.png` name the same checked file.
    const image = imageOf(edition, node.properties.src)
    const file = image?.file ?? path.resolve(baseDir, decodedPath(String(node.properties.src)))
    const name = `${i + 1}-${path.basename(file).replace(/[^\p{L}\p{N}._-]/gu, '_')}`
    const target = path.join(outDir, ASSETS, slug, name)
    await mkdir(path.dirname(target), { recursive: true })
    if (image?.bytes) await writeFile(target, image.bytes)
    else await copyFile(file, target)
    node.properties.src = `${ASSETS}/${encodeURIComponent(slug)}/${encodeURIComponent(name)}`
    written.push(target)
  }
  return written
}

/**
 * A footnote's way back as a caret (as many encyclopaedias print it): the
 * tree's ↩ is not in Amiri, and a page must never fall back to whatever face
 * the reader's machine has. The link keeps its spoken label.
 */
export function caretBackrefs(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'a' && node.properties.dataFootnoteBackref !== undefined) node.children = [{ type: 'text', value: '^' }]
  })
}
