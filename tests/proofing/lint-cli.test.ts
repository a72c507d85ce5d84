/**
 * `chapkhana lint` end to end on files in a temporary folder: the report on
 * stderr, the exit code, `--fix` rewriting files in place, `--lang`, and the
 * default of linting `content/`.
 */
import assert from 'node:assert/strict'
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { lint } from '../helpers/lint-cli.ts'

let dir = ''
const MESSY = '---\ntitle: تاقی\nlang: ckb\n---\n\nئەمە كتێبە,  باشە ؟\n\n```\nكود, "x"\n```\n'
const CLEAN = '---\ntitle: تاقی\nlang: ckb\n---\n\nئەمە کتێبە، باشە؟\n'
const ARABIC = '---\ntitle: المقتبس\n---\n\nهذا كتاب جميل، وفيه  مقالات.\n'

const file = (name: string): string => path.join(dir, name)

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chapkhana-lint-'))
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('chapkhana lint', () => {
  it('reports problems with file, line and column and exits 1', async () => {
    await writeFile(file('messy.md'), MESSY)
    const { code, err } = await lint([file('messy.md')])
    assert.equal(code, 1)
    assert.match(err, /messy\.md/)
    assert.match(err, /6:6-6:7\s+error\s+Arabic kaf/)
    assert.match(err, /6:11-6:12\s+warning\s+ASCII comma .*ascii-punctuation/)
    assert.match(err, /double-space/)
    assert.match(err, /space-before-punctuation/)
    // The code block is not prose.
    assert.doesNotMatch(err, /\b9:\d/)
  })

  it('exits 0 on a clean file', async () => {
    await writeFile(file('clean.md'), CLEAN)
    assert.equal((await lint([file('clean.md')])).code, 0)
  })

  it('--fix rewrites prose in place, keeps CRLF and BOM, reports the changes and exits 0', async () => {
    await writeFile(file('crlf.md'), `\uFEFF${MESSY.replace(/\n/g, '\r\n')}`)
    const { code, err } = await lint(['--fix', file('crlf.md')])
    assert.equal(code, 0, err)
    assert.match(err, /info\s+Fixed: “ك” → “ک”\s+arabic-kaf/)
    const bytes = await readFile(file('crlf.md'))
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    assert.equal(text, MESSY.replace('ئەمە كتێبە,  باشە ؟', 'ئەمە کتێبە، باشە؟').replace(/\n/g, '\r\n'))
    // Fixing again finds nothing to do.
    assert.equal((await lint(['--fix', file('crlf.md')])).err.includes('Fixed'), false)
  })

  it('--lang gives a language to files without one (Arabic keeps its letters)', async () => {
    await writeFile(file('arabic.md'), ARABIC)
    const { code, err } = await lint(['--lang', 'ar', file('arabic.md')])
    assert.equal(code, 1)
    assert.match(err, /double-space/)
    assert.doesNotMatch(err, /arabic-kaf|arabic-yeh|heh-ae/)
    const missing = await lint([file('arabic.md')])
    assert.match(missing.err, /no `lang`/)
  })

  it('lints every *.md in content/ when given no files', async () => {
    const content = file('site/content')
    await mkdir(content, { recursive: true })
    await writeFile(path.join(content, 'one.md'), MESSY)
    await writeFile(path.join(content, 'two.md'), CLEAN)
    await writeFile(path.join(content, 'notes.txt'), 'كود')
    const cwd = process.cwd()
    process.chdir(file('site'))
    try {
      const { code, err } = await lint([])
      assert.equal(code, 1)
      assert.match(err, /content\/one\.md/)
      const two = err.split('\n\n').find((section) => section.startsWith('content/two.md'))
      assert.ok(two, err)
      assert.doesNotMatch(two, /warning|error/)
      assert.doesNotMatch(err, /notes\.txt/)
    } finally {
      process.chdir(cwd)
    }
  })

  it('exits 2 on bad usage and 1 on a missing file', async () => {
    assert.equal((await lint(['--frobnicate'])).code, 2)
    assert.equal((await lint(['--lang', 'xx', file('clean.md')])).code, 2)
    const missing = await lint([file('nope.md')])
    assert.equal(missing.code, 1)
    assert.match(missing.err, /No such file/)
  })
})
