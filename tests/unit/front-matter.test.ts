/**
 * The front matter is read once, from remark-frontmatter's block, and its
 * fields are checked with their types: every refusal names the line and
 * column of the value and says what to write instead.
 */
import assert from 'node:assert/strict'
import { utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { documentFromText, readDocument } from '../../src/source/read.ts'
import { frontMatterExtent } from '../../src/source/front-matter-node.ts'
import { tempDir } from '../helpers/paths.ts'
import { failure } from '../helpers/refusal.ts'
import { render } from '../helpers/html.ts'

const doc = (fields: string, body = 'دەق.'): string => `---\ntitle: "ناو"\nlang: ckb\n${fields}\n---\n\n${body}\n`

describe('front matter closed by `...`', () => {
  it('is read as metadata and does not leak into the text', async () => {
    const { html, file } = await render('---\ntitle: "ناو"\nlang: ckb\ndate: 2026-11-24\n...\n\nدەق.\n')
    assert.equal(file.data.meta?.title, 'ناو')
    assert.equal(file.data.meta?.date, '2026-11-24')
    assert.doesNotMatch(html, /title|lang:|<hr/)
    assert.match(html, /<p>دەق\.<\/p>/)
  })

  it('ends at the first `...` even when a `---` rule follows in the text', async () => {
    const { html, file } = await render('---\ntitle: "ناو"\nlang: ckb\n...\n\nیەکەم.\n\n---\n\nدووەم.\n')
    assert.equal(file.data.meta?.title, 'ناو')
    assert.match(html, /<p>یەکەم\.<\/p>\n?<hr>\n?<p>دووەم\.<\/p>/)
  })

  it('keeps offsets, lines and columns of the text after it', () => {
    const extent = frontMatterExtent('---\ntitle: a\n...\nbody')
    assert.deepEqual([extent?.close, extent?.closeLine, extent?.end], ['...', 3, 17])
  })
})

describe('front matter field types', () => {
  it('refuses a mapping as title at the value, instead of printing [object Object]', () => {
    const error = failure(() => documentFromText('---\nlang: ckb\ntitle: {a: 1}\n---\n\nدەق.\n', 'a.md'))
    assert.equal(error.ruleId, 'meta-type')
    assert.deepEqual([error.line, error.column], [3, 8])
    assert.match(error.reason, /`title` must be text, not a mapping/)
  })

  it('refuses a number as title and says to quote it', () => {
    const error = failure(() => documentFromText('---\ntitle: 1984\nlang: ckb\n---\n\nدەق.\n', 'a.md'))
    assert.match(error.reason, /in quotes/)
  })

  for (const [value, shown] of [['1e300', /1e\+300/], ['true', /true/], ['0', /0/], ['2.5', /2\.5/], ['"2"', /"2"/], ['-3', /-3/]] as const) {
    it(`refuses edition: ${value} at its line and column`, () => {
      const error = failure(() => documentFromText(doc(`edition: ${value}`), 'a.md'))
      assert.equal(error.ruleId, 'meta-edition')
      assert.deepEqual([error.line, error.column], [4, 10])
      assert.match(error.reason, shown)
    })
  }

  it('accepts edition: 2', () => {
    assert.equal(documentFromText(doc('edition: 2'), 'a.md').data.meta?.edition, 2)
  })

  for (const value of ['2026-02-30', '2026-13-01', '2025-02-29', 'yesterday', '24/11/2026', '2026-11-24x']) {
    it(`refuses date: ${value}, which is not a calendar date`, () => {
      const error = failure(() => documentFromText(doc(`date: ${value}`), 'a.md'))
      assert.equal(error.ruleId, 'meta-date')
      assert.deepEqual([error.line, error.column], [4, 7])
    })
  }

  it('accepts a leap day and a date with a time', () => {
    assert.equal(documentFromText(doc('date: 2024-02-29'), 'a.md').data.meta?.date, '2024-02-29')
    assert.equal(documentFromText(doc('date: 2026-11-24T10:00:00Z'), 'a.md').data.meta?.date, '2026-11-24')
  })

  it('keeps "Surname, Given" as one author, as the journals write it', () => {
    const file = documentFromText(doc('author: كرد علي, محمد'), 'a.md')
    assert.deepEqual(file.data.meta?.author, ['كرد علي, محمد'])
    const arabicComma = documentFromText(doc('author: "کاظمی، مریم"'), 'a.md')
    assert.deepEqual(arabicComma.data.meta?.author, ['کاظمی، مریم'])
  })

  it('splits only a YAML list into several authors', () => {
    const file = documentFromText(doc('author:\n  - "کرد علی، محمد"\n  - ئاسۆ'), 'a.md')
    assert.deepEqual(file.data.meta?.author, ['کرد علی، محمد', 'ئاسۆ'])
  })

  it('refuses an author list holding a mapping, at the key', () => {
    const error = failure(() => documentFromText(doc('author:\n  - {name: x}'), 'a.md'))
    assert.equal(error.ruleId, 'meta-type')
    assert.equal(error.line, 5)
  })

  it('refuses a list where a text belongs (publisher, description, rights, cover)', () => {
    for (const key of ['publisher', 'description', 'rights', 'cover']) {
      const error = failure(() => documentFromText(doc(`${key}: [a, b]`), 'a.md'))
      assert.equal(error.ruleId, 'meta-type', key)
      assert.deepEqual([error.line, error.column], [4, key.length + 3], key)
    }
  })

  it('positions YAML syntax errors inside the front matter', () => {
    const error = failure(() => documentFromText('---\ntitle: t\nlang: ckb\nkey: [a\n---\n\nدەق.\n', 'a.md'))
    assert.equal(error.ruleId, 'front-matter-yaml')
    assert.ok((error.line ?? 0) >= 4, String(error.line))
  })
})

describe('a document without a date', () => {
  const write = (name: string, text: string): string => {
    const file = path.join(tempDir(), name)
    writeFileSync(file, text)
    return file
  }

  it('warns at line 1, prints no date and takes the metadata date from SOURCE_DATE_EPOCH, never 1970', async () => {
    const before = process.env.SOURCE_DATE_EPOCH
    process.env.SOURCE_DATE_EPOCH = '1764547200'
    try {
      const file = await readDocument(write('undated.md', doc('edition: 1')))
      assert.equal(file.data.meta?.date, '2025-12-01')
      assert.equal(file.data.meta?.undated, true)
      const warning = file.messages.find((m) => m.ruleId === 'meta-date-missing')
      assert.ok(warning, 'a warning')
      assert.equal(warning.fatal, false)
      assert.deepEqual([warning.line, warning.column], [1, 1])
      assert.match(warning.reason, /SOURCE_DATE_EPOCH/)
    } finally {
      if (before === undefined) delete process.env.SOURCE_DATE_EPOCH
      else process.env.SOURCE_DATE_EPOCH = before
    }
  })

  it("without SOURCE_DATE_EPOCH takes the source's own date (git or the saved file), never 1970", async () => {
    const before = process.env.SOURCE_DATE_EPOCH
    delete process.env.SOURCE_DATE_EPOCH
    try {
      const source = write('undated.md', doc('edition: 1'))
      // A temporary folder is no git work tree: the file's own saved time is its history.
      utimesSync(source, new Date('2024-05-06T10:00:00Z'), new Date('2024-05-06T10:00:00Z'))
      const file = await readDocument(source)
      assert.equal(file.data.meta?.date, '2024-05-06')
      assert.ok(file.messages.some((m) => m.ruleId === 'meta-date-missing' && /last saved/.test(m.reason)))
    } finally {
      if (before !== undefined) process.env.SOURCE_DATE_EPOCH = before
    }
  })

  it('is not warned about when it states its date', async () => {
    const file = await readDocument(write('dated.md', doc('date: 2026-11-24')))
    assert.equal(file.data.meta?.undated, undefined)
    assert.ok(!file.messages.some((m) => m.ruleId === 'meta-date-missing'))
  })
})

describe('the edition tools find the same front matter as the build', () => {
  it('stamps edition and date inside a `...`-closed block and diffs only the text after it', async () => {
    const { stampEdition } = await import('../../src/release/stamp.ts')
    const { bodyOf } = await import('../../src/diff/tokens.ts')
    const source = '\uFEFF---\r\ntitle: "ناو"\r\n...\r\nیەکەم.\r\n\r\n---\r\n'
    assert.equal(stampEdition(source, 2, '2026-11-24'), '\uFEFF---\r\ntitle: "ناو"\r\nedition: 2\r\ndate: 2026-11-24\r\n...\r\nیەکەم.\r\n\r\n---\r\n')
    assert.deepEqual(bodyOf(source), { body: 'یەکەم.\r\n\r\n---\r\n', line: 4 })
  })
})

describe('the title of a document without `title:`', () => {
  it('is its first `# heading`', () => {
    const file = documentFromText('## دووەم\n\n# یەکەم\n\nدەق.\n', 'a.md', { lang: 'ckb' })
    assert.equal(file.data.meta?.title, 'یەکەم')
  })

  it('is the first heading of the highest level when there is no `#` (documentation pages start at `##`)', () => {
    const file = documentFromText('<div dir="rtl">\n\n## دەستپێ بکە\n\n### وردەکاری\n\n## دووەم\n\nدەق.\n</div>\n', 'a.md', { lang: 'ckb' })
    assert.equal(file.data.meta?.title, 'دەستپێ بکە')
    assert.ok(file.messages.some((m) => m.ruleId === 'meta-title-heading' && m.line === 3))
  })
})

describe('the language field', () => {
  it('refuses a list as lang at its value, instead of joining it into a code', () => {
    const error = failure(() => documentFromText('---\ntitle: t\nlang: [ckb]\n---\n\nدەق.\n', 'a.md'))
    assert.equal(error.ruleId, 'meta-type')
    assert.deepEqual([error.line, error.column], [3, 7])
  })
})
