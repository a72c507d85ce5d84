/**
 * The reader page copies the article's images by the file the load checked,
 * whatever the reference looks like: a `%` that is not an escape, a query or
 * a fragment must neither crash the page nor copy the wrong file.
 */
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { copyImages } from '../../src/writers/site/images.ts'
import { tempDir } from '../helpers/paths.ts'

/** A 1×1 PNG. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2e1d8a90000000049454e44ae426082', 'hex')

const srcs = (tree: Root): string[] => {
  const found: string[] = []
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'img') found.push(String(node.properties.src))
  })
  return found
}

describe('reader page images', () => {
  it('copies an image whose name holds a % that is not an escape, one referenced with a query, and an undecodable name in raw HTML', async () => {
    const dir = tempDir('chapkhana-site-images-')
    writeFileSync(path.join(dir, '100%.png'), PNG)
    writeFileSync(path.join(dir, 'map.png'), PNG)
    writeFileSync(path.join(dir, '50%zz.png'), PNG)
    const source = path.join(dir, 'a.md')
    writeFileSync(source, '---\ntitle: "وێنە"\nlang: ckb\ndate: 2026-11-24\ncover: map.png\n---\n\nدەق.\n\n![سەدا سەد](100%.png)\n\n![نەخشە](map.png?v=2)\n\n<img src="50%zz.png" alt="نیوە">\n')
    const config = resolveConfig({ formats: ['epub'], outDir: path.join(dir, 'out') })
    const edition = await loadEdition(source, config)
    const tree = structuredClone(edition.tree) as Root
    const written = await copyImages(tree, edition, config.outDir)
    assert.equal(written.length, 3)
    for (const file of written) assert.deepEqual(readFileSync(file), PNG)
    assert.deepEqual(written.map((w) => path.basename(w)), ['1-100_.png', '2-map.png', '3-50_zz.png'])
    // The page points at the copies, by names a browser decodes back to them.
    assert.deepEqual(srcs(tree).map((s) => path.basename(decodeURIComponent(s))), ['1-100_.png', '2-map.png', '3-50_zz.png'])
  })
})
