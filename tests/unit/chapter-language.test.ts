/**
 * Each book chapter keeps its own language and direction in every output
 * (issue 13 item 7), and a chapter whose `# heading` sits inside a wrapper
 * `<div>` keeps it as its title (item 5): no inserted title, no demotion.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'
import { toHtml } from 'hast-util-to-html'
import type { Element } from 'hast'
import { visit } from 'unist-util-visit'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { splitChapters } from '../../src/writers/epub/chapters.ts'
import { chapterLanguage } from '../../src/publication/chapter-split.ts'
import { xhtmlDocument } from '../../src/writers/epub/xhtml.ts'
import { printHtml } from '../../src/writers/pdf/print-html.ts'
import { ROOT } from '../helpers/paths.ts'

const BOOK = path.join(ROOT, 'tests', 'fixtures', 'books', 'mixed-language', 'book.md')

describe('a lang: en chapter in a ckb book', () => {
  it('is read left to right in English, not in the book direction', async () => {
    const edition = await loadEdition(BOOK, resolveConfig({}))
    const english = edition.chapters.find((c) => c.path.endsWith('02-english.md'))
    assert.equal(english?.data.lang, 'en')
    assert.equal(english?.data.dir, 'ltr')
    assert.equal(english?.data.locale?.direction, 'ltr')
  })

  it('tags its blocks in the joined tree, and leaves its Latin text unwrapped', async () => {
    const edition = await loadEdition(BOOK, resolveConfig({}))
    const html = toHtml(edition.tree)
    assert.match(html, /<h1 id="c2-h-1" lang="en" dir="ltr">An English chapter<\/h1>/)
    assert.match(html, /<p lang="en" dir="ltr">This chapter is written in English, with a path \/etc\/hosts/)
    // The Sorani chapter keeps the book's language: nothing added to its blocks.
    assert.doesNotMatch(html, /<h1[^>]*lang="ckb"/)
  })

  it('is its own language in the EPUB chapter file: html and section lang, xml:lang and dir', async () => {
    const edition = await loadEdition(BOOK, resolveConfig({}))
    const chapters = splitChapters(edition)
    assert.equal(chapters.length, 2)
    const [sorani, english] = chapters
    assert.equal(chapterLanguage(sorani!.children), undefined)
    const language = chapterLanguage(english!.children)
    assert.deepEqual(language, { lang: 'en', dir: 'ltr' })
    const xhtml = xhtmlDocument(edition, english!.children, { title: english!.title, ...(language ? { language } : {}) })
    assert.match(xhtml, /<html[^>]* lang="en" xml:lang="en" dir="ltr"/)
  })

  it('is a section in its own language and direction in the print HTML', async () => {
    const edition = await loadEdition(BOOK, resolveConfig({}))
    const html = await printHtml(edition)
    assert.match(html, /<section class="chapter" id="chapter-2" lang="en" dir="ltr">/)
    assert.match(html, /<section class="chapter" id="chapter-1">/)
  })
})

describe('a chapter whose # heading sits inside a wrapper div', () => {
  it('keeps that heading as its one title, at the top level, with the wrapper direction', async () => {
    const edition = await loadEdition(BOOK, resolveConfig({}))
    const h1s: Element[] = []
    visit(edition.tree, 'element', (n: Element) => {
      if (n.tagName === 'h1') h1s.push(n)
    })
    assert.deepEqual(
      h1s.map((h) => [h.properties.id, h.properties.dir]),
      [
        ['c1-h-1', 'rtl'],
        ['c2-h-1', 'ltr']
      ]
    )
    // Its sub-heading stays an h2, not demoted to h3 under an inserted title.
    assert.match(toHtml(edition.tree), /<h2 id="c1-h-2">بەشی لاوەکی<\/h2>/)
    assert.deepEqual(
      edition.headings.map((h) => [h.depth, h.text]),
      [
        [1, 'سەرەتا'],
        [2, 'بەشی لاوەکی'],
        [1, 'An English chapter']
      ]
    )
  })
})

describe('the notes of a lang: en chapter in a ckb book', () => {
  it('are headed in English and labelled as the English reference shows them, in the EPUB', async () => {
    const edition = await loadEdition(BOOK, resolveConfig({}))
    const { buildEpub } = await import('../../src/writers/epub/write.ts')
    const { GENERATOR } = await import('../../src/version.ts')
    const JSZip = (await import('jszip')).default
    // A 1×1 PNG stands for the drawn cover: the notes are what is checked, and no browser starts.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2e1d8a90000000049454e44ae426082', 'hex')
    const cover = () => Promise.resolve({ bytes: png, mediaType: 'image/png' as const, extension: 'png' as const })
    const zip = await JSZip.loadAsync(await buildEpub({ edition, generator: GENERATOR, cover }))
    const texts = await Promise.all(Object.keys(zip.files).filter((n) => /\.xhtml$/.test(n)).map(async (n) => zip.file(n)!.async('string')))
    const english = texts.find((t) => t.includes('An English chapter</h1>'))
    assert.ok(english, 'no EPUB chapter holds the English chapter')
    const section = /<section class="footnotes"[^>]*>/.exec(english)?.[0]
    assert.match(section ?? '', /aria-label="Notes"/)
    const ref = /<a[^>]*epub:type="noteref"[^>]*>([^<]*(?:<[^a][^>]*>[^<]*)*)<\/a>/.exec(english)?.[1]?.replace(/<[^>]+>/g, '')
    const label = /<a class="note-number"[^>]*>([^<]*)<\/a>/.exec(english)?.[1]
    assert.ok(ref && label, english)
    assert.doesNotMatch(`${ref} ${label}`, /[٠-٩۰-۹]/, 'an English note counts in ASCII digits')
  })
})

describe('the endnotes of a lang: en chapter in a ckb book, in print', () => {
  it('are headed «Notes» and numbered «1.», as the English reference shows them', async () => {
    const edition = await loadEdition(BOOK, resolveConfig({}))
    const { firstLayout } = await import('../../src/writers/pdf/print-html.ts')
    const html = await printHtml(edition, firstLayout(edition, 'end'))
    const english = html.slice(html.indexOf('<section class="chapter" id="chapter-2"'))
    assert.match(english, /<p class="endnotes-label"[^>]*>Notes<\/p>/)
    assert.match(english, /<span class="endnote-number"><a [^>]*>1<\/a>\.<\/span>/)
    const sorani = html.slice(html.indexOf('<section class="chapter" id="chapter-1"'), html.indexOf('<section class="chapter" id="chapter-2"'))
    assert.doesNotMatch(sorani, /Notes/)
  })
})

describe('the notes of a lang: en chapter at the page foot, in print', () => {
  it('sit in a block named «Notes» in its own language', async () => {
    const edition = await loadEdition(BOOK, resolveConfig({}))
    const { firstLayout } = await import('../../src/writers/pdf/print-html.ts')
    const layout = firstLayout(edition, 'foot')
    const ids = [...(await printHtml(edition, firstLayout(edition, 'end'))).matchAll(/<li id="([^"]+)"/g)].map((m) => m[1]!)
    assert.equal(ids.length, 1, 'the English chapter has one note')
    // A plan that sets the note at the foot of the chapter's last page.
    const html = await printHtml(edition, { ...layout, foot: { cuts: [{ before: 'chapter-2-end', notes: ids, pad: 0 }] } })
    const blocks = [...html.matchAll(/role="doc-footnotes" aria-label="([^"]*)"/g)].map((m) => m[1])
    assert.deepEqual(blocks, ['Notes'])
  })
})
