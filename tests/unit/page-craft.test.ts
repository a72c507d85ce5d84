/**
 * The craft of the printed page and of the e-book's notes, without a browser
 * (issue 14, items 1–4 and 7): verse written several bayts to a paragraph,
 * chapters as a typesetter cuts them (no empty chapter, no book made of `##`
 * sections, no page for an untitled preface), bookmarks nested from the
 * named destinations, code in its own face, Arabic note labels.
 */
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { toHtml } from 'hast-util-to-html'
import { PDFDocument, PDFName, PDFNumber } from 'pdf-lib'
import { splitChapters } from '../../src/writers/epub/chapters.ts'
import { colophon, makeEdition } from '../../src/publication/edition.ts'
import { printChapters } from '../../src/writers/pdf/chapters.ts'
import { bookmarksOf, writeOutline } from '../../src/writers/pdf/outline.ts'
import { printHtml } from '../../src/writers/pdf/print-html.ts'
import { tocEntries } from '../../src/writers/pdf/toc.ts'
import { render } from '../helpers/html.ts'
import { tempDir } from '../helpers/paths.ts'
import { pdfOutline } from '../helpers/pdf.ts'

const doc = (body: string, lang = 'ar') => `---\ntitle: "العنوان"\nlang: ${lang}\ndate: 2026-11-24\n---\n\n${body}\n`
const edition = async (body: string, lang = 'ar') => {
  const { file, tree } = await render(doc(body, lang))
  return makeEdition(file, tree, '.')
}

describe('verse written several bayts to a paragraph', () => {
  const B1 = 'ما كل يوم ينال المرءُ ما طلبا   ولا يسوغه المقدار ما وهبا'
  const B2 = 'واحزم الناس من أن نال فرصته   لم يجعل السبب الموصول مقتضبا'

  it('sets two bayts on consecutive lines as two bayts of one poem, not as prose', async () => {
    const { html } = await render(doc(`قال:\n\n${B1}\n${B2}\n\nومنها:`))
    assert.equal((html.match(/<div class="verse">/g) ?? []).length, 1)
    assert.equal((html.match(/<p class="bayt">/g) ?? []).length, 2)
    assert.match(html, /<span class="hemistich">واحزم الناس من أن نال فرصته<\/span> <span class="hemistich">لم يجعل السبب الموصول مقتضبا<\/span>/)
  })

  it('also when the lines end in hard breaks, and joins them with the next paragraph of verse', async () => {
    const { html } = await render(doc(`${B1}  \n${B2}\n\n${B1}`))
    assert.equal((html.match(/<div class="verse">/g) ?? []).length, 1)
    assert.equal((html.match(/<p class="bayt">/g) ?? []).length, 3)
    assert.doesNotMatch(html, /<br/)
  })

  it('leaves a paragraph alone when one of its lines is prose', async () => {
    const { html } = await render(doc(`${B1}\nوهذا سطر من النثر لا فجوة فيه بين شطرين كما في الشعر.`))
    assert.doesNotMatch(html, /verse|hemistich/)
  })
})

describe('chapters as a typesetter cuts them', () => {
  it('an article whose sections are all ## is one chapter: no title page, no contents', async () => {
    const e = await edition('مقدمة.\n\n## الأول\n\nنص.\n\n## الثاني\n\nنص.')
    assert.equal(printChapters(e).length, 1)
    assert.equal(splitChapters(e).length, 1)
    assert.doesNotMatch(await printHtml(e), /class="toc"/)
  })

  it('drops an empty chapter (a # notes left once its notes moved), in print and in the EPUB; its notes stay with their references', async () => {
    const e = await edition('# الأول\n\nنص[^1].\n\n# الثاني\n\nنص.\n\n# notes\n\n[^1]: حاشية.')
    const print = printChapters(e)
    assert.deepEqual(print.map((c) => c.title), ['الأول', 'الثاني'])
    assert.deepEqual(splitChapters(e).map((c) => c.title.trim()), ['الأول', 'الثاني'])
    assert.match(toHtml(print[0]!.children), /حاشية/)
    assert.ok(!tocEntries(print).some((t) => t.text === 'notes'))
  })

  it('an untitled preface (a basmala) has no contents entry named after the book and shares the first chapter’s page', async () => {
    const e = await edition('بسم الله الرحمن الرحيم\n\n# الأول\n\nنص.\n\n# الثاني\n\nنص.')
    const chapters = printChapters(e)
    assert.deepEqual(chapters.map((c) => c.untitled), [true, false, false])
    assert.deepEqual(tocEntries(chapters).map((t) => t.text), ['الأول', 'الثاني'])
    const html = await printHtml(e)
    assert.match(html, /<section class="chapter untitled" id="chapter-1">/)
    // One named page for preface and first chapter: a change of page name would force a break.
    assert.match(html, /section#chapter-1 \{ page: chapter-2; \}/)
  })

  it('a book’s colophon stands between the title page and the contents; an article’s after its text', async () => {
    const book = await printHtml(await edition('# الأول\n\nنص.\n\n# الثاني\n\nنص.'))
    assert.ok(book.indexOf('class="colophon"') < book.indexOf('class="toc"'), 'colophon before the contents')
    const article = await printHtml(await edition('نص.'))
    assert.ok(article.indexOf('class="colophon"') > article.indexOf('<main>'), 'colophon after the text')
  })
})

describe('bookmarks from the named destinations', () => {
  it('nest the headings by level under the title and point where the links land', async () => {
    const e = await edition('# الأول\n\nنص.\n\n## فرع\n\nنص.\n\n# الثاني\n\nنص.')
    const marks = bookmarksOf(printChapters(e))
    assert.deepEqual(marks.map((b) => [b.title, b.depth]), [['الأول', 1], ['فرع', 2], ['الثاني', 1]])
    const pdf = await PDFDocument.create()
    const pages = [pdf.addPage(), pdf.addPage(), pdf.addPage()]
    const dest = (page: number) => pdf.context.obj([pages[page]!.ref, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(700), null])
    // The destination of «فرع» is on page 3, as a heading pushed over the page would be.
    const dests = pdf.context.obj({ [marks[0]!.target]: dest(1), [marks[1]!.target]: dest(2), [marks[2]!.target]: dest(2) })
    pdf.catalog.set(PDFName.of('Dests'), dests)
    writeOutline(pdf, 'العنوان', marks)
    const file = path.join(tempDir(), 'outline.pdf')
    writeFileSync(file, await pdf.save())
    const outline = await pdfOutline(file)
    assert.deepEqual(outline.map((o) => [o.title, o.depth, o.page]), [['العنوان', 1, 1], ['الأول', 1, 2], ['فرع', 2, 3], ['الثاني', 1, 3]])
  })
})

describe('code and notes', () => {
  it('code is set in the bundled monospaced face with Amiri behind it, tab size 4, leading 1.35; the colophon names its licence', async () => {
    const e = await edition('نص.\n\n```js\nif (a) {\n\treturn "سلام"\n}\n```')
    const html = await printHtml(e)
    assert.match(html, /@font-face \{ font-family: "Chapkhana Mono"; font-weight: 400;[^}]*JetBrainsMono_400Regular\.ttf/)
    assert.match(html, /code, pre, kbd, samp \{\s*font-family: "Chapkhana Mono", "Chapkhana Amiri";/)
    assert.match(html, /pre \{ line-height: 1\.35; tab-size: 4;/)
    // A long block may split over pages (kept whole, it left pages of 2–3 lines), three lines at least either side.
    assert.match(html, /pre \{ break-inside: auto; orphans: 3; widows: 3; \}/)
    assert.doesNotMatch(html, /blockquote, figure, table, pre \{ break-inside: avoid; \}/)
    // Programming ligatures off: "->" stays as typed.
    assert.match(html, /font-variant-ligatures: no-common-ligatures no-contextual/)
    assert.match(toHtml(colophon(e)), /Amiri \(SIL Open Font License 1\.1\), JetBrains Mono \(SIL Open Font License 1\.1\)/)
    assert.doesNotMatch(toHtml(colophon(await edition('نص بلا شيفرة.'))), /JetBrains/)
  })

  it('a print page declares only the faces its text can be set in: regular and bold always, italics and code when used', async () => {
    const faces = (html: string): string[] => [...html.matchAll(/@font-face \{ font-family: "([^"]+)"; font-weight: (\d+); font-style: (\w+)/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`)
    assert.deepEqual(faces(await printHtml(await edition('نص بسيط.\n\n## عنوان فرعي\n\nنص **عريض**.'))), ['Chapkhana Amiri 400 normal', 'Chapkhana Amiri 700 normal'])
    assert.deepEqual(faces(await printHtml(await edition('نص *مائل* و**عريض *ومائل***.'))), ['Chapkhana Amiri 400 normal', 'Chapkhana Amiri 700 normal', 'Chapkhana Amiri 400 italic', 'Chapkhana Amiri 700 italic'])
    assert.deepEqual(faces(await printHtml(await edition('نص و`code` هنا.\n\n## عنوان `فيه شيفرة`'))), ['Chapkhana Amiri 400 normal', 'Chapkhana Amiri 700 normal', 'Chapkhana Mono 400 normal', 'Chapkhana Mono 700 normal'])
  })

  it('note labels are «(١)» in print and in the EPUB, «1.» with Latin digits', async () => {
    const e = await edition('# الأول\n\nنص[^a].\n\n# الثاني\n\nنص.\n\n[^a]: حاشية.')
    // In print the link back holds the number alone, the parentheses beside it: a link over «(١١)»
    // spans three bidi runs, which Chromium wrote now as three link rectangles, now as one (under load,
    // from the same HTML), so a rebuilt PDF was not always the same bytes.
    assert.match(toHtml(printChapters(e)[0]!.children), /<span class="endnote-number">\(<a href="#fnref-a" role="doc-backlink"[^>]*>١<\/a>\)<\/span>/)
    // In the EPUB the label is also the link back to the reference.
    assert.match(toHtml(splitChapters(e)[0]!.children), /<a class="note-number" href="#fnref-a" role="doc-backlink"[^>]*>\(١\)<\/a>/)
    const latin = await edition('# One\n\nText[^a].\n\n# Two\n\nText.\n\n[^a]: Note.', 'en')
    assert.match(toHtml(printChapters(latin)[0]!.children), /<span class="endnote-number"><a href="#fnref-a" role="doc-backlink"[^>]*>1<\/a>\.<\/span>/)
  })
})
