/**
 * The EPUB package as e-readers read it (issue 14, items 8–13), checked in
 * the real package built in memory and unpacked with jszip: note links with
 * Arabic-script labels, back-links, the NCX Kobo reads, Apple Books' font
 * switch, the accessibility claim, `dcterms:modified`, the title at the top
 * of the text and the contents page in or out of the reading order.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { splitChapters } from '../../src/writers/epub/chapters.ts'
import { navXhtml, tocEntries } from '../../src/writers/epub/nav.ts'
import { ncxNavMap } from '../../src/writers/epub/ncx.ts'
import { modifiedDate } from '../../src/publication/modified.ts'
import { buildPackage, writeArticle, type BuiltEpub } from '../helpers/epub-package.ts'
import { CORPORA, ROOT } from '../helpers/paths.ts'

const fixture = (name: string): string => readFileSync(path.join(ROOT, 'tests', 'fixtures', name, 'article.md'), 'utf8')

/** A contents tree: each entry's label and target, with the entries under it. */
interface Toc {
  readonly text: string
  readonly href: string
  readonly children: Toc[]
}

/** The nav's `toc` as a tree, read from its nested `<ol>`s. */
function navTree(nav: string): Toc[] {
  const toc = /<nav epub:type="toc"[\s\S]*?<\/nav>/.exec(nav)![0]
  const roots: Toc[] = []
  const lists: Toc[][] = []
  let last: Toc | undefined
  for (const m of toc.matchAll(/<ol>|<\/ol>|<a href="([^"]*)">([^<]*)<\/a>/g)) {
    if (m[0] === '<ol>') lists.push(lists.length === 0 ? roots : last!.children)
    else if (m[0] === '</ol>') lists.pop()
    else {
      last = { href: m[1]!, text: m[2]!, children: [] }
      lists.at(-1)!.push(last)
    }
  }
  return roots
}

/** The NCX's `navMap` as a tree, with every `playOrder` in document order. */
function ncxTree(ncx: string): { tree: Toc[]; order: number[]; depth: number } {
  const roots: Toc[] = []
  const stack: Toc[] = []
  const order: number[] = []
  for (const m of ncx.matchAll(/<navPoint id="[^"]*" playOrder="(\d+)"><navLabel><text>([^<]*)<\/text><\/navLabel><content src="([^"]*)"\/>|<\/navPoint>/g)) {
    if (m[0] === '</navPoint>') {
      stack.pop()
      continue
    }
    order.push(Number(m[1]))
    const point: Toc = { text: m[2]!, href: m[3]!, children: [] }
    ;(stack.at(-1)?.children ?? roots).push(point)
    stack.push(point)
  }
  return { tree: roots, order, depth: Number(/<meta name="dtb:depth" content="(\d+)"\/>/.exec(ncx)?.[1]) }
}

/** Every chapter file of the package, one after the other. */
const chaptersOf = (book: BuiltEpub): string => [...book.text].filter(([name]) => /chapter-\d+\.xhtml$/.test(name)).map(([, xml]) => xml).join('\n')

const deepest = (toc: readonly Toc[]): number => (toc.length === 0 ? 0 : 1 + Math.max(...toc.map((t) => deepest(t.children))))

describe('EPUB package: notes, contents, metadata', () => {
  let notes: BuiltEpub
  let untitled: BuiltEpub
  before(async () => {
    notes = await buildPackage(writeArticle('notes', fixture('epub-notes')))
    untitled = await buildPackage(writeArticle('untitled', fixture('epub-untitled')))
  })

  it('notes labelled in Arabic script ([^١], [^تێبینی]) keep their links: every #fragment names an id of its file', () => {
    const files = [...notes.text].filter(([name]) => name.endsWith('.xhtml'))
    const ids = new Map(files.map(([name, xml]) => [path.basename(name), new Set([...xml.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]))]))
    let links = 0
    for (const [name, xml] of files) {
      for (const [, href] of xml.matchAll(/<a [^>]*href="([^"]*#[^"]*)"/g)) {
        const [file, fragment] = href!.split('#')
        const target = file === '' ? path.basename(name) : file!
        assert.ok(ids.get(target)?.has(fragment!), `${name}: ${href} names no id of ${target}`)
        links++
      }
    }
    const chapter = chaptersOf(notes)
    const refs = [...chapter.matchAll(/<a [^>]*epub:type="noteref"[^>]*>/g)].map((m) => m[0])
    assert.equal(refs.length, 4, 'four references')
    for (const ref of refs) assert.match(ref, /href="(?:chapter-\d+\.xhtml)?#fn-[A-Za-z0-9_-]+"/, `a reference without a working link: ${ref}`)
    assert.ok(links >= 8, `${links} links checked`)
    assert.doesNotMatch(chapter, /%[0-9A-F]{2}/i, 'no percent-encoded id or link is left for a reader to decode')
  })

  it('a note begins with its label «(١)» as the link back, its reference number in Arabic practice; no ↩ (U+21A9) anywhere', () => {
    const chapter = chaptersOf(notes)
    for (const [name, text] of notes.text) assert.ok(!text.includes('\u21A9'), `${name} has ↩`)
    const asides = [...chapter.matchAll(/<aside id="([^"]+)" epub:type="footnote"[^>]*>\s*<p><a class="note-number" href="#([^"]+)" role="doc-backlink"[^>]*>([^<]+)<\/a> /g)]
    assert.equal(asides.length, 3, 'every note opens with its back-link')
    for (const [, id, back, label] of asides) {
      const ref = new RegExp(`<a href="(?:chapter-\\d+\\.xhtml)?#${id}" id="${back}"[^>]*epub:type="noteref"[^>]*>([^<]+)</a>`).exec(chapter)
      assert.ok(ref, `the back-link of ${id} leads to its first reference ${back}`)
      assert.equal(label, `(${ref[1]})`, `the note ${id} is labelled as its reference, in parentheses`)
    }
    // The note referred to twice links back to its second reference too.
    assert.match(chapter, /<a class="note-backref" href="(?:chapter-\d+\.xhtml)?#fnref-u0661-2" role="doc-backlink"[^>]*><sup>٢<\/sup><\/a>/)
  })

  it('every character the package shows, the back-links\' «(٢)» included, is in an embedded font', async () => {
    const fontkit = await import('fontkit')
    const zip = await (await import('jszip')).default.loadAsync(notes.bytes)
    const fonts = await Promise.all(Object.keys(zip.files).filter((n) => n.endsWith('.ttf')).map(async (n) => fontkit.create(await zip.file(n)!.async('nodebuffer')) as import('fontkit').Font))
    const text = [...notes.text].filter(([n]) => n.endsWith('.xhtml')).map(([, xml]) => xml.replace(/<[^>]*>/g, '')).join('')
    const missing = [...new Set(text)].filter((c) => /\S/u.test(c) && !fonts.some((f) => f.hasGlyphForCodePoint(c.codePointAt(0)!)))
    assert.ok(fonts.length > 0 && text.includes('(٢)'), 'the fonts and the second back-link are there')
    assert.deepEqual(missing, [])
  })

  it('a raw link with a malformed escape (#%E0%A4) does not stop the EPUB: like any link to nowhere it loses its href', async () => {
    const source = writeArticle('bad-link', '---\ntitle: ت\nlang: ar\ncover: cover.png\n---\n\n# أ\n\nنص <a href="#%E0%A4">رابط</a>.\n\n# ب\n\nنص.\n')
    const book = await buildPackage(source)
    assert.match(chaptersOf(book), /<a>رابط<\/a>/)
  })

  it('the NCX is nested like the nav, in reading order, with dtb:depth its real depth', () => {
    const nav = navTree(notes.text.get('OEBPS/toc.xhtml')!)
    const ncx = ncxTree(notes.text.get('OEBPS/toc.ncx')!)
    assert.deepEqual(ncx.tree, nav)
    assert.equal(deepest(nav), 2, '## sections with ### under them')
    assert.equal(ncx.depth, 2)
    assert.deepEqual(ncx.order, ncx.order.map((_, i) => i + 1))
  })

  it('al-Muqtabas 49: the NCX lists every entry of the nav (42: the empty notes chapter is dropped), not only the top level', async () => {
    const edition = await loadEdition(path.join(CORPORA, 'muqtabas', 'al-muqtabas-issue-49.md'), resolveConfig({ lang: 'ar' }))
    const entries = tocEntries(edition, splitChapters(edition))
    const nav = navTree(navXhtml(edition, entries, []))
    const map = ncxNavMap(entries)
    const count = (toc: readonly Toc[]): number => toc.reduce((n, t) => n + 1 + count(t.children), 0)
    const ncx = ncxTree(`<meta name="dtb:depth" content="${map.depth}"/>${map.navPoints}`)
    assert.equal(count(nav), 42)
    assert.equal(count(ncx.tree), 42)
    assert.deepEqual(ncx.tree, nav)
    assert.equal(ncx.depth, deepest(nav))
    assert.ok(ncx.depth >= 2)
  })

  it('Apple Books is told to use the embedded fonts: ibooks:specified-fonts with the ibooks: prefix declared', () => {
    const opf = notes.text.get('OEBPS/content.opf')!
    assert.match(opf, /prefix="[^"]*\bibooks: http:\/\/vocabulary\.itunes\.apple\.com\/rdf\/ibooks\/vocabulary-extensions-1\.0\/[^"]*"/)
    assert.match(opf, /<meta property="ibooks:specified-fonts">true<\/meta>/)
  })

  it('the EPUB Accessibility 1.1 claim comes with a11y:certifiedBy, and is not made when an image has no description', () => {
    const opf = notes.text.get('OEBPS/content.opf')!
    assert.match(opf, /<meta property="dcterms:conformsTo">EPUB Accessibility 1\.1 - WCAG 2\.1 Level AA<\/meta>/)
    assert.match(opf, /<meta property="a11y:certifiedBy">[^<]+<\/meta>/)
    const bare = untitled.text.get('OEBPS/content.opf')!
    assert.doesNotMatch(bare, /dcterms:conformsTo|a11y:certifiedBy/, 'an image without alt text: no conformance claim')
    assert.match(bare, /<meta property="schema:accessibilitySummary">[^<]*some images in the text have no description/)
  })

  it('dcterms:modified is the build time (SOURCE_DATE_EPOCH) or the edition date, never a 1910 journal\'s date', async () => {
    const journal = await loadEdition(path.join(CORPORA, 'muqtabas', 'al-muqtabas-issue-49.md'), resolveConfig({ lang: 'ar' }))
    assert.equal(journal.meta.date, '1910-02-12')
    assert.equal(modifiedDate(journal, { SOURCE_DATE_EPOCH: '1790000000' }), '2026-09-21T14:13:20Z')
    const unset = modifiedDate(journal, {})
    assert.match(unset, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    assert.ok(unset >= '2011-10-11', `without SOURCE_DATE_EPOCH: ${unset}`)
    assert.equal(unset, modifiedDate(journal, {}), 'the same for every build')
    assert.match(notes.text.get('OEBPS/content.opf')!, /<meta property="dcterms:modified">2026-11-24T00:00:00Z<\/meta>/, 'a 2026 edition keeps its date')
  })

  it('a title only in the front matter opens the text as its <h1>, where the bodymatter landmark points', () => {
    for (const book of [notes, untitled]) {
      const chapter = book.text.get('OEBPS/chapter-001.xhtml')!
      const body = /<section epub:type="chapter"[^>]*>([\s\S]*)$/.exec(chapter)![1]!
      assert.match(body, new RegExp(`^<h1[^>]*>${book.edition.meta.title}</h1>`), 'the text begins with the title')
      assert.equal((chapter.match(/<h1/g) ?? []).length, 1)
      assert.match(book.text.get('OEBPS/toc.xhtml')!, /<a epub:type="bodymatter" href="chapter-001\.xhtml">/)
    }
  })

  it('a contents page with one entry stays out of the reading order (linear="no"); with several it is read', () => {
    assert.match(untitled.text.get('OEBPS/content.opf')!, /<itemref idref="nav" linear="no"\/>/)
    assert.equal(navTree(untitled.text.get('OEBPS/toc.xhtml')!).length, 1)
    assert.match(notes.text.get('OEBPS/content.opf')!, /<itemref idref="nav"\/>/)
  })
})
