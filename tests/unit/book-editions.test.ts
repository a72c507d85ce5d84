/**
 * A book's edition is every source of it: the history records chapters (with
 * their text), images and the cover; a change in any of them is a change of
 * the edition, and the colophon's corrections include the chapters'.
 */
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { VFile } from 'vfile'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { documentFromText } from '../../src/source/read.ts'
import { attachChapterCorrections } from '../../src/publication/corrections.ts'
import { diffFiles } from '../../src/diff/diff-files.ts'
import { diffHtml } from '../../src/diff/render-diff.ts'
import { diffSources } from '../../src/diff/word-diff.ts'
import { formatHistory, parseHistory, sha256, type EditionRecord } from '../../src/source/history.ts'
import { sameFiles, sourceFiles, stageEdition } from '../../src/release/sources.ts'
import { tempDir } from '../helpers/paths.ts'
import { failure, placed } from '../helpers/refusal.ts'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex')

function bookFolder(): string {
  const dir = path.join(tempDir(), 'kteb')
  mkdirSync(path.join(dir, 'images'), { recursive: true })
  writeFileSync(path.join(dir, 'book.md'), '---\ntitle: "کتێب"\nlang: ckb\ndate: 2026-11-24\n---\n')
  writeFileSync(path.join(dir, '01.md'), '---\ntitle: "یەک"\n---\n\nدەقی یەکەم.\n\n![وێنە](images/a.png)\n')
  writeFileSync(path.join(dir, '02.md'), '---\ntitle: "دوو"\n---\r\n\r\nدەقی بژارەیە.\r\n')
  writeFileSync(path.join(dir, 'images', 'a.png'), PNG)
  return dir
}

const record = (files: EditionRecord['files'], source = '---\ntitle: x\n---\n'): EditionRecord => ({ edition: 2, date: '2026-11-25', sha256: sha256(source), source, generator: 'test', outputs: {}, ...(files ? { files } : {}) })

describe('the sources of a book edition', () => {
  it('are its chapters (exact text) and its images, relative to the book', async () => {
    const dir = bookFolder()
    const edition = await loadEdition(path.join(dir, 'book.md'), resolveConfig({}))
    const files = await sourceFiles(edition, path.join(dir, 'book.md'))
    assert.deepEqual(files.map((f) => f.path), ['01.md', '02.md', 'images/a.png'])
    assert.equal(files[1]?.source, '---\ntitle: "دوو"\n---\r\n\r\nدەقی بژارەیە.\r\n')
    assert.equal(files[2]?.source, undefined)
    assert.equal(files[2]?.sha256, sha256(PNG))
  })

  it('round-trip through the history, CRLF chapters included, and a changed one is a change', async () => {
    const dir = bookFolder()
    const article = path.join(dir, 'book.md')
    const files = await sourceFiles(await loadEdition(article, resolveConfig({})), article)
    const back = parseHistory(formatHistory(article, [record(files)]), 'h.yaml')
    assert.deepEqual(back[0]?.files, files)
    assert.ok(sameFiles(back[0]?.files, files))
    writeFileSync(path.join(dir, '02.md'), '---\ntitle: "دوو"\n---\r\n\r\nدەقی بژاردەیە.\r\n')
    const now = await sourceFiles(await loadEdition(article, resolveConfig({})), article)
    assert.ok(!sameFiles(back[0]?.files, now), 'a chapter correction is a new edition')
    const diff = diffFiles({ label: 'edition 2', files: back[0]?.files }, { label: 'now', files: now })
    assert.deepEqual(diff.texts.map((t) => [t.path, t.diff.paragraphs[0]?.changes[0]?.before, t.diff.paragraphs[0]?.changes[0]?.after]), [['02.md', 'بژارەیە', 'بژاردەیە']])
    writeFileSync(path.join(dir, 'images', 'a.png'), Buffer.concat([PNG, Buffer.from([0])]))
    const images = diffFiles({ label: 'edition 2', files: back[0]?.files }, { label: 'now', files: await sourceFiles(await loadEdition(article, resolveConfig({})), article) })
    assert.deepEqual(images.binaries, ['images/a.png: changed'])
  })

  it('diff --html shows a chapter\'s changes under its file name', () => {
    const chapter = diffSources('---\ntitle: x\n---\n\nدەقی بژارەیە.\n', '---\ntitle: x\n---\n\nدەقی بژاردەیە.\n')
    const html = diffHtml(diffSources('a\n', 'a\n'), { title: 'کتێب', lang: 'ckb', dir: 'rtl', from: 'edition 2', to: 'now' }, [{ path: '02.md', diff: chapter }])
    assert.ok(html.includes('<h2 dir="ltr" lang="en">02.md: paragraph, line 5</h2>'))
    assert.ok(html.includes('<del>بژارەیە</del> <ins>بژاردەیە</ins>'))
    assert.match(html, /edition 2 → now: 1 word changed in 1 paragraph/)
  })

  it('refuses a history whose file path leaves the article\'s folder', () => {
    const text = formatHistory('a.md', [record([{ path: '../etc/passwd', sha256: 'a'.repeat(64) }])])
    assert.match(placed(failure(() => parseHistory(text, 'a.history.yaml'))), /a\.history\.yaml:\d+:\d+: edition 2: `files` path "\.\.\/etc\/passwd" must be relative/)
  })

  it('are staged as released for a rebuild; an image changed since is refused by name', async () => {
    const dir = bookFolder()
    const article = path.join(dir, 'book.md')
    const files = await sourceFiles(await loadEdition(article, resolveConfig({})), article)
    const staged = await stageEdition(article, record(files, '---\ntitle: "کتێب"\nlang: ckb\n---\n'))
    try {
      assert.equal(path.basename(path.dirname(staged.article)), 'kteb', 'the folder keeps its name (the slug)')
      const edition = await loadEdition(staged.article, resolveConfig({}))
      assert.equal(edition.slug, 'kteb')
      assert.equal(edition.chapters.length, 2)
    } finally {
      await staged.dispose()
    }
    writeFileSync(path.join(dir, 'images', 'a.png'), Buffer.concat([PNG, Buffer.from([0])]))
    await assert.rejects(stageEdition(article, record(files)), /images\/a\.png changed since edition 2 was released .*restore it/)
  })

  it('the colophon lists the corrections inside chapters', async () => {
    const dir = bookFolder()
    const book = documentFromText('---\ntitle: x\nlang: ckb\nedition: 3\ncorrections: true\n---\n', path.join(dir, 'book.md'))
    const chapter = new VFile({ path: path.join(dir, '02.md'), value: '---\ntitle: "دوو"\n---\n\nدەقی بژاردەیە.\n' })
    await attachChapterCorrections(book, [chapter], [record([{ path: '02.md', sha256: sha256('x'), source: '---\ntitle: "دوو"\n---\n\nدەقی بژارەیە.\n' }])])
    assert.deepEqual(book.data.corrections, { since: 2, items: [{ before: 'بژارەیە', after: 'بژاردەیە' }] })
  })
})
