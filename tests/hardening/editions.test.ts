/**
 * No edition is ever lost, tried as an editor and an adversary would: a book
 * corrected in a chapter, two sources with one name, a rebuild whose bytes
 * differ, a release killed with -9, a full disk and a file-size limit, a
 * symlinked article. Each test reproduces a way the edition machinery broke
 * its promise; EPUB only where the PDF adds nothing (fewer Chromium runs).
 */
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { parse } from 'yaml'
import { CLI, tempDir } from '../helpers/paths.ts'
import { chapkhana, unzipEpub } from '../helpers/tools.ts'
import { sha, snapshot } from './helpers.ts'

const env = { SOURCE_DATE_EPOCH: '1790000000', NO_COLOR: '1' }

/** A one-pixel PNG: the cover `ARTICLE` names. */
const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2e1d8a90000000049454e44ae426082', 'hex')

/** A project folder with `files` (path → text) written into it, and `cover.png` beside those that name it. */
function project(files: Readonly<Record<string, string>>): { dir: string; at: (p: string) => string; run: (...args: string[]) => ReturnType<typeof chapkhana> } {
  const dir = tempDir('chapkhana-editions-')
  const at = (p: string): string => path.join(dir, p)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(at(name)), { recursive: true })
    writeFileSync(at(name), text)
    if (text.includes('\ncover: cover.png\n')) writeFileSync(path.join(path.dirname(at(name)), 'cover.png'), TINY_PNG)
  }
  return { dir, at, run: (...args) => chapkhana(args, { cwd: dir, env }) }
}

/**
 * A short article with a cover of its own: an EPUB-only build then starts no
 * browser (drawing a cover costs one, ≈ 5 s of CPU), and these tests are
 * about editions, not covers. The book and the linked article below keep the
 * generated cover.
 */
const ARTICLE = (title: string): string => `---\ntitle: "${title}"\nlang: ckb\ndate: 2026-11-24\nedition: 1\ncover: cover.png\n---\n\n# سەرەتا\n\nئەمە دەقێکی کورتە بۆ تاقیکردنەوە.\n`
const OLD = 'بژارەیە'
const NEW = 'بژاردەیە'

/** The text of every XHTML file of an EPUB. */
async function epubText(file: string): Promise<string> {
  const entries = await unzipEpub(file)
  return [...entries].filter(([n]) => n.endsWith('.xhtml')).map(([, b]) => b.toString('utf8')).join('\n')
}

describe('editions: a book corrected inside a chapter', () => {
  const { at, run } = project({
    'content/kteb/book.md': '---\ntitle: "کتێبی تاقیکردنەوە"\nlang: ckb\ndate: 2026-11-24\nedition: 1\n---\n',
    'content/kteb/01.md': '---\ntitle: "بەشی یەکەم"\n---\n\nدەقی بەشی یەکەم.\n',
    'content/kteb/02.md': `---\ntitle: "بەشی دووەم"\n---\n\nئەم دەقە ${OLD} بۆ تاقیکردنەوە.\n`
  })
  const book = 'content/kteb/book.md'
  const history = at('content/kteb/book.history.yaml')

  before(() => {
    const r = run('release', book, '--format', 'epub', '--date', '2026-11-25')
    assert.equal(r.code, 0, r.stderr)
  })

  it('records every chapter with its text in the history', () => {
    const recorded = parse(readFileSync(history, 'utf8')) as { editions: { files: { path: string; source?: string }[] }[] }
    assert.deepEqual(recorded.editions[0]?.files.map((f) => f.path), ['01.md', '02.md'])
    assert.ok(recorded.editions[0]?.files[1]?.source?.includes(OLD))
  })

  it('a correction inside a chapter is a new edition, not "nothing to release", and diff names the chapter', async () => {
    writeFileSync(at('content/kteb/02.md'), readFileSync(at('content/kteb/02.md'), 'utf8').replace(OLD, NEW))
    const d = run('diff', book)
    assert.equal(d.code, 0, d.stderr)
    assert.match(d.stdout, /edition 2, 02\.md → the current text, 02\.md/)
    assert.deepEqual(d.stdout.split('\n').filter((l) => /^[-+] /.test(l)), [`- \u2068«${OLD}»\u2069`, `+ \u2068«${NEW}»\u2069`])
    const r = run('release', book, '--format', 'epub', '--date', '2026-11-26')
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /released edition 3/)
    assert.ok((await epubText(at('out/kteb-ed3.epub'))).includes(NEW))
    assert.ok((await epubText(at('out/kteb-ed2.epub'))).includes(OLD), 'edition 2 keeps the text it was released with')
  })

  it('release --rebuild 2 builds the chapters as released, not as they read now', () => {
    const before = sha(at('out/kteb-ed2.epub'))
    const r = run('release', '--rebuild', '2', book, '--format', 'epub')
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /epub: sha256 matches edition 2/)
    assert.doesNotMatch(r.stderr, /^pdf:/m, 'vouches only for the format rebuilt')
    assert.equal(sha(at('out/kteb-ed2.epub')), before)
  })

  it('a rebuild whose bytes differ leaves the released file alone and says where the differing build is', () => {
    const released = readFileSync(at('out/kteb-ed2.epub'))
    const text = readFileSync(history, 'utf8')
    // As after a style or Chromium change: the recorded sha256 is not what a build gives today.
    const recorded = (parse(text) as { editions: { outputs: { epub: { sha256: string } } }[] }).editions[0]!.outputs.epub.sha256
    writeFileSync(history, text.replace(recorded, 'f'.repeat(64)))
    try {
      const r = run('release', '--rebuild', '2', book, '--format', 'epub')
      assert.equal(r.code, 1, r.stderr)
      assert.match(r.stderr, /epub: sha256 DIFFERS from edition 2 .*the released out\/kteb-ed2\.epub is untouched; the differing build is in out\/kteb-ed2\.rebuilt\.epub/)
      // Which browser drew it, and how to choose the one the edition was made with.
      assert.match(r.stderr.replace(/\s+/g, ' '), /This rebuild used the browser \/\S+; to rebuild with the one the edition was made with, set PUPPETEER_EXECUTABLE_PATH/)
      assert.deepEqual(readFileSync(at('out/kteb-ed2.epub')), released, 'the only copy of the release survives')
      assert.ok(existsSync(at('out/kteb-ed2.rebuilt.epub')))
    } finally {
      writeFileSync(history, text)
    }
  })
})

describe('editions: two sources, one name', () => {
  it('My Piece.md and my-piece.md: release refuses, naming both, and writes nothing', () => {
    const { dir, run } = project({ 'content/My Piece.md': ARTICLE('یەک'), 'content/my-piece.md': ARTICLE('دوو') })
    const before = snapshot(dir)
    const r = run('release', 'content/my-piece.md')
    assert.equal(r.code, 1)
    assert.match(r.stderr, /content\/my-piece\.md and .*content\/My Piece\.md: both would be written to out\/my-piece\.epub/)
    assert.deepEqual(snapshot(dir), before)
  })

  it('a.md and a.markdown share a history file: release refuses', () => {
    const { dir, run } = project({ 'content/a.md': ARTICLE('یەک'), 'content/a.markdown': ARTICLE('دوو') })
    const before = snapshot(dir)
    const r = run('release', 'content/a.markdown')
    assert.equal(r.code, 1)
    assert.match(r.stderr, /a\.markdown and .*a\.md: /)
    assert.deepEqual(snapshot(dir), before)
  })

  it('build refuses content/my-piece-ed2.md (a released edition\'s name) and _index.md (the collection page)', () => {
    const { dir, run } = project({ 'content/my-piece-ed2.md': ARTICLE('یەک'), 'content/_index.md': ARTICLE('دوو') })
    mkdirSync(path.join(dir, 'out'))
    writeFileSync(path.join(dir, 'out', 'my-piece-ed2.epub'), 'released bytes')
    const r = run('build')
    assert.equal(r.code, 1)
    assert.match(r.stderr, /my-piece-ed2\.md: .*reserved for released editions/)
    assert.match(r.stderr, /_index\.md: .*out\/index\.html/)
    assert.equal(readFileSync(path.join(dir, 'out', 'my-piece-ed2.epub'), 'utf8'), 'released bytes')
  })

  it('watch refuses two sources with one slug before building anything', () => {
    const { dir, run } = project({ 'content/My Piece.md': ARTICLE('یەک'), 'content/my-piece.md': ARTICLE('دوو') })
    const r = run('watch')
    assert.equal(r.code, 1)
    assert.match(r.stderr, /My Piece\.md and .*my-piece\.md: both would be written/)
    assert.ok(!existsSync(path.join(dir, 'out')))
  })

  it('an edition file that is already there (another source released it) is never replaced', () => {
    const { at, run } = project({ 'content/c.md': ARTICLE('یەک') })
    mkdirSync(at('out'))
    writeFileSync(at('out/c-ed2.epub'), 'edition 2 of another c')
    const r = run('release', 'content/c.md', '--format', 'epub')
    assert.equal(r.code, 1)
    assert.match(r.stderr, /out\/c-ed2\.epub already exists, but .*c\.history\.yaml records no edition 2/)
    assert.equal(readFileSync(at('out/c-ed2.epub'), 'utf8'), 'edition 2 of another c')
    assert.equal(readFileSync(at('content/c.md'), 'utf8'), ARTICLE('یەک'))
  })
})

describe('editions: the build record', () => {
  it('building drafts/a.md after content/a.md builds it, not "up to date" with the old text', async () => {
    const { at, run } = project({ 'content/a.md': ARTICLE('یەک'), 'drafts/a.md': ARTICLE('دوو').replace('دەقێکی کورتە', 'دەقێکی نوێیە') })
    assert.equal(run('build', '--format', 'epub', 'content/a.md').code, 0)
    const r = run('build', '--format', 'epub', 'drafts/a.md')
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /1 built, 0 up to date/)
    assert.ok((await epubText(at('out/a.epub'))).includes('دەقێکی نوێیە'))
  })
})

describe('editions: interrupted release, links and flow front matter', () => {
  // The article lives elsewhere and content/ links to it; its front matter is a flow mapping with a quoted key.
  const { at, run, dir } = project({ 'texts/piece.md': `---\n{title: "پارچە", lang: ckb, "edition": 1, date: 2026-11-24}\n---\n\n${'ئەمە دەقێکی درێژە بۆ تاقیکردنەوە.\n\n'.repeat(300)}` })
  const article = 'content/piece.md'
  const lock = (): string => at('content/piece.history.yaml.lock')

  before(() => {
    mkdirSync(at('content'))
    symlinkSync(path.join('..', 'texts', 'piece.md'), at(article))
  })

  it('a release killed with -9 leaves a lock the next release takes over, and no edition files', async () => {
    const child = spawn(process.execPath, [CLI, 'release', article, '--format', 'epub'], { cwd: dir, env: { ...process.env, ...env }, stdio: 'ignore' })
    const deadline = Date.now() + 120_000
    while (!existsSync(lock()) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    assert.ok(existsSync(lock()), 'the release took its lock')
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    assert.ok(existsSync(lock()), 'kill -9 leaves the lock behind')
    assert.ok(!existsSync(at('out/piece-ed2.epub')), 'no edition was written')
    assert.ok(!existsSync(at('content/piece.history.yaml')), 'nothing recorded')
    const r = run('release', article, '--format', 'epub', '--date', '2026-11-25')
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, new RegExp(`took over the release lock of process ${child.pid}, which is no longer running`))
    assert.ok(!existsSync(lock()), 'the lock is released')
  })

  it('edition files a killed release wrote but never recorded are removed by the next release, not left to block it', () => {
    const { at, run } = project({ 'content/d.md': ARTICLE('چوار') })
    mkdirSync(at('out'))
    // What `kill -9` between writing the edition files and recording them leaves: the files, and a lock naming them.
    writeFileSync(at('out/d-ed2.epub'), 'half a release')
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout
    writeFileSync(at('content/d.history.yaml.lock'), JSON.stringify({ pid: Number(dead), host: hostname(), since: '2026-11-25T00:00:00.000Z', files: [at('out/d-ed2.epub')] }))
    const r = run('release', 'content/d.md', '--format', 'epub', '--date', '2026-11-25')
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /took over the release lock of process \d+, which is no longer running/)
    assert.match(r.stderr, /removed out\/d-ed2\.epub, left unrecorded by that release/)
    const recorded = parse(readFileSync(at('content/d.history.yaml'), 'utf8')) as { editions: { outputs: { epub: { sha256: string } } }[] }
    assert.equal(sha(at('out/d-ed2.epub')), recorded.editions[0]?.outputs.epub.sha256)
  })

  it('the released article is still a link; its target got the stamp, flow mapping and quoted key kept', () => {
    assert.ok(lstatSync(at(article)).isSymbolicLink(), 'still a link')
    const text = readFileSync(at('texts/piece.md'), 'utf8')
    assert.match(text, /^---\n\{title: "پارچە", lang: ckb, "edition": 2, date: 2026-11-25\}\n---\n/)
  })
})

describe('editions: a full disk and a file-size limit', () => {
  const mounts: string[] = []
  after(() => {
    for (const m of mounts) spawnSync('umount', ['-l', m])
  })

  it('lint --fix under a file-size limit leaves the article whole and says so', () => {
    const body = 'ئەمە كتێبێكی باشە و دەقێكی درێژە.\n\n'.repeat(250)
    const { at } = project({ 'a.md': `---\ntitle: "تاقیکردنەوە"\nlang: ckb\n---\n\n${body}` })
    const before = readFileSync(at('a.md'))
    assert.ok(before.length > 8192)
    const r = spawnSync('bash', ['-c', `ulimit -f 8; exec "${process.execPath}" "${CLI}" lint --fix a.md`], { cwd: path.dirname(at('a.md')), encoding: 'utf8', env: { ...process.env, ...env } })
    assert.equal(r.status, 1, r.stderr)
    assert.match(r.stderr, /^a\.md\n1:1 +error +The fixes were not written \(the file size limit \(ulimit -f\) was reached\): the file is unchanged/m)
    assert.deepEqual(readFileSync(at('a.md')), before, 'not cut at 8,192 bytes')
    assert.deepEqual(readdirSync(path.dirname(at('a.md'))).sort(), ['a.md'], 'no temporary file left')
  })

  it('a release onto a full disk records nothing, keeps the article, and leaves no edition file', { skip: spawnSync('mount', ['--version']).status === 0 ? false : 'no mount here' }, () => {
    const { at, run } = project({ 'content/full.md': ARTICLE('پڕ') })
    const out = at('out')
    mkdirSync(out)
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', out]).status !== 0) return
    mounts.push(out)
    writeFileSync(path.join(out, 'filler'), Buffer.alloc(240 * 1024))
    // (The cache in .cache/ may grow: it is not an edition.)
    const editions = (): Record<string, string> => ({ ...snapshot(at('content')), ...snapshot(out) })
    const before = editions()
    const r = run('release', 'content/full.md', '--format', 'epub')
    assert.equal(r.code, 1, r.stderr)
    assert.match(r.stderr, /the disk holding .* is full: free some space/)
    assert.deepEqual(editions(), before, 'article, history and out/ as they were')
    assert.ok(!existsSync(`${at('content/full.history.yaml')}.lock`))
  })
})

describe('editions: the reader pages as a format', () => {
  it('release refreshes the reader pages only when html is among its formats, and refuses html alone', () => {
    const { at, run } = project({ 'content/r.md': ARTICLE('پەڕە') })
    const alone = run('release', 'content/r.md', '--format', 'html', '--date', '2026-11-25')
    assert.equal(alone.code, 1, alone.stderr)
    assert.match(alone.stderr, /--format html: a release records an EPUB or a PDF, and the reader pages follow it; add epub or pdf/)
    assert.ok(!existsSync(at('content/r.history.yaml')), 'nothing recorded')
    const first = run('release', 'content/r.md', '--format', 'epub', '--date', '2026-11-25')
    assert.equal(first.code, 0, first.stderr)
    assert.ok(existsSync(at('out/r-ed2.epub')))
    for (const page of ['out/r.html', 'out/index.html']) assert.ok(!existsSync(at(page)), `${page} was written`)
    writeFileSync(at('content/r.md'), readFileSync(at('content/r.md'), 'utf8').replace('کورتە', 'کورتی'))
    const second = run('release', 'content/r.md', '--format', 'epub,html', '--date', '2026-11-26')
    assert.equal(second.code, 0, second.stderr)
    const page = readFileSync(at('out/r.html'), 'utf8')
    assert.match(page, /href="r\.epub"/)
    assert.match(page, /href="r-ed2\.epub"/, 'the earlier edition is offered')
    assert.match(readFileSync(at('out/index.html'), 'utf8'), /href="r\.html"/)
  })
})
