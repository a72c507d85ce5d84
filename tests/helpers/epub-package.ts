/**
 * An EPUB built in memory from a Markdown text, without a browser (the
 * article brings its own cover), and unpacked with jszip: tests read the real
 * package the CLI would write.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { coverSource } from '../../src/writers/cover/render-cover.ts'
import JSZip from 'jszip'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import type { Edition } from '../../src/publication/edition.ts'
import { encodeIndexedPng } from '../../src/writers/cover/png.ts'
import { buildEpub } from '../../src/writers/epub/write.ts'
import { tempDir } from './paths.ts'

/** A built package: its bytes, its text entries by name, and the edition it came from. */
export interface BuiltEpub {
  readonly bytes: Buffer
  readonly text: Map<string, string>
  readonly edition: Edition
  readonly file: string
}

/** Write `markdown` as `<name>.md` beside a small PNG cover (its front matter must name `cover: cover.png`). */
export function writeArticle(name: string, markdown: string): string {
  const dir = tempDir('chapkhana-epub-')
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'cover.png'), encodeIndexedPng({ width: 16, height: 24, rgba: new Uint8Array(16 * 24 * 4).fill(90) }, [[90, 90, 90]]))
  const file = path.join(dir, `${name}.md`)
  writeFileSync(file, markdown)
  return file
}

/** Build the EPUB of `source` in memory and unpack it; `file` is where it was written for EPUBCheck. */
export async function buildPackage(source: string): Promise<BuiltEpub> {
  const edition = await loadEdition(source, resolveConfig({}))
  const bytes = await buildEpub({ edition, generator: 'chapkhana test', cover: coverSource(edition, () => Promise.reject(new Error('this test builds without a browser'))) })
  const zip = await JSZip.loadAsync(bytes)
  const text = new Map<string, string>()
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir && /\.(xhtml|opf|ncx|css|xml)$/.test(name)) text.set(name, await entry.async('string'))
  }
  const file = path.join(path.dirname(source), `${edition.slug}.epub`)
  writeFileSync(file, bytes)
  return { bytes, text, edition, file }
}
