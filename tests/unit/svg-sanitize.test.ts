/**
 * An SVG never carries its script out (issue 15, item 9): `![x](x.svg)` with
 * `<script>`, `on*` handlers, `javascript:` links, `<foreignObject>`,
 * animations or outside references used to be copied verbatim into the EPUB,
 * the print page and the reader site. Each output now carries the cleaned
 * picture, and the build warns at the image's line and column. No browser:
 * the EPUB is built with the article's own cover.
 */
import assert from 'node:assert/strict'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { coverSource } from '../../src/writers/cover/render-cover.ts'
import JSZip from 'jszip'
import type { Root } from 'hast'
import { VFileMessage } from 'vfile-message'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { sanitizeSvg } from '../../src/source/svg-sanitize.ts'
import { buildEpub } from '../../src/writers/epub/write.ts'
import { printHtml } from '../../src/writers/pdf/print-html.ts'
import { copyImages } from '../../src/writers/site/images.ts'
import { GENERATOR } from '../../src/version.ts'
import { ROOT, tempDir } from '../helpers/paths.ts'

const HOSTILE = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'svg', 'hostile.svg'), 'utf8')
/** Anything of these in an output means a script or a request got through. */
const LEAKS = /PWNED|evil\.example|javascript:|<script|onload|onclick|foreignObject|<set\b|<animate|@import|127\.0\.0\.1/i

/** A 1×1 PNG, for an article cover that needs no browser. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2e1d8a90000000049454e44ae426082', 'hex')

describe('SVG sanitizer', () => {
  it('keeps the drawing and removes every script, handler, link and outside reference', () => {
    const { svg, removed } = sanitizeSvg(HOSTILE)
    assert.doesNotMatch(svg, LEAKS)
    for (const kept of ['<circle', 'fill="url(#g)"', '<linearGradient id="g"', 'نەخشە', 'viewBox="0 0 100 100"', '<use href="#g"', 'fill="#3a3"']) assert.ok(svg.includes(kept), `${kept} was lost:\n${svg}`)
    const whats = removed.map((r) => r.what).join('\n')
    for (const what of [/onload handler/, /<script>/, /<foreignObject>/, /<a> link/, /href="https:\/\/evil/, /<style> with @import/, /onclick handler/, /<set>/, /<animate>/, /url\(https/, /<\?xml-stylesheet\?>/]) assert.match(whats, what)
    assert.deepEqual(removed.find((r) => r.what === '<script>'), { what: '<script>', line: 4, column: 3 })
  })

  it('is stable: cleaning a cleaned SVG changes nothing and removes nothing', () => {
    const once = sanitizeSvg(HOSTILE).svg
    const twice = sanitizeSvg(once)
    assert.equal(twice.svg, once)
    assert.deepEqual(twice.removed, [])
  })

  it('refuses CSS escapes and resources that could hide a request', () => {
    for (const style of ['fill: \\75rl(https://x/)', 'background: image-set("https://x/a.png" 1x)', 'fill: url( "http://x" )']) {
      const { svg, removed } = sanitizeSvg(`<svg xmlns="http://www.w3.org/2000/svg"><rect style='${style}'/></svg>`)
      assert.doesNotMatch(svg, /style=/, style)
      assert.equal(removed.length, 1, style)
    }
  })
})

describe('an article with a hostile SVG', () => {
  const dir = tempDir('chapkhana-svg-')
  const source = path.join(dir, 'a.md')
  copyFileSync(path.join(ROOT, 'tests', 'fixtures', 'svg', 'hostile.svg'), path.join(dir, 'map.svg'))
  writeFileSync(path.join(dir, 'cover.png'), PNG)
  writeFileSync(source, '---\ntitle: "نەخشە"\nlang: ckb\ndate: 2026-11-24\ncover: cover.png\n---\n\nدەق.\n\nنەخشەکە: ![نەخشە](map.svg)\n')
  const config = resolveConfig({ formats: ['epub'], outDir: path.join(dir, 'out') })

  it('warns at the image’s line and column, naming what was removed', async () => {
    const edition = await loadEdition(source, config)
    const warning = edition.file.messages.find((m) => m.ruleId === 'svg-unsafe')
    assert.ok(warning, edition.file.messages.map(String).join('\n'))
    assert.equal(warning.line, 10)
    assert.equal(warning.column, 10)
    assert.equal(warning.fatal, false)
    assert.match(warning.reason, /Image "map\.svg": removed .*<script> \(4:3\)/)
  })

  it('puts only the cleaned SVG into the EPUB', async () => {
    const edition = await loadEdition(source, config)
    const zip = await JSZip.loadAsync(await buildEpub({ edition, generator: GENERATOR, cover: coverSource(edition, () => Promise.reject(new Error('no browser needed'))) }))
    const svgs = Object.keys(zip.files).filter((n) => n.endsWith('.svg'))
    assert.equal(svgs.length, 1)
    const packed = await zip.file(svgs[0]!)!.async('string')
    assert.doesNotMatch(packed, LEAKS)
    assert.match(packed, /<circle/)
    const opf = await zip.file('OEBPS/content.opf')!.async('string')
    assert.doesNotMatch(opf, /properties="[^"]*scripted/)
  })

  it('prints the cleaned SVG, from memory, not the file', async () => {
    const edition = await loadEdition(source, config)
    const html = await printHtml(edition)
    const src = /<img[^>]*src="(data:image\/svg\+xml;base64,[^"]+)"/.exec(html)?.[1]
    assert.ok(src, 'the print page does not show the SVG from memory')
    assert.doesNotMatch(Buffer.from(src.split(',')[1]!, 'base64').toString('utf8'), LEAKS)
    assert.doesNotMatch(html, /map\.svg/)
  })

  it('copies only the cleaned SVG to the reader site’s assets', async () => {
    const edition = await loadEdition(source, config)
    const tree = structuredClone(edition.tree) as Root
    const written = await copyImages(tree, edition, config.outDir)
    assert.equal(written.length, 1)
    assert.doesNotMatch(readFileSync(written[0]!, 'utf8'), LEAKS)
  })

  it('refuses a malformed SVG at the image, saying where in the SVG', async () => {
    writeFileSync(path.join(dir, 'broken.svg'), '<svg xmlns="http://www.w3.org/2000/svg">\n<rect>\n</svg>\n')
    writeFileSync(path.join(dir, 'b.md'), '---\ntitle: "نەخشە"\nlang: ckb\n---\n\n![نەخشە](broken.svg)\n')
    await assert.rejects(loadEdition(path.join(dir, 'b.md'), config), (e: unknown) => e instanceof VFileMessage && e.line === 6 && /not a well-formed SVG \(at 3:\d+/.test(e.reason))
  })
})
