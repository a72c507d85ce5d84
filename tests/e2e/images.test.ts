/**
 * End to end: the article's own images travel into both editions — stored
 * once in the EPUB under a name from their bytes, drawn in the PDF — for an
 * article and for a book whose chapters live in another folder.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { before, describe, it } from 'node:test'
import { tempDir } from '../helpers/paths.ts'
import { chapkhana, epubcheck, unzipEpub } from '../helpers/tools.ts'

/** A small solid-colour PNG, made here so the test needs no binary fixture. */
function png(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer) => {
    let c = 0xffffffff
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [...rgb]).flat())])
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))), chunk('IEND', Buffer.alloc(0))])
}

const project = tempDir('chapkhana-images-')
const content = path.join(project, 'content')
const out = path.join(project, 'out')
const pdfImages = (file: string) => execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '')

describe('images in the editions', () => {
  before(() => {
    mkdirSync(path.join(content, 'pics'), { recursive: true })
    mkdirSync(path.join(content, 'atlas', 'part'), { recursive: true })
    writeFileSync(path.join(content, 'pics', 'map.png'), png(120, 80, [180, 40, 40]))
    writeFileSync(path.join(content, 'atlas', 'part', 'map.png'), png(60, 40, [40, 40, 180]))
    writeFileSync(path.join(content, 'maps.md'), '---\ntitle: نەخشە\nlang: ckb\n---\n\nدەقێک.\n\n![نەخشەی ناوچەکە](pics/map.png)\n\nهەمان نەخشە دووبارە: ![نەخشە](pics/map.png)\n')
    writeFileSync(path.join(content, 'atlas', 'book.md'), '---\ntitle: ئەتڵەس\nlang: ckb\nchapters: [part/one.md, two.md]\n---\n')
    writeFileSync(path.join(content, 'atlas', 'part', 'one.md'), '---\ntitle: یەکەم\n---\n\n![نەخشەی شین](map.png)\n')
    writeFileSync(path.join(content, 'atlas', 'two.md'), '---\ntitle: دووەم\n---\n\nهەمان نەخشە: ![نەخشەی شین](part/map.png)\n')
    const r = chapkhana(['build', '--force'], { cwd: project })
    assert.equal(r.code, 0, r.stderr)
  })

  for (const slug of ['maps', 'atlas']) {
    it(`${slug}: the EPUB holds each picture once, referenced from the text, and passes EPUBCheck`, async () => {
      const epub = path.join(out, `${slug}.epub`)
      const verdict = epubcheck(epub)
      assert.deepEqual([verdict.fatals, verdict.errors, verdict.warnings], [0, 0, 0], verdict.output)
      const files = await unzipEpub(epub)
      const pictures = [...files.keys()].filter((n) => /^OEBPS\/images\/[0-9a-f]{16}\.png$/.test(n))
      assert.equal(pictures.length, 1, [...files.keys()].join('\n'))
      const xhtml = [...files].filter(([n]) => n.endsWith('.xhtml')).map(([, b]) => b.toString('utf8')).join('\n')
      assert.equal((xhtml.match(new RegExp(`src="${pictures[0]!.slice('OEBPS/'.length)}"`, 'g')) ?? []).length, 2)
      assert.doesNotMatch(xhtml, /pics\/|part\/map/)
    })

    it(`${slug}: the PDF draws the picture where the text shows it`, () => {
      const rows = pdfImages(path.join(out, `${slug}.pdf`))
      assert.equal(rows.length, 2, rows.join('\n'))
    })
  }
})
