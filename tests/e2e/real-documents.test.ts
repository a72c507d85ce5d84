/**
 * The fixtures of issue 13 (aligned table, malformed raw HTML, Markdown in
 * HTML blocks, a title from the first heading, a mixed-language book) built
 * into real EPUBs: EPUBCheck finds nothing, Ace finds nothing in the book
 * and the docs page, and the English chapter is an English document.
 */
import assert from 'node:assert/strict'
import { copyFileSync, cpSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { ROOT, tempDir } from '../helpers/paths.ts'
import { ace, chapkhana, epubcheck, unzipEpub } from '../helpers/tools.ts'

const FIXTURES = path.join(ROOT, 'tests', 'fixtures')
const src = tempDir('chapkhana-real-src-')
const out = tempDir('chapkhana-real-out-')
const SLUGS = ['table-alignment', 'malformed-raw-html', 'html-block-markdown', 'title-from-heading', 'mixed-language']

describe('issue 13 fixtures as EPUBs', () => {
  before(() => {
    for (const name of ['table-alignment', 'malformed-raw-html', 'html-block-markdown']) copyFileSync(path.join(FIXTURES, name, 'input.md'), path.join(src, `${name}.md`))
    copyFileSync(path.join(FIXTURES, 'title-from-heading', 'article.md'), path.join(src, 'title-from-heading.md'))
    cpSync(path.join(FIXTURES, 'books', 'mixed-language'), path.join(src, 'mixed-language'), { recursive: true })
    const r = chapkhana(['build', '--format', 'epub', '--out', out, ...SLUGS.slice(0, 4).map((s) => path.join(src, `${s}.md`)), path.join(src, 'mixed-language', 'book.md')])
    assert.equal(r.code, 0, r.stderr)
  })

  for (const slug of SLUGS) {
    it(`${slug}: EPUBCheck 0 errors, 0 warnings`, () => {
      const result = epubcheck(path.join(out, `${slug}.epub`))
      assert.equal(result.fatals + result.errors + result.warnings, 0, result.output)
    })
  }

  it('the English chapter file of the Sorani book is English, left to right', async () => {
    const files = await unzipEpub(path.join(out, 'mixed-language.epub'))
    const chapters = [...files].filter(([name]) => /chapter-\d+\.xhtml$/.test(name)).map(([, bytes]) => bytes.toString('utf8'))
    assert.equal(chapters.length, 2)
    assert.match(chapters[0] ?? '', /<html[^>]* lang="ckb" xml:lang="ckb" dir="rtl"/)
    assert.match(chapters[1] ?? '', /<html[^>]* lang="en" xml:lang="en" dir="ltr"/)
    assert.doesNotMatch(chapters[1] ?? '', /<span dir="ltr"/)
  })

  for (const slug of ['mixed-language', 'title-from-heading']) {
    it(`${slug}: Ace finds no violation`, () => {
      const result = ace(path.join(out, `${slug}.epub`), path.join(out, `ace-${slug}`))
      const list = result.violations.map((v) => `${v.file}: [${v.impact}] ${v.rule}: ${v.description}`).join('\n')
      assert.deepEqual(result.violations, [], `Ace found (see ${result.report}):\n${list}`)
    })
  }
})
