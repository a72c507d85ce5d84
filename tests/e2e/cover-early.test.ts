/**
 * A generated cover needs only the front matter (title, author, date,
 * edition, language): Chromium draws it while Node parses the text, not
 * after, so the PDF's renderings do not wait for it once the text is read.
 * The order is read from the build's own timing marks (CHAPKHANA_TIMING),
 * never from a duration.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { writeSeedBook } from '../helpers/books.ts'
import { tempDir } from '../helpers/paths.ts'
import { chapkhana } from '../helpers/tools.ts'

const project = tempDir('chapkhana-cover-early-')
after(() => rmSync(project, { recursive: true, force: true }))

/** The first mark `name: a → b → …` in `stderr`, as numbers (ms since the process started). */
function mark(stderr: string, name: string): number[] {
  const line = stderr.split('\n').find((l) => l.startsWith(`${name}: `))
  assert.ok(line, `no "${name}:" mark in:\n${stderr.slice(-3000)}`)
  return [...line.matchAll(/(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]))
}

describe('the generated cover', () => {
  it('is wanted before the chapters of a book are parsed, and drawn', () => {
    const book = writeSeedBook(project, 'book', 8, { listed: true })
    const r = chapkhana(['build', '--quiet', '--out', path.join(project, 'out'), book], { cwd: project, env: { CHAPKHANA_TIMING: '1' } })
    assert.equal(r.code, 0, r.stderr.slice(-3000))
    const [wanted] = mark(r.stderr, 'cover wanted')
    const [loaded] = mark(r.stderr, 'edition loaded')
    assert.ok(wanted! < loaded!, `cover wanted at ${wanted} ms, the edition loaded at ${loaded} ms`)
    // Drawn (the screenshot's marks) and written beside the EPUB and the PDF.
    assert.equal(mark(r.stderr, 'cover').length, 4)
    for (const name of ['book-cover.png', 'book.epub', 'book.pdf']) assert.ok(existsSync(path.join(project, 'out', name)), name)
  })

  it('a text refused after its front matter was read (a remote image): the build reports it and exits, the cover it began given up', () => {
    const dir = path.join(project, 'refused')
    mkdirSync(dir)
    const source = path.join(dir, 'remote.md')
    writeFileSync(source, '---\ntitle: "وێنەی دوور"\nlang: ckb\ndate: 2026-11-24\n---\n\nدەق.\n\n![وێنە](https://example.org/a.png)\n')
    // An EPUB shows the cover: it is wanted as soon as the front matter is read, before the image is refused.
    const r = chapkhana(['build', '--format', 'epub', '--out', path.join(dir, 'out'), source], { cwd: dir, timeout: 60_000 })
    assert.equal(r.code, 1, `exit ${r.code} (null: still running after 60 s)\n${r.stderr.slice(-2000)}`)
    assert.match(r.stderr, /image-remote/)
    assert.ok(!existsSync(path.join(dir, 'out', 'remote.epub')), 'nothing written')
  })
})

