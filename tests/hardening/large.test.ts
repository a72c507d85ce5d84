/**
 * Large input builds, it does not crash: a single 10 MB paragraph and 100,000
 * short paragraphs. EPUB only here (their PDFs take minutes in Chromium; the
 * README gives the measured times); each build reports its time.
 */
import assert from 'node:assert/strict'
import { statSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import JSZip from 'jszip'
import { readFileSync } from 'node:fs'
import { tempDir } from '../helpers/paths.ts'
import { chapkhana } from '../helpers/tools.ts'
import { articleDir, FRONT } from './helpers.ts'

async function buildEpub(name: string, markdown: string): Promise<{ ms: number; entries: string[] }> {
  const dir = articleDir({ [name]: markdown })
  const out = tempDir()
  const start = performance.now()
  const r = chapkhana(['build', '--format', 'epub', '--out', out, path.join(dir, name)])
  const ms = performance.now() - start
  assert.equal(r.code, 0, r.stderr.slice(0, 4000))
  assert.doesNotMatch(r.stderr, /RangeError|Maximum call stack|heap out of memory/)
  const epub = path.join(out, name.replace('.md', '.epub'))
  assert.ok(statSync(epub).size > 10_000)
  const zip = await JSZip.loadAsync(readFileSync(epub))
  return { ms, entries: Object.keys(zip.files) }
}

describe('large input', () => {
  it('one 10 MB paragraph builds', async (t) => {
    const words = 'وشە '.repeat(Math.ceil(10_000_000 / 7))
    const { ms, entries } = await buildEpub('huge-paragraph.md', `${FRONT}${words}\n`)
    t.diagnostic(`10 MB paragraph, EPUB: ${Math.round(ms)} ms`)
    assert.ok(entries.includes('OEBPS/content.opf'))
  })

  it('100,000 short paragraphs build', async (t) => {
    const body = Array.from({ length: 100_000 }, (_, i) => `پەرەگرافی ${i}.`).join('\n\n')
    const { ms, entries } = await buildEpub('many-paragraphs.md', `${FRONT}${body}\n`)
    t.diagnostic(`100,000 paragraphs, EPUB: ${Math.round(ms)} ms`)
    assert.ok(entries.includes('OEBPS/content.opf'))
  })
})
