/**
 * Notes at the foot of the page and chapters on a recto, in real Chromium
 * renderings: al-Muqtabas issue 60 (Arabic, 28 notes) must print every note on
 * the page of its reference, and a three-chapter book must open every chapter
 * on an odd page, with blank versos that carry no head and no number, the
 * same bytes on a second build.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { destinationPositions } from '../../src/output/pdf/positions.ts'
import { writeSeedBook } from '../helpers/books.ts'
import { CLI, CORPORA, ROOT, tempDir } from '../helpers/paths.ts'
import { pdfinfo, pdftotext } from '../helpers/tools.ts'

/** The CLI with room for a long issue laid out several times on a busy machine. */
function build(args: readonly string[]) {
  const r = spawnSync(process.execPath, [CLI, 'build', '--format', 'pdf', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 900_000, maxBuffer: 256 * 1024 * 1024 })
  return { code: r.status, stderr: r.stderr }
}

/** Page text without bidi controls and with single spaces. */
const flat = (text: string): string => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ')

/** Note label → its text, from the Markdown definitions `[^label]: text`. */
function definitions(file: string): Map<string, string> {
  return new Map([...readFileSync(file, 'utf8').matchAll(/^\[\^([^\]]+)\]:\s*(.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()]))
}

describe('notes at the foot of the page', () => {
  it('prints every note of al-Muqtabas issue 60 on the page of its reference', async () => {
    const source = path.join(CORPORA, 'muqtabas', 'al-muqtabas-issue-60.md')
    const out = tempDir()
    const r = build(['--lang', 'ar', '--out', out, source])
    assert.equal(r.code, 0, r.stderr.slice(-2000))
    assert.doesNotMatch(r.stderr, /did not settle/)
    const pdf = path.join(out, 'al-muqtabas-issue-60.pdf')
    const at = await destinationPositions(readFileSync(pdf))
    const notes = definitions(source)
    assert.ok(notes.size >= 20, `${notes.size} notes`)
    let checked = 0
    for (const [label, text] of notes) {
      const ref = at.get(`fnref-${label}`)
      const note = at.get(`fn-${label}`)
      if (!ref) continue // defined but never cited
      assert.ok(note, `note ${label} printed`)
      assert.equal(note.page, ref.page, `note ${label}: cited on page ${ref.page}, printed on page ${note.page}`)
      // Below its reference, and its words on that page's text.
      assert.ok(note.y < ref.y, `note ${label} sits under its reference`)
      const words = flat(text).split(' ').slice(0, 4).join(' ')
      assert.ok(flat(pdftotext(pdf, ref.page)).includes(words), `page ${ref.page} shows note ${label}: «${words}»`)
      checked++
    }
    assert.ok(checked >= 20, `${checked} cited notes checked`)
  })
})

describe('chapters on a recto', () => {
  it('opens every chapter of a three-chapter book on an odd page, blank versos bare, notes at their feet, same bytes twice', async () => {
    const dir = tempDir()
    const book = writeSeedBook(dir, 'three', 3)
    const outs = [tempDir(), tempDir()]
    for (const out of outs) {
      const r = build(['--out', out, book])
      assert.equal(r.code, 0, r.stderr.slice(-2000))
    }
    const [a, b] = outs.map((out) => readFileSync(path.join(out, 'three.pdf')))
    assert.equal(createHash('sha256').update(a!).digest('hex'), createHash('sha256').update(b!).digest('hex'))
    const pdf = path.join(outs[0]!, 'three.pdf')
    const at = await destinationPositions(a!)
    const openings = [1, 2, 3].map((n) => at.get(`chapter-${n}`)?.page ?? 0)
    for (const [i, page] of openings.entries()) assert.equal(page % 2, 1, `chapter ${i + 1} opens on page ${page}`)
    // Every page before an opening that the previous chapter did not reach is blank: no head, no number.
    const pages = Number(pdfinfo(pdf).Pages)
    for (const page of openings) {
      const before = page - 1
      if (before < 1 || before > pages) continue
      const text = flat(pdftotext(pdf, before)).trim()
      const previousEnd = [...at].filter(([id]) => /^chapter-\d+-end$/.test(id)).some(([, p]) => p.page === before)
      if (!previousEnd) assert.equal(text, '', `page ${before} is a blank verso`)
    }
    // Each chapter's note (ids c1-fn-1, …) prints on the page of its reference (c1-fnref-1, …).
    const refs = [...at].filter(([id]) => /^c\d+-fnref-/.test(id))
    assert.equal(refs.length, 3)
    for (const [id, ref] of refs) assert.equal(at.get(id.replace('fnref-', 'fn-'))?.page, ref.page, `${id} and its note share a page`)
  })
})
