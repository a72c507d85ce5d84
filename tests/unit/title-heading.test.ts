/**
 * The title prints once (issue 13 item 5): an article whose title comes from
 * its first `# heading` — or repeats it — shows it in the title block only,
 * not again as a heading of the text (two H1 in the PDF tags, two identical
 * bookmarks).
 */
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import type { Edition } from '../../src/publication/edition.ts'
import { printChapters } from '../../src/writers/pdf/chapters.ts'
import { bookmarksOf } from '../../src/writers/pdf/outline.ts'
import { printHtml } from '../../src/writers/pdf/print-html.ts'
import { ROOT, tempDir } from '../helpers/paths.ts'

const ARTICLE = path.join(ROOT, 'tests', 'fixtures', 'title-from-heading', 'article.md')
const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0
/** The PDF outline's titles as `writeOutline` writes them: the title, then every bookmarked heading. */
const outlineTitles = (edition: Edition): string[] => [edition.meta.title, ...bookmarksOf(printChapters(edition)).map((b) => b.title)]

describe('a title taken from the first # heading', () => {
  it('prints once in the print HTML, as the title block', async () => {
    const edition = await loadEdition(ARTICLE, resolveConfig({}))
    assert.equal(edition.meta.title, 'تاگەکان')
    const html = await printHtml(edition)
    assert.equal(count(html, /<h1\b/g), 1)
    const main = /<main>[\s\S]*<\/main>/.exec(html)?.[0] ?? ''
    assert.doesNotMatch(main, />تاگەکان</, 'the text does not repeat the title')
    assert.match(html, /<h2 id="h-2"[^>]*>پێرستی تاگەکان<\/h2>/)
  })

  it('is one bookmark, followed by the other headings', async () => {
    const edition = await loadEdition(ARTICLE, resolveConfig({}))
    assert.deepEqual(outlineTitles(edition), ['تاگەکان', 'پێرستی تاگەکان'])
  })

  it('also goes when the front matter title repeats the opening heading, and stays when it differs', async () => {
    const dir = tempDir()
    const same = path.join(dir, 'same.md')
    writeFileSync(same, '---\ntitle: "ناتۆ"\nlang: ckb\n---\n\n# ناتۆ\n\nدەق.\n')
    assert.deepEqual(outlineTitles(await loadEdition(same, resolveConfig({}))), ['ناتۆ'])
    const other = path.join(dir, 'other.md')
    writeFileSync(other, '---\ntitle: "کتێب"\nlang: ckb\n---\n\n# ناتۆ\n\nدەق.\n')
    assert.deepEqual(outlineTitles(await loadEdition(other, resolveConfig({}))), ['کتێب', 'ناتۆ'])
  })
})
