/**
 * End to end: a folder book and a listed book built with the real Chromium,
 * checked with EPUBCheck and poppler; the build record (only changed editions
 * rebuilt, --force) and shards.
 */
import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { SEED, tempDir } from '../helpers/paths.ts'
import { writeSeedBook } from '../helpers/books.ts'
import { chapkhana, epubcheck, pdffonts, pdfinfo, pdftotext, unzipEpub } from '../helpers/tools.ts'

const project = tempDir('chapkhana-books-')
const content = path.join(project, 'content')
const out = path.join(project, 'out')
const build = (...args: string[]) => chapkhana(['build', ...args], { cwd: project })

describe('books and the build record', () => {
  before(() => {
    mkdirSync(content, { recursive: true })
    copyFileSync(SEED, path.join(content, 'nato.md'))
    writeSeedBook(content, 'nato-book', 3)
    const r = build()
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /2 built, 0 up to date/)
  })

  it('a folder book: one EPUB with a title page, one XHTML per chapter, a table of contents of the chapters, valid', async () => {
    const epub = path.join(out, 'nato-book.epub')
    const verdict = epubcheck(epub)
    assert.deepEqual([verdict.fatals, verdict.errors, verdict.warnings], [0, 0, 0], verdict.output)
    const files = await unzipEpub(epub)
    const chapters = [...files.keys()].filter((n) => /chapter-\d+\.xhtml$/.test(n)).sort()
    assert.equal(chapters.length, 3)
    const nav = files.get('OEBPS/toc.xhtml')!.toString('utf8')
    for (let i = 1; i <= 3; i++) assert.match(nav, new RegExp(`بەشی ${i}: ناتۆ و هاوپەیمانییەکە`))
    // Every chapter keeps its own note, numbered from one, in its own file.
    for (const name of chapters) {
      const xhtml = files.get(name)!.toString('utf8')
      assert.equal((xhtml.match(/epub:type="footnote"/g) ?? []).length, 1, name)
    }
    const opf = files.get('OEBPS/content.opf')!.toString('utf8')
    assert.match(opf, /<dc:title[^>]*>کتێبی ناتۆ<\/dc:title>/)
  })

  it('a folder book: one PDF holding every chapter in order', () => {
    const pdf = path.join(out, 'nato-book.pdf')
    const info = pdfinfo(pdf)
    assert.ok(Number(info.Pages) >= 9, `only ${info.Pages} pages for three copies of a four-page article`)
    // pdftotext wraps numbers in bidi marks and may put the colon on either side.
    const text = pdftotext(pdf).replace(/[\u202a-\u202e]/g, '')
    const titles = [...text.matchAll(/بەشی\s*:?\s*(\d+)\s*:?\s*ناتۆ و هاوپەیمانییەکە/g)].map((m) => Number(m[1]))
    assert.deepEqual([...new Set(titles)], [1, 2, 3])
    // Every chapter's notes are printed (at the foot of their page), in the book's own face (no fallback font).
    assert.deepEqual([...new Set(pdffonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].sort(), ['Amiri-Bold', 'Amiri-Regular'])
    assert.equal((text.match(/پەراوێزی بەشی/g) ?? []).length, 3)
  })

  it('rebuilds nothing when nothing changed, only the changed book after a correction, everything with --force', () => {
    const article = statSync(path.join(out, 'nato.pdf')).mtimeMs
    const bookBefore = readFileSync(path.join(out, 'nato-book.epub'))
    const same = build()
    assert.equal(same.code, 0, same.stderr)
    assert.match(same.stderr, /0 built, 2 up to date/)

    const chapter = path.join(content, 'nato-book', '002.md')
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('ئەمریکا', 'ئەمەریکا'))
    const changed = build()
    assert.equal(changed.code, 0, changed.stderr)
    assert.match(changed.stderr, /1 built, 1 up to date/)
    assert.match(changed.stderr, /wrote .*nato-book\.epub/)
    assert.doesNotMatch(changed.stderr, /wrote .*nato\.pdf/)
    assert.equal(statSync(path.join(out, 'nato.pdf')).mtimeMs, article, 'the unchanged article was rewritten')
    assert.notDeepEqual(readFileSync(path.join(out, 'nato-book.epub')), bookBefore)

    const forced = build('--force', '--format', 'epub')
    assert.equal(forced.code, 0, forced.stderr)
    assert.match(forced.stderr, /2 built, 0 up to date/)
  })

  it('rebuilds every edition when the options change, and an edition whose output was damaged', () => {
    // The last build wrote EPUBs only: other options, so both are rebuilt once.
    // EPUB and reader pages, not the PDF: the record treats every format alike, and a PDF costs a browser.
    const formats = ['--format', 'epub,html']
    assert.match(build(...formats).stderr, /2 built, 0 up to date/)
    assert.match(build(...formats).stderr, /0 built, 2 up to date/)
    writeFileSync(path.join(out, 'nato.epub'), 'damaged')
    const r1 = build(...formats)
    assert.match(r1.stderr, /1 built, 1 up to date/)
    // A whole EPUB again: a zip whose first entry is the mimetype.
    assert.equal(readFileSync(path.join(out, 'nato.epub')).subarray(30, 58).toString('latin1'), 'mimetypeapplication/epub+zip')
  })

  it('--shard I/N: the shards of a matrix together build each article exactly once', () => {
    const shardOut = path.join(project, 'sharded')
    const counts = [1, 2, 3].map((i) => {
      const r = build('--force', '--format', 'epub', '--out', shardOut, '--shard', `${i}/3`)
      assert.equal(r.code, 0, r.stderr)
      return Number(/(\d+) built/.exec(r.stderr)?.[1])
    })
    assert.equal(counts.reduce((a, b) => a + b, 0), 2)
    assert.ok(statSync(path.join(shardOut, 'nato.epub')).size > 0)
    assert.ok(statSync(path.join(shardOut, 'nato-book.epub')).size > 0)
  })

  it('a book listing a chapter that does not exist fails at the chapters: line, naming the file', () => {
    const bad = path.join(content, 'broken.md')
    writeFileSync(bad, '---\ntitle: کتێب\nlang: ckb\nchapters:\n  - nato.md\n  - missing.md\n---\n')
    try {
      const r = build(bad)
      assert.equal(r.code, 1)
      assert.match(r.stderr, /broken\.md/)
      assert.match(r.stderr, /4:1.*"missing\.md" does not exist/)
    } finally {
      writeFileSync(bad, '')
    }
  })
})
