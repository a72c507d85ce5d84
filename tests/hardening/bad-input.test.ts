/**
 * Bad input never loses an edition: a good edition is built first, then the
 * source is broken in one way after another and rebuilt. Each time the build
 * exits non-zero with a message naming the file (and line and column where
 * there is one) and what to do, writes nothing new into the out folder and
 * leaves the previous edition's files byte for byte as they were.
 */
import assert from 'node:assert/strict'
import { readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { tempDir } from '../helpers/paths.ts'
import { chapkhana, unzipEpub } from '../helpers/tools.ts'
import { articleDir, BODY, FRONT, snapshot } from './helpers.ts'

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

/** Broken versions of article.md: what to write, the message expected (with its place). */
const BROKEN: readonly { name: string; source: string | Buffer; expect: RegExp; files?: Record<string, string | Buffer> }[] = [
  { name: 'invalid YAML', source: '---\ntitle: "unclosed\nlang: [ckb\n---\n\nدەق\n', expect: /\d+:\d+\s+error\s+Invalid YAML front matter/ },
  { name: 'unclosed front matter', source: '---\ntitle: t\nlang: ckb\n\nدەق\n', expect: /1:1\s+error\s+Front matter starts with `---` but never ends/ },
  { name: 'no title and no heading', source: '---\nlang: ckb\n---\n\nتەنها دەق.\n', expect: /1:1\s+error\s+The article has no title: add `title: "…"`.*or start it with a `# heading`/ },
  { name: 'unknown lang', source: '---\ntitle: t\nlang: klingon\n---\n\nدەق\n', expect: /3:1\s+error\s+Unknown language `lang: klingon`; use one of ckb, ar, fa/ },
  { name: 'unknown dir', source: '---\ntitle: t\nlang: ckb\ndir: up\n---\n\nدەق\n', expect: /4:1\s+error\s+Unknown direction `dir: up`; use rtl or ltr/ },
  { name: 'no lang and no --lang', source: '---\ntitle: t\n---\n\nدەق\n', expect: /1:1\s+error\s+The article has no `lang`: add `lang: ckb`.*or build with `--lang CODE`/ },
  { name: 'bad date', source: '---\ntitle: t\nlang: ckb\ndate: yesterday\n---\n\nدەق\n', expect: /4:7\s+error\s+`date` must be a real calendar date like 2026-11-24/ },
  { name: 'not UTF-8', source: Buffer.concat([Buffer.from(`${FRONT}ab`), Buffer.from([0xc7, 0xe1, 0xda]), Buffer.from('\n')]), expect: /7:3\s+error\s+The file is not valid UTF-8.*re-save it as UTF-8/ },
  { name: 'binary', source: Buffer.concat([PNG, Buffer.alloc(64)]), expect: /error\s+This is not a Markdown text file \(it contains NUL bytes/ },
  { name: 'empty body', source: `${FRONT}   \n\n`, expect: /error\s+The article has a title but no text/ },
  { name: 'missing image', source: `${FRONT}${BODY}\n![وێنە](missing.png)\n`, expect: /15:1-15:\d+\s+error\s+Image "missing.png" does not exist: check the path/ },
  { name: 'image that is not an image', source: `${FRONT}${BODY}\n![وێنە](fake.png)\n`, files: { 'fake.png': 'not a png at all' }, expect: /15:1-15:\d+\s+error\s+Image "fake.png" is not an image \(its bytes are not PNG\): re-export it/ },
  { name: 'unsupported image type', source: `${FRONT}${BODY}\n![وێنە](scan.tiff)\n`, files: { 'scan.tiff': Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]) }, expect: /15:1-15:\d+\s+error\s+Image "scan.tiff" has a type chapkhana cannot put in a book \(\.tiff\): use PNG, JPEG, GIF, (?:WebP or SVG|SVG or WebP)/ },
  { name: 'lists nested 10,000 deep', source: `${FRONT}${'- '.repeat(10_000)}a\n`, expect: /7:\d+\s+error\s+Lists or block quotes nested 10000 deep; chapkhana supports up to 100/ },
  { name: 'block quotes nested 10,000 deep', source: `${FRONT}${'>'.repeat(10_000)} a\n`, expect: /7:102\s+error\s+Lists or block quotes nested 10000 deep; chapkhana supports up to 100/ },
  { name: 'indented lists nested 200 deep', source: `${FRONT}${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n')}\n`, expect: /error\s+Lists, block quotes, emphasis or links nested 200 deep; chapkhana supports up to 100/ },
  { name: 'HTML nested 10,000 deep', source: `${FRONT}${'<div>'.repeat(10_000)}a${'</div>'.repeat(10_000)}\n`, expect: /7:501\s+error\s+HTML elements nested 10000 deep; chapkhana supports up to 100/ }
]

describe('bad input: a clear error, nothing lost', () => {
  const dir = articleDir({ 'article.md': `${FRONT}${BODY}`, 'pic.png': PNG })
  const source = path.join(dir, 'article.md')
  const out = tempDir('chapkhana-out-')
  let good: Record<string, string> = {}

  before(() => {
    const r = chapkhana(['build', '--out', out, source])
    assert.equal(r.code, 0, r.stderr)
    good = snapshot(out)
    // The edition and its reader page; every later failure must leave them all as they are.
    for (const name of ['article.epub', 'article.pdf', 'article.html', 'index.html']) assert.ok(name in good, `${name} missing: ${Object.keys(good).join(', ')}`)
  })

  for (const broken of BROKEN) {
    it(`${broken.name}: exit 1, file:line:col and what to do, the old edition untouched`, () => {
      for (const [name, content] of Object.entries(broken.files ?? {})) writeFileSync(path.join(dir, name), content)
      writeFileSync(source, broken.source)
      // A refusal that hung would hit the helper's time-out and fail there; no stopwatch here.
      const r = chapkhana(['build', '--out', out, source])
      assert.equal(r.code, 1, r.stderr)
      // vfile-reporter: the file on its own line, then `line:column  error  reason`.
      assert.match(r.stderr, new RegExp(`^${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'), r.stderr)
      assert.match(r.stderr, broken.expect, r.stderr)
      assert.doesNotMatch(r.stderr, /Maximum call stack|RangeError|TypeError|at .*\.js:\d+/)
      assert.deepEqual(snapshot(out), good, 'the previous edition is byte for byte the same, and nothing was added')
    })
  }

  it('a missing lang takes --lang, and a missing dir the language\'s, each with a notice', () => {
    writeFileSync(source, `---\ntitle: t\n---\n\n${BODY}`)
    const other = tempDir()
    const r = chapkhana(['build', '--format', 'epub', '--lang', 'ar', '--out', other, source])
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /info\s+No `lang` in the front matter: using ar from --lang/)
    assert.match(r.stderr, /info\s+No `dir` in the front matter: using rtl, the direction of ar/)
  })

  it('a UTF-8 BOM and CRLF line endings simply work: the very same EPUB as LF without BOM', async () => {
    const text = `${FRONT}${BODY}\nپەرەگرافێک\nبە دوو دێڕ.\n`
    const lf = articleDir({ 'same.md': text })
    const crlf = articleDir({ 'same.md': `\uFEFF${text.replace(/\n/g, '\r\n')}` })
    const [a, b] = [tempDir(), tempDir()]
    for (const [src, o] of [[lf, a], [crlf, b]] as const) {
      const r = chapkhana(['build', '--format', 'epub', '--out', o, path.join(src, 'same.md')])
      assert.equal(r.code, 0, r.stderr)
      assert.doesNotMatch(r.stderr, /warning/)
    }
    assert.deepEqual(snapshot(b), snapshot(a))
    const files = await unzipEpub(path.join(b, 'same.epub'))
    for (const [name, bytes] of files) assert.ok(!bytes.includes(0x0d) || !name.endsWith('.xhtml'), `${name} has no CR`)
  })

  it('a missing out folder is created', () => {
    writeFileSync(source, `${FRONT}${BODY}`)
    const fresh = path.join(tempDir(), 'a', 'b', 'out')
    const r = chapkhana(['build', '--format', 'epub,html', '--out', fresh, source])
    assert.equal(r.code, 0, r.stderr)
    // The EPUB and the reader pages asked for (with the cover and fonts they show).
    assert.deepEqual(readdirSync(fresh).sort(), ['article-cover.png', 'article.epub', 'article.html', 'assets', 'chapkhana-site.json', 'index.html'])
  })
})
