/**
 * Property-based: random Markdown built from real pieces (headings, lists,
 * emphasis, links, footnotes, raw HTML, code) salted with hostile Unicode
 * (bidi controls, combining marks, lone surrogates, NUL, ZWNJ) goes through
 * read → tree → EPUB XHTML in-process. Nothing may throw but a positioned
 * vfile message, and every XHTML file must be well-formed XML made only of
 * characters XML allows.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DOMParser } from '@xmldom/xmldom'
import fc from 'fast-check'
import { h } from 'hastscript'
import { VFileMessage } from 'vfile-message'
import { documentFromText } from '../../src/source/read.ts'
import { toHast } from '../../src/tree/processor.ts'
import { makeEdition } from '../../src/publication/edition.ts'
import { splitChapters } from '../../src/writers/epub/chapters.ts'
import { xhtmlDocument } from '../../src/writers/epub/xhtml.ts'
import { colophon, titleBlock } from '../../src/publication/edition.ts'

const HOSTILE = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u0301', '\u064B', '\u0670', '\uD800', '\uDFFF', '\uDBFF', '\u0000', '\u0001', '\u000B', '\u001F', '\uFFFE', '\uFFFF', '\u200C', '\u200D', '\uFEFF', 'ک', 'ی', 'ە', 'ڕ', 'ێ', 'ع', 'ة', 'پ', '&', '<', '>', '"', "'", '\\', '*', '_', '`', '[', ']', '(', ')', '#', '|', '~', '\n', ' ', 'a', '1', '٣']

const char = fc.constantFrom(...HOSTILE)
const text = fc.array(fc.oneof(char, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 12 }).map((a) => a.join(''))

const inline: fc.Arbitrary<string> = fc.oneof(
  text,
  text.map((t) => `*${t}*`),
  text.map((t) => `**${t}**`),
  text.map((t) => `~~${t}~~`),
  text.map((t) => `\`${t}\``),
  fc.tuple(text, text).map(([a, b]) => `[${a}](${b.replace(/[\s()]/g, '')})`),
  fc.tuple(text, fc.constantFrom('https://example.org/', '#x', 'javascript:alert(1)', 'other.md', 'mailto:a@b')).map(([a, u]) => `[${a}](${u})`),
  fc.nat({ max: 3 }).map((n) => `[^${n}]`),
  fc.constantFrom('<b>', '</b>', '<span dir="ltr">', '</span>', '<script>x()</script>', '<img src=x onerror=y>', '<a href="javascript:1">j</a>', '&#1;', '&#xD800;', '&#0;', '&amp;', '&#x202E;', '<svg onload=1>', '<!-- c -->', '<bdi>', '</div>', '<p style="background:url(http://x)">')
)
const line = fc.array(inline, { maxLength: 6 }).map((a) => a.join(' '))
const block: fc.Arbitrary<string> = fc.oneof(
  line,
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([n, l]) => `${'#'.repeat(n)} ${l}`),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.map((l) => `- ${l}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.map((l, i) => `${i + 1}. ${l}`).join('\n')),
  fc.tuple(fc.integer({ min: 1, max: 8 }), line).map(([n, l]) => `${'> '.repeat(n)}${l}`),
  fc.tuple(fc.integer({ min: 1, max: 8 }), line).map(([n, l]) => `${'  '.repeat(n)}- ${l}`),
  fc.tuple(text, text).map(([lang, code]) => `\`\`\`${lang.replace(/[`\n]/g, '')}\n${code}\n\`\`\``),
  fc.tuple(fc.nat({ max: 3 }), line).map(([n, l]) => `[^${n}]: ${l}`),
  fc.tuple(line, line).map(([a, b]) => `| ${a.replace(/\n/g, '')} | x |\n| --- | --- |\n| ${b.replace(/\n/g, '')} | y |`),
  fc.constantFrom('<div>\n\ninside\n\n</div>', '<table><tr><td>t</td></tr></table>', '<details><summary>s</summary>d</details>', '***', '<iframe src="http://x"></iframe>', '<object data=x></object>', '<meta http-equiv="refresh" content="0">')
)
const title = fc.oneof(text, fc.constant('ناونیشان'))
const article = fc.tuple(title, fc.array(block, { minLength: 1, maxLength: 10 }), fc.boolean(), fc.boolean()).map(([t, blocks, bom, crlf]) => {
  const src = `---\ntitle: ${JSON.stringify(t)}\nlang: ckb\n---\n\n# سەردێڕ\n\n${blocks.join('\n\n')}\n`
  return (bom ? '\uFEFF' : '') + (crlf ? src.replace(/\n/g, '\r\n') : src)
})

// Characters XML 1.0 allows (lone surrogates fail the `u` flag match below).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

function wellFormed(xml: string): string[] {
  const problems: string[] = []
  const bad = NOT_XML.exec(xml)
  if (bad) problems.push(`character U+${bad[0].codePointAt(0)?.toString(16)} at ${bad.index}`)
  if (/\p{Surrogate}/u.test(xml)) problems.push('lone surrogate')
  new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problems.push(`${level}: ${message}`)
    }
  }).parseFromString(xml, 'application/xhtml+xml')
  return problems
}

/** Every XHTML file the EPUB would hold for `markdown`, or the fatal message. */
async function xhtmlFiles(markdown: string): Promise<string[] | VFileMessage> {
  try {
    const file = documentFromText(markdown, 'fuzz.md')
    const tree = await toHast(file, { latinLang: 'en' })
    const edition = makeEdition(file, tree, '/nonexistent')
    const pages = splitChapters(edition).map((c) => xhtmlDocument(edition, [h('section', c.children)], { title: c.title }))
    pages.push(xhtmlDocument(edition, [titleBlock(edition)], { title: edition.meta.title }), xhtmlDocument(edition, [colophon(edition)], { title: edition.meta.title }))
    return pages
  } catch (error) {
    if (error instanceof VFileMessage) return error
    throw error
  }
}

describe('fuzzing the pipeline in-process', () => {
  it('random Markdown and hostile Unicode: no crash, well-formed XHTML, only XML characters', async () => {
    await fc.assert(
      fc.asyncProperty(article, async (markdown) => {
        const result = await xhtmlFiles(markdown)
        if (result instanceof VFileMessage) {
          // A refusal is fine when it says where.
          assert.ok(result.fatal && result.line && result.column, `fatal without a place: ${result.reason}`)
          return
        }
        for (const xml of result) assert.deepEqual(wellFormed(xml), [], xml.slice(0, 2000))
      }),
      { numRuns: 200, seed: Number(process.env.FUZZ_SEED ?? 7) }
    )
  })

  it('lone surrogates and controls are replaced with U+FFFD, each reported at its place', async () => {
    const file = documentFromText('---\ntitle: "a\\ud800b"\nlang: ckb\n---\n\nدەق \uDC00 و \u0001.\n\n<p>&#x1; &#xFFFF;</p>\n', 'x.md')
    const tree = await toHast(file, { latinLang: 'en', proofing: false })
    assert.equal(file.data.meta?.title, 'a\uFFFDb')
    const messages = file.messages.filter((m) => m.ruleId === 'xml-chars').sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).map((m) => `${m.line}:${m.column} ${m.reason}`)
    assert.equal(messages.length, 3, messages.join('\n'))
    assert.match(messages[0] ?? '', /^2:1 `title`: 1 character .*U\+D800/)
    assert.match(messages[1] ?? '', /^6:5 2 characters .*U\+DC00/)
    assert.match(messages[2] ?? '', /^8:\d+ 2 characters .*U\+0001/)
    assert.doesNotMatch(JSON.stringify(tree), /\\u(d[89a-f]|000[0-8b])/i)
  })

  it('emphasis and raw HTML nested past the limit are refused, not a stack overflow', async () => {
    for (const body of ['*'.repeat(2000) + 'a' + '*'.repeat(2000), '*a **b '.repeat(300) + 'c' + '** d*'.repeat(300), '<span>'.repeat(5000) + 'a', '> '.repeat(150) + 'a', '- '.repeat(150) + 'a']) {
      const result = await xhtmlFiles(`---\ntitle: t\nlang: ckb\n---\n\n${body}\n`)
      assert.ok(result instanceof VFileMessage, body.slice(0, 20))
      assert.equal(result.ruleId, 'nesting-depth')
      assert.match(result.reason, /nested \d+ deep; chapkhana supports up to 100/)
      assert.ok(result.line && result.column)
    }
    // Up to the limit builds.
    const ok = await xhtmlFiles(`---\ntitle: t\nlang: ckb\n---\n\n${'> '.repeat(90)}a\n`)
    assert.ok(Array.isArray(ok))
  })
})
