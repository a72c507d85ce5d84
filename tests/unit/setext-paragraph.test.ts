/**
 * A `---` written right under a paragraph makes it a setext heading in
 * CommonMark. In al-Muqtabas issue 60 five paragraphs (11 to 411 words) end a
 * section that way and became `<h2>`s in the contents and the PDF outline. A
 * long or multi-line "heading" underlined with a thematic break is printed as
 * the paragraph and the break it was meant to be, with a positioned warning;
 * short setext headings stay headings.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { render } from '../helpers/html.ts'
import { lintSource } from '../../src/lint/lint-source.ts'
import { CORPORA } from '../helpers/paths.ts'
import { toHtml } from 'hast-util-to-html'
import { documentFromText } from '../../src/source/read.ts'
import { toHast } from '../../src/tree/processor.ts'

const FRONT = '---\ntitle: "ناو"\nlang: ar\n---\n\n'
const LONG = 'وبعد فليس كمصر بين البلاد في رقيها فهي أم الأقطار العربية وسوف تعلم غيرها كما تعلمت منها'

const warnings = (file: { messages: readonly { ruleId?: string | undefined; line?: number | undefined; column?: number | undefined; reason: string }[] }) =>
  file.messages.filter((m) => m.ruleId === 'heading-setext')

describe('setext headings that are paragraphs', () => {
  it('prints a long paragraph underlined with --- as a paragraph and a break, and says where', async () => {
    const { html, file } = await render(`${FRONT}مقدمة.\n\n${LONG}\n ---  \n\n# عنوان\n`)
    assert.doesNotMatch(html, /<h2/)
    assert.match(html, new RegExp(`<p>${LONG.slice(0, 20)}[^<]*</p>\\s*<hr>`))
    const found = warnings(file)
    assert.deepEqual(found.map((m) => [m.line, m.column]), [[9, 2]])
    assert.match(found[0]?.reason ?? '', /blank line/)
    assert.match(found[0]?.reason ?? '', /## /)
  })

  it('reads a paragraph of several lines above --- the same way', async () => {
    const { html } = await render(`${FRONT}سطر أول\nسطر ثان\n---\n`)
    assert.doesNotMatch(html, /<h2/)
    assert.match(html, /<p>سطر أول\nسطر ثان<\/p>\s*<hr>/)
  })

  it('keeps a short setext heading a heading, silently', async () => {
    const { html, file } = await render(`${FRONT}مقدمة.\n\nالفصل الأول\n-----------\n\nنص.\n`)
    assert.match(html, /<h2[^>]*>الفصل الأول<\/h2>/)
    assert.deepEqual(warnings(file), [])
  })

  it('keeps a long ATX heading: ## says the author meant it', async () => {
    const { html, file } = await render(`${FRONT}## ${LONG}\n`)
    assert.match(html, /<h2/)
    assert.deepEqual(warnings(file), [])
  })

  it('warns at a long === heading without guessing what it was (=== is no break)', async () => {
    const { html, file } = await render(`${FRONT}${LONG}\n===\n`)
    assert.match(html, /<h1/)
    assert.deepEqual(warnings(file).map((m) => m.line), [7])
  })

  it('lint reports it at the same place as build', () => {
    const file = lintSource(`${FRONT}مقدمة.\n\n${LONG}\n ---  \n`, 'a.md')
    assert.deepEqual(warnings(file).map((m) => [m.line, m.column]), [[9, 2]])
  })

  it('al-Muqtabas 60: no heading of the issue is a paragraph, and each of the five is named', async () => {
    const file = path.join(CORPORA, 'muqtabas', 'al-muqtabas-issue-60.md')
    const vfile = documentFromText(readFileSync(file, 'utf8'), file, { lang: 'ar' })
    const html = toHtml(await toHast(vfile, { latinLang: 'en', proofing: false }))
    const headings = [...html.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').split(/\s+/).filter(Boolean).length)
    assert.ok(headings.length > 10)
    assert.ok(Math.max(...headings) <= 10, `a heading of ${Math.max(...headings)} words`)
    assert.deepEqual(warnings(vfile).map((m) => m.line), [155, 329, 443, 955, 1015])
  })

  it('names an untitled document by its first === heading, and by a short --- one, as by # and ##', () => {
    const title = (body: string) => documentFromText(`---\nlang: ar\n---\n\n${body}`, 'a.md').data.meta?.title
    assert.equal(title('مقدمة قصيرة\n\nالعنوان الكبير\n===\n\n## فصل\n'), 'العنوان الكبير')
    assert.equal(title('مقدمة\n\nفصل أول\n-------\n\n### فرع\n'), 'فصل أول')
    assert.equal(title('```\nلا\n===\n```\n\n# نعم\n'), 'نعم')
    assert.equal(title(`مقدمة.\n\n${LONG}\n---\n\n### فرع\n`), 'فرع', 'a paragraph above --- is no heading')
  })
})
