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
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { destinationPositions } from '../../src/writers/pdf/positions.ts'
import { seedBody } from '../helpers/books.ts'
import { pageFills } from '../helpers/page-fill.ts'
import { CLI, CORPORA, ROOT, tempDir } from '../helpers/paths.ts'
import { messagesFor, MUQTABAS_ARGS, sharedBuild } from '../helpers/shared-build.ts'
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
  it('al-Muqtabas 29, 49 and 65: every note on the page of its reference but one of issue 49, which had 15 off it', async () => {
    const r = sharedBuild(MUQTABAS_ARGS)
    assert.equal(r.code, 0, r.stderr.slice(-2000))
    // Issue 49's verses above a page foot made the planner's measure a few points short, and it
    // planned the same foot eight times; a foot that went over three times is now planned higher,
    // a page may end between two bayts of a poem, and a poem of one bayt no longer drags the notes
    // after it to the next page. One note (fn-17, under a page of short poems) still goes over.
    for (const [issue, allowed] of [[29, 0], [49, 1], [65, 0]] as const) {
      const at = await destinationPositions(readFileSync(path.join(r.out, `al-muqtabas-issue-${issue}.pdf`)))
      const off = [...at].filter(([id, p]) => /^fn-[^-]+$/.test(id) && at.get(id.replace('fn-', 'fnref-'))?.page !== p.page).map(([id]) => id)
      assert.ok(off.length <= allowed, `issue ${issue}: ${off.length} notes off their reference's page: ${off.join(', ')}`)
    }
  })

  it('prints every note of al-Muqtabas issue 60 on the page of its reference', async () => {
    const source = path.join(CORPORA, 'muqtabas', 'al-muqtabas-issue-60.md')
    // The four issues' shared build (the same PDF as issue 60 built alone); only read here.
    const r = sharedBuild(MUQTABAS_ARGS)
    assert.equal(r.code, 0, r.stderr.slice(-2000))
    const messages = messagesFor(r.stderr, source)
    assert.match(messages, /meta-lang-default/, 'the build reported on issue 60')
    assert.doesNotMatch(messages, /did not settle/)
    const pdf = path.join(r.out, 'al-muqtabas-issue-60.pdf')
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
      // Arabic words only: the text layer of bidi punctuation ("[...]") comes out reordered.
      const words = flat(text).split(' ').filter((w) => /^\p{Script=Arabic}+$/u.test(w)).slice(0, 4)
      const page = flat(pdftotext(pdf, ref.page))
      for (const word of words) assert.ok(page.includes(word), `page ${ref.page} shows note ${label}: «${word}»`)
      checked++
    }
    assert.ok(checked >= 20, `${checked} cited notes checked`)
    // Pushed down to the foot: the block of notes ends at the bottom of the text block (249 mm below its top).
    const bottom = (at.get('chapkhana-page-top')?.y ?? NaN) - (249 * 72) / 25.4
    const ends = [...at].filter(([id]) => /^notes-at-.*-end$/.test(id)).map(([, p]) => p)
    for (const [label] of notes) {
      const note = at.get(`fn-${label}`)
      if (!note || !at.has(`fnref-${label}`)) continue
      const end = ends.filter((e) => e.page === note.page && e.y <= note.y).sort((x, y) => y.y - x.y)[0]
      assert.ok(end && Math.abs(end.y - bottom) < 24, `note ${label}'s block ends ${end ? (end.y - bottom).toFixed(1) : '?'} pt from the foot of page ${note.page}`)
    }
    // Tagged as notes, one Note per note.
    const qdf = path.join(tempDir(), 'qdf.pdf')
    spawnSync('qpdf', ['--qdf', '--object-streams=disable', pdf, qdf])
    assert.equal(readFileSync(qdf, 'latin1').match(/\/S \/Note\b/g)?.length, checked)
  })

  it('fills the pages of «كتاب البئر» to their notes, ending a page inside a paragraph where needed', async () => {
    const r = sharedBuild(MUQTABAS_ARGS)
    assert.equal(r.code, 0, r.stderr.slice(-2000))
    const pdf = path.join(r.out, 'al-muqtabas-issue-60.pdf')
    const at = await destinationPositions(readFileSync(pdf))
    const fills = await pageFills(pdf)
    // The chapter the issue showed (pages 8-9 ended a third empty before a heading and a long paragraph).
    const first = at.get('chapter-3')!.page
    const last = at.get('chapter-3-end')!.page
    const top = at.get('chapkhana-page-top')!.y
    /** Whether page `p` opens with a heading: kept with its next two lines, it may leave the page before short. */
    const opensWithHeading = (p: number): boolean => [...at].some(([id, pos]) => /^h-\d+$/.test(id) && pos.page === p && pos.y > top - 40)
    for (let p = first; p < last; p++) {
      const fill = fills[p - 1]!
      assert.ok(fill.short < 3 * 22 || opensWithHeading(p + 1), `page ${p} ends ${fill.short.toFixed(0)} pt short`)
    }
    // Some page of the issue ends inside a paragraph, and every note still shares its reference's page (above).
    assert.ok([...at.keys()].some((id) => /^(?!notes-at-).*-from-w\d+$/.test(id)), 'a page ends inside a paragraph')
  })
})

/** A book whose first chapter is one page long, so the second would open on a verso. */
function unevenBook(dir: string): string {
  const folder = path.join(dir, 'uneven')
  mkdirSync(folder)
  const body = seedBody()
  writeFileSync(path.join(folder, 'book.md'), '---\ntitle: "کتێبی ناتۆ"\nlang: ckb\ndate: 2026-11-24\n---\n')
  writeFileSync(path.join(folder, '01.md'), '---\ntitle: "بەشی یەکەم"\n---\n\nپێشەکی[^1].\n\n[^1]: پەراوێزی یەکەم.\n')
  writeFileSync(path.join(folder, '02.md'), `---\ntitle: "بەشی دووەم"\n---\n\n${body}\n\nتێبینی[^1].\n\n[^1]: پەراوێزی دووەم.\n`)
  writeFileSync(path.join(folder, '03.md'), '---\ntitle: "بەشی سێیەم"\n---\n\nکۆتایی[^1].\n\n[^1]: پەراوێزی سێیەم.\n')
  return path.join(folder, 'book.md')
}

describe('chapters on a recto', () => {
  it('opens every chapter of a three-chapter book on an odd page, blank versos bare, notes at their feet, same bytes twice', async () => {
    const book = unevenBook(tempDir())
    const outs = [tempDir(), tempDir()]
    for (const out of outs) {
      const r = build(['--out', out, book])
      assert.equal(r.code, 0, r.stderr.slice(-2000))
    }
    const [a, b] = outs.map((out) => readFileSync(path.join(out, 'uneven.pdf')))
    assert.equal(createHash('sha256').update(a!).digest('hex'), createHash('sha256').update(b!).digest('hex'))
    const pdf = path.join(outs[0]!, 'uneven.pdf')
    const at = await destinationPositions(a!)
    const openings = [1, 2, 3].map((n) => at.get(`chapter-${n}`)?.page ?? 0)
    for (const [i, page] of openings.entries()) assert.equal(page % 2, 1, `chapter ${i + 1} opens on page ${page}`)
    // The one-page first chapter needs a blank verso before the second: no text, no head, no number.
    const pages = Number(pdfinfo(pdf).Pages)
    const blank = Array.from({ length: pages }, (_, i) => i + 1).filter((p) => flat(pdftotext(pdf, p)).trim() === '')
    assert.ok(blank.length >= 1, 'at least one blank verso')
    for (const p of blank) assert.ok(openings.includes(p + 1), `blank page ${p} stands before a chapter`)
    assert.ok(blank.includes(openings[1]! - 1))
    // Each chapter's note (ids c1-fn-1, …) prints on the page of its reference (c1-fnref-1, …).
    const refs = [...at].filter(([id]) => /^c\d+-fnref-/.test(id))
    assert.equal(refs.length, 3)
    for (const [id, ref] of refs) assert.equal(at.get(id.replace('fnref-', 'fn-'))?.page, ref.page, `${id} and its note share a page`)
  })
})
