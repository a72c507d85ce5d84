/**
 * Raw HTML in real documents (issue 13 items 2–4): GFM table alignment as
 * classes, never `align`; a malformed tag warned about with its place and no
 * empty heading left for a table of contents; Markdown inside HTML blocks
 * parsed as pandoc does, or warned about where it cannot be.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { render } from '../helpers/html.ts'
import { CORPORA, ROOT } from '../helpers/paths.ts'

const fixture = (name: string): string => readFileSync(path.join(ROOT, 'tests', 'fixtures', name, 'input.md'), 'utf8')

describe('table alignment', () => {
  it('becomes align-* classes on GFM cells and raw cells, with no align or valign attribute left', async () => {
    const { html } = await render(fixture('table-alignment'))
    assert.doesNotMatch(html, /\salign=|\svalign=/i)
    assert.match(html, /<th class="align-left">ناو<\/th>/)
    assert.match(html, /<td class="align-right">١<\/td>/)
    assert.match(html, /<th class="align-center">/)
    assert.match(html, /<td class="align-right valign-top">کۆن<\/td>/)
  })

  it('drops presentational attributes HTML5 has no more (EPUBCheck RSC-005)', async () => {
    const { html } = await render('---\ntitle: t\nlang: ckb\n---\n\n<table border="1" cellpadding="2" width="50%"><tr><td nowrap bgcolor="red">x</td></tr></table>')
    assert.doesNotMatch(html, /border=|cellpadding=|nowrap|bgcolor|<table[^>]*width=/i)
  })

  it('has the classes in the shared stylesheet, so EPUB, PDF and the reader page all align', () => {
    const css = readFileSync(path.join(ROOT, 'styles', 'base.css'), 'utf8')
    for (const side of ['left', 'right', 'center']) assert.match(css, new RegExp(`\\.align-${side} \\{ text-align: ${side}; \\}`))
  })
})

describe('malformed raw HTML', () => {
  it('warns at the place the tag breaks, and leaves no empty heading behind', async () => {
    const { html, file } = await render(fixture('malformed-raw-html'))
    const malformed = file.messages.find((m) => m.ruleId === 'html-malformed')
    assert.ok(malformed, 'a html-malformed warning')
    assert.equal(malformed.line, 8)
    assert.equal(malformed.column, 23)
    assert.match(malformed.reason, /list-all-tags/)
    assert.ok(file.messages.some((m) => m.ruleId === 'heading-empty' && m.line === 8))
    assert.doesNotMatch(html, /<h2[^>]*>\s*<\/h2>/)
    // The anchor stays for links to it; the heading list has only real headings.
    assert.match(html, /<span id="list-all-tags"><\/span>/)
    assert.deepEqual(file.data.headings?.map((h) => h.text), ['پێرستی تاگەکان'])
  })

  it('finds the broken tag of the real docs page dev-snippets/tags', async () => {
    const page = path.join(CORPORA, 'documentation-kurdish', 'pages', 'dev-snippets', 'tags', 'index.md')
    const { file } = await render(`---\ntitle: تاگەکان\nlang: ckb\n---\n${readFileSync(page, 'utf8')}`, page)
    assert.ok(file.messages.some((m) => m.ruleId === 'html-malformed' && m.line === 19), file.messages.map((m) => `${m.line}:${m.ruleId}`).join(', '))
    assert.ok((file.data.headings ?? []).every((h) => h.text !== ''))
  })
})

describe('Markdown inside HTML blocks', () => {
  it('parses code, links, emphasis and lists inside <div> blocks', async () => {
    const { html } = await render(fixture('html-block-markdown'))
    assert.match(html, /<div dir="rtl">\s*<p>[^<]*<code dir="ltr">API Token<\/code>/)
    assert.match(html, /<a href="https:\/\/docs\.bludit\.com">ڕێنمایی<\/a>/)
    assert.match(html, /<strong>ئاگاداربە<\/strong>/)
    assert.match(html, /<div class="note">\s*<ul>\s*<li>یەکەم: <code dir="ltr">GET<\/code><\/li>/)
    assert.doesNotMatch(html, /`API Token`|\*\*ئاگاداربە\*\*/)
  })

  it('parses the text lines between tag lines: a heading tag then text, and text inside <p>', async () => {
    const { html } = await render(fixture('html-block-markdown'))
    assert.match(html, /<h2 id="curl-example">نموونەی فەرمان<\/h2>\s*<p>لێرە فەرمانی <code dir="ltr">curl<\/code> بەکاردێت\.<\/p>/)
    // Inside <p> the text stays the paragraph's own: no nested or empty paragraphs.
    assert.match(html, /<p>\s*<span>دەقی <strong>ئەستوور<\/strong> لە پەرەگرافێکدا\.<\/span>\s*<\/p>/)
    assert.doesNotMatch(html, /<p><\/p>/)
  })

  it('warns, with the place, where Markdown shares a line with a tag', async () => {
    const { file } = await render(fixture('html-block-markdown'))
    assert.ok(file.messages.some((m) => m.ruleId === 'html-markdown' && m.line === 28), file.messages.map((m) => `${m.line}:${m.ruleId}`).join(', '))
  })

  it('warns, with the place, where a block in a block quote keeps its Markdown as typed', async () => {
    const { file } = await render(fixture('html-block-markdown'))
    const warning = file.messages.find((m) => m.ruleId === 'html-markdown' && m.line === 15)
    assert.ok(warning, 'a html-markdown warning at line 15')
    assert.match(warning.reason, /block quote/)
  })

  it('keeps source positions of the parsed Markdown, so warnings point into the file', async () => {
    const { file } = await render('---\ntitle: t\nlang: ckb\n---\n\n<div dir="rtl">\nدەق\n<script>x</script>\n</div>\n')
    const removed = file.messages.find((m) => m.ruleId === 'unsafe-element')
    assert.equal(removed?.line, 8)
  })
})
