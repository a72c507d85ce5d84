/**
 * The Markdown → HTML stage, compared end to end with fixtures:
 * tests/fixtures/<name>/input.md → expected.html. Set UPDATE_FIXTURES=1 to
 * rewrite the expectations after a deliberate change (and read the diff).
 */
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { render } from '../helpers/html.ts'
import { ROOT } from '../helpers/paths.ts'

const FIXTURES = path.join(ROOT, 'tests', 'fixtures')

describe('fixtures: input.md → expected.html', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const input = path.join(FIXTURES, name, 'input.md')
    if (!existsSync(input)) continue
    it(name, async () => {
      const { html } = await render(readFileSync(input, 'utf8'), input)
      const expectedPath = path.join(FIXTURES, name, 'expected.html')
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedPath, `${html}\n`)
      // A fixture without its expectation fails: writing it here would compare the output with itself.
      assert.ok(existsSync(expectedPath), `${name}/expected.html is missing: run with UPDATE_FIXTURES=1, read it, and commit it`)
      assert.equal(`${html}\n`, readFileSync(expectedPath, 'utf8'))
    })
  }
})

describe('what the fixtures must show', () => {
  it('isolates Latin runs in RTL text and marks code left-to-right', async () => {
    const { html } = await render(readFileSync(path.join(FIXTURES, 'bidi-latin-runs', 'input.md'), 'utf8'))
    assert.match(html, /<span dir="ltr" lang="en">NATO<\/span>/)
    assert.match(html, /<span dir="ltr" lang="en">https:\/\/www\.nato\.int<\/span>|<a [^>]*><span dir="ltr" lang="en">https:\/\/www\.nato\.int<\/span><\/a>/)
    assert.match(html, /<code dir="ltr">npm start<\/code>/)
    // The parentheses stay outside the isolate, so they mirror with the text.
    assert.match(html, /\(<span dir="ltr" lang="en">NATO<\/span>\)/)
  })

  it('drops scripts, handlers, javascript: URLs, frames and style sheets, with a warning for each', async () => {
    const { html, file } = await render(readFileSync(path.join(FIXTURES, 'sanitize-raw-html', 'input.md'), 'utf8'))
    assert.doesNotMatch(html, /script|onclick|javascript:|iframe|PWNED/i)
    // A removed <style> takes its CSS with it: it is no text to print.
    assert.doesNotMatch(html, /@import|color: red|example\.com\/x\.css/)
    assert.match(html, /<span lang="en" dir="ltr">kept<\/span>/)
    const rules = file.messages.map((m) => m.ruleId)
    for (const rule of ['unsafe-element', 'unsafe-attribute', 'unsafe-url']) assert.ok(rules.includes(rule), `expected a ${rule} warning, got ${rules.join(', ')}`)
    assert.ok(file.messages.every((m) => m.line !== undefined), 'every warning has a line')
  })

  it('unwraps links to files outside the book, keeping their text, and keeps web links', async () => {
    const { html, file } = await render(readFileSync(path.join(FIXTURES, 'sanitize-raw-html', 'input.md'), 'utf8'))
    assert.doesNotMatch(html, /part-1\.xml/)
    assert.match(html, /بەشی پێشوو/)
    assert.match(html, /<a href="https:\/\/example\.org">ماڵپەڕ<\/a>/)
    const warning = file.messages.find((m) => m.ruleId === 'link-outside-book')
    assert.ok(warning && warning.line === 14, `a warning at line 14, got ${String(warning?.line)}`)
  })

  it('numbers headings and records them with the teaser', async () => {
    const { file } = await render(readFileSync(path.join(FIXTURES, 'footnotes', 'input.md'), 'utf8'))
    assert.deepEqual(file.data.headings, [
      { depth: 1, id: 'h-1', text: 'الباب الأول' },
      { depth: 1, id: 'h-2', text: 'الباب الثاني' }
    ])
    assert.equal(file.data.teaser, 'قال الجاحظ في كتابه.')
  })

  it('labels footnotes in the document language', async () => {
    const { html } = await render(readFileSync(path.join(FIXTURES, 'footnotes', 'input.md'), 'utf8'))
    assert.match(html, /<h2 class="footnotes-label" id="footnote-label">الحواشي<\/h2>/)
    assert.match(html, /aria-label="العودة إلى النص ١"/)
  })

  it('keeps the seed article word for word: 22 paragraphs, single spaces', async () => {
    const { tree } = await render(readFileSync(path.join(ROOT, 'content', 'nato-coalition-leadership.md'), 'utf8'))
    const paragraphs = tree.children.filter((n) => n.type === 'element' && n.tagName === 'p')
    assert.equal(paragraphs.length, 22)
    const seed = readFileSync(path.join(ROOT, 'tests', 'corpora', 'seed', 'article.txt'), 'utf8').trim()
    const expected = seed.split(/(?<=\.) {2,}/).map((p) => p.replace(/ {2,}/g, ' '))
    const { toString } = await import('hast-util-to-string')
    assert.deepEqual(paragraphs.map((p) => toString(p)), expected)
  })
})
