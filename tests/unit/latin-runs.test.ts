/**
 * Latin runs in right-to-left text are isolated whole (issue 13 item 1):
 * paths, braces, dots, commas and the spaces between Latin words stay
 * inside one `<span dir="ltr">`, so nothing prints scrambled.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { latinRuns, wholeRun } from '../../src/tree/latin-runs.ts'
import { render } from '../helpers/html.ts'
import { ROOT } from '../helpers/paths.ts'

const runs = (text: string): string[] => latinRuns(text).map((r) => r.text)

describe('latinRuns', () => {
  it('keeps a path with braces and spaces as one run', () => {
    assert.deepEqual(runs('GET /api/pages/{page key} بۆ'), ['GET /api/pages/{page key}'])
    assert.deepEqual(runs('کلیلی /pages/{page key} دەگەڕێنێتەوە'), ['/pages/{page key}'])
  })

  it('keeps the leading slash of a path and leaves the sentence stop outside', () => {
    assert.deepEqual(runs('لەم شوێنە /etc/nginx/conf.d/site.conf.'), ['/etc/nginx/conf.d/site.conf'])
  })

  it('keeps commas and stops between Latin words inside the phrase', () => {
    assert.deepEqual(runs('دەق Latin text, and more. دەق'), ['Latin text, and more'])
    assert.deepEqual(runs('Bludit v3.9.2، باشە'), ['Bludit v3.9.2'])
  })

  it('leaves enclosing brackets in the surrounding text, where they mirror, and keeps inner ones', () => {
    assert.deepEqual(runs('(Derived from lowercased title)'), ['Derived from lowercased title'])
    assert.deepEqual(runs('ناتۆ (NATO) لە'), ['NATO'])
    assert.deepEqual(runs('بانگی getTags() بکە'), ['getTags()'])
    assert.deepEqual(runs('foo(bar'), ['foo', 'bar'])
  })

  it('takes variables and URLs whole and leaves numbers and Arabic punctuation alone', () => {
    assert.deepEqual(runs('$tags ئابجێکتە'), ['$tags'])
    assert.deepEqual(runs('بڕوانە https://www.nato.int/a?b=c بۆ'), ['https://www.nato.int/a?b=c'])
    assert.deepEqual(runs('ساڵی 2026 و'), [])
    assert.deepEqual(runs('API، Token'), ['API', 'Token'])
  })
})

describe('wholeRun', () => {
  it('takes a text with no right-to-left letter whole, and none with one', () => {
    assert.deepEqual(wholeRun(' (Derived from lowercased title) '), { index: 1, text: '(Derived from lowercased title)' })
    assert.equal(wholeRun('دەق Latin.'), undefined)
    assert.equal(wholeRun('2026.'), undefined)
  })
})

describe('rehype-bidi-isolate on real text', () => {
  it('isolates the docs corpus paths as whole units', async () => {
    const { html } = await render(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'bidi-latin-runs', 'input.md'), 'utf8'))
    assert.match(html, /<span dir="ltr" lang="en">GET \/api\/pages\/\{page key\}<\/span>/)
    assert.match(html, /<span dir="ltr" lang="en">\/etc\/nginx\/conf\.d\/site\.conf<\/span>\./)
    // A cell all in English is one left-to-right sentence, brackets and stop included.
    assert.match(html, /<th><span dir="ltr" lang="en">\(Derived from lowercased title\)<\/span><\/th>/)
    assert.match(html, /<td><span dir="ltr" lang="en">Latin text, and more\.<\/span><\/td>/)
  })
})

describe('Latin spans in the EPUB', () => {
  it('carry xml:lang beside lang, and the shared tree stays plain HTML', async () => {
    const { makeEdition } = await import('../../src/publication/edition.ts')
    const { xhtmlDocument } = await import('../../src/writers/epub/xhtml.ts')
    const { file, tree } = await render('---\ntitle: t\nlang: ckb\n---\n\nفایلی /etc/nginx/conf.d/site.conf بگۆڕە.\n')
    const edition = makeEdition(file, tree, ROOT)
    const xhtml = xhtmlDocument(edition, tree.children.filter((c) => c.type !== 'doctype'), { title: 't' })
    assert.match(xhtml, /<span dir="ltr" lang="en" xml:lang="en">\/etc\/nginx\/conf\.d\/site\.conf<\/span>/)
    assert.doesNotMatch(JSON.stringify(tree), /xml:lang/)
  })
})
