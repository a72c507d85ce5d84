/**
 * Reading articles: every bad input fails with the file, line and column and
 * a message that says what to do; BOM and CRLF simply work.
 */
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { VFileMessage } from 'vfile-message'
import { documentFromText, readDocument, slugOf } from '../../src/source/read.ts'
import { tempDir } from '../helpers/paths.ts'
import { failure } from '../helpers/refusal.ts'

describe('front matter', () => {
  it('reads title, lang, dir, date and edition', () => {
    const file = documentFromText('---\ntitle: "ناونیشان"\nlang: ckb\ndir: rtl\ndate: 2026-11-24\nedition: 2\n---\n\nدەق.\n', 'a.md')
    assert.equal(file.data.meta?.title, 'ناونیشان')
    assert.equal(file.data.meta?.date, '2026-11-24')
    assert.equal(file.data.meta?.edition, 2)
    assert.equal(file.data.lang, 'ckb')
    assert.equal(file.data.dir, 'rtl')
  })

  it('takes the direction from the language when dir is missing, with a notice', () => {
    const file = documentFromText('---\ntitle: t\nlang: ar\n---\n\nنص.\n', 'a.md')
    assert.equal(file.data.dir, 'rtl')
    assert.ok(file.messages.some((m) => m.ruleId === 'meta-dir-default'))
  })

  it('takes --lang when lang is missing, with a notice', () => {
    const file = documentFromText('---\ntitle: t\n---\n\nنص.\n', 'a.md', { lang: 'ar' })
    assert.equal(file.data.lang, 'ar')
    assert.ok(file.messages.some((m) => m.ruleId === 'meta-lang-default' && /--lang/.test(m.reason)))
  })

  it('refuses invalid YAML at its line', () => {
    const error = failure(() => documentFromText('---\ntitle: "a\nlang: [ckb\n---\n\nدەق\n', 'bad.md'))
    assert.equal(error.ruleId, 'front-matter-yaml')
    assert.ok((error.line ?? 0) >= 2)
    assert.equal(error.file, 'bad.md')
  })

  it('refuses a missing title and says how to add one', () => {
    const error = failure(() => documentFromText('---\nlang: ckb\n---\n\nدەق\n', 'a.md'))
    assert.equal(error.ruleId, 'meta-title')
    assert.match(error.reason, /title:/)
  })

  it('refuses an unknown lang and lists the ones that work', () => {
    const error = failure(() => documentFromText('---\ntitle: t\nlang: xx-klingon\n---\n\nدەق\n', 'a.md'))
    assert.equal(error.ruleId, 'meta-lang')
    assert.equal(error.line, 3)
    assert.match(error.reason, /ckb, ar, fa/)
  })

  it('refuses an unknown dir', () => {
    const error = failure(() => documentFromText('---\ntitle: t\nlang: ckb\ndir: up\n---\n\nدەق\n', 'a.md'))
    assert.equal(error.ruleId, 'meta-dir')
    assert.equal(error.line, 4)
    assert.match(error.reason, /rtl or ltr/)
  })

  it('refuses an empty body', () => {
    assert.equal(failure(() => documentFromText('---\ntitle: t\nlang: ckb\n---\n\n   \n', 'a.md')).ruleId, 'body-empty')
  })

  it('accepts a UTF-8 BOM and CRLF line endings', () => {
    const file = documentFromText('\uFEFF---\r\ntitle: "ناو"\r\nlang: ckb\r\n---\r\n\r\nدەق.\r\n', 'a.md')
    assert.equal(file.data.meta?.title, 'ناو')
    assert.equal(file.data.lang, 'ckb')
  })
})

describe('bytes', () => {
  it('refuses bytes that are not UTF-8 at their line and column', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'cp1256.md')
    writeFileSync(file, Buffer.concat([Buffer.from('---\ntitle: t\nlang: ar\n---\n\nab'), Buffer.from([0xc7, 0xe1, 0xda]), Buffer.from('\n')]))
    await assert.rejects(readDocument(file), (error: VFileMessage) => {
      assert.equal(error.ruleId, 'encoding-utf8')
      assert.equal(error.line, 6)
      assert.equal(error.column, 3)
      assert.match(error.reason, /UTF-8/)
      return true
    })
  })

  it('refuses a binary file', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'image.md')
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
    await assert.rejects(readDocument(file), (error: VFileMessage) => error.ruleId === 'encoding-binary' && /not a Markdown text file/.test(error.reason))
  })

  it('names a missing file', async () => {
    await assert.rejects(readDocument('/nonexistent/a.md'), (error: VFileMessage) => error.ruleId === 'read' && error.file === '/nonexistent/a.md')
  })
})

describe('slugs', () => {
  it('makes URL-safe names from file names', () => {
    assert.equal(slugOf('content/My Piece.md'), 'my-piece')
    assert.equal(slugOf('content/nato-coalition-leadership.md'), 'nato-coalition-leadership')
    assert.equal(slugOf('pages/content/content-basics/index.md'), 'content-basics')
  })
})

describe('titles from headings', () => {
  it('uses the first # heading when the front matter has no title, with a notice', () => {
    const file = documentFromText('<div dir="rtl">\n\n# بنەماکانی ناوەڕۆک\n\nدەق.\n', 'doc.md', { lang: 'ckb' })
    assert.equal(file.data.meta?.title, 'بنەماکانی ناوەڕۆک')
    assert.ok(file.messages.some((m) => m.ruleId === 'meta-title-heading' && m.line === 3))
  })
})

describe('project configuration', () => {
  it('accepts proofing severities and refuses bad ones, naming the option', async () => {
    const { resolveConfig } = await import('../../src/config/schema.ts')
    const { isFailure } = await import('../../src/util/failure.ts')
    assert.deepEqual(resolveConfig({ proofing: { 'straight-quotes': 'off' } }).proofing, { 'straight-quotes': 'off' })
    assert.throws(() => resolveConfig({ proofing: { 'straight-quotes': 'loud' } }), (e: Error) => isFailure(e, 'config-invalid') && /proofing/.test(e.message))
    assert.throws(() => resolveConfig({ lang: 'xx' }), (e: Error) => isFailure(e, 'config-invalid') && /^lang:/.test(e.message))
  })
})
