/**
 * The EPUBs in a paginated reading engine (foliate-js in headless Chromium),
 * as a reader meets them: a journal issue (al-Muqtabas 49), a docs page with
 * code (nginx), an article with notes labelled in Arabic script and one with
 * no heading at all. The engine opens each book right-to-left at its text,
 * lists the whole nested contents, pages through it, and every note
 * reference opens its note in a pop-up that begins with the note's label as
 * the link back. EPUBCheck passes the fixture packages with no message at all.
 * Screenshots are kept in CHAPKHANA_SCREENSHOTS (or a temp folder) to look at.
 */
import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'puppeteer'
import { launchBrowser } from '../../src/browser/launch.ts'
import { encodeIndexedPng } from '../../src/writers/cover/png.ts'
import { CORPORA, ROOT, tempDir } from '../helpers/paths.ts'
import { readerPage, serveReader, type Opened, type Popped } from '../helpers/reading-engine.ts'
import { MUQTABAS_ARGS, sharedBuild } from '../helpers/shared-build.ts'
import { chapkhana, epubcheck } from '../helpers/tools.ts'

const out = tempDir('chapkhana-reading-')
const shots = process.env.CHAPKHANA_SCREENSHOTS ?? path.join(out, 'screenshots')

/** The fixture articles, copied beside a small cover of their own. */
function fixtures(): string[] {
  const dir = path.join(out, 'src')
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'cover.png'), encodeIndexedPng({ width: 16, height: 24, rgba: new Uint8Array(16 * 24 * 4).fill(90) }, [[90, 90, 90]]))
  return ['epub-notes', 'epub-untitled'].map((name) => {
    const file = path.join(dir, `${name}.md`)
    copyFileSync(path.join(ROOT, 'tests', 'fixtures', name, 'article.md'), file)
    return file
  })
}

type Reader = {
  open(url: string): Promise<Opened>
  where(): { section: number; heading: string; fraction: number }
  next(): Promise<void>
  goTo(target: number | string): Promise<void>
  noterefs(): string[]
  pop(i: number): Promise<Popped | null>
}
const reader = (page: Page) => ({
  open: (url: string) => page.evaluate((u) => (window as unknown as { reader: Reader }).reader.open(u), url),
  where: () => page.evaluate(() => (window as unknown as { reader: Reader }).reader.where()),
  next: () => page.evaluate(() => (window as unknown as { reader: Reader }).reader.next()),
  goTo: (target: number | string) => page.evaluate((t) => (window as unknown as { reader: Reader }).reader.goTo(t), target),
  noterefs: () => page.evaluate(() => (window as unknown as { reader: Reader }).reader.noterefs()),
  pop: (i: number) => page.evaluate((k) => (window as unknown as { reader: Reader }).reader.pop(k), i)
})

/** Wait for the engine's columns to settle, then keep a screenshot of the screen. */
async function shoot(page: Page, name: string): Promise<Buffer> {
  await new Promise((resolve) => setTimeout(resolve, 300))
  const png = Buffer.from(await page.screenshot({ type: 'png' }))
  writeFileSync(path.join(shots, `${name}.png`), png)
  return png
}

describe('the EPUBs in a paginated reading engine (foliate-js)', () => {
  let browser: Browser
  let server: Server
  let url: string
  const books = new Map<string, string>()
  before(async () => {
    mkdirSync(shots, { recursive: true })
    const nginx = path.join(CORPORA, 'documentation-kurdish', 'pages', 'webservers', 'nginx', 'index.md')
    const r = chapkhana(['build', '--quiet', '--format', 'epub', '--lang', 'ckb', '--out', out, nginx, ...fixtures()])
    assert.equal(r.code, 0, r.stderr.slice(-4000))
    for (const slug of ['nginx', 'epub-notes', 'epub-untitled']) books.set(`${slug}.epub`, path.join(out, `${slug}.epub`))
    // The journal issue from the build of the four issues other test files share (shared-build.ts); only read.
    const journal = sharedBuild(MUQTABAS_ARGS)
    assert.equal(journal.code, 0, journal.stderr.slice(-4000))
    books.set('al-muqtabas-issue-49.epub', path.join(journal.out, 'al-muqtabas-issue-49.epub'))
    ;({ server, url } = await serveReader(books))
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    server?.close()
  })

  // The journal issue and the docs pages pass EPUBCheck in corpora.test.ts.
  it('EPUBCheck: no error and no warning in the note fixtures (ASCII note ids, a contents page out of the reading order)', () => {
    for (const [name, file] of [...books].filter(([n]) => n.startsWith('epub-'))) {
      const verdict = epubcheck(file)
      assert.deepEqual([verdict.fatals, verdict.errors, verdict.warnings], [0, 0, 0], `${name}:\n${verdict.output.slice(0, 3000)}`)
    }
  })

  it('al-Muqtabas 49 and the nginx page open right-to-left at their text, with the whole nested contents, page on, and the journal\'s notes pop up', async (t) => {
    // nginx: its title comes from its opening `# Nginx`, printed once as the title, so the contents list its two sections.
    for (const [slug, entries, lang, depth] of [['al-muqtabas-issue-49', 42, 'ar', 2], ['nginx', 2, 'ckb', 1]] as const) {
      const page = await readerPage(browser, url)
      try {
        const book = reader(page)
        const opened = await book.open(`/books/${slug}.epub`)
        assert.equal(opened.dir, 'rtl')
        assert.equal(opened.language, lang)
        assert.equal(opened.toc.length, entries, `${slug}: contents entries`)
        assert.equal(Math.max(...opened.toc.map((e) => e.depth)), depth, `${slug}: sections nest under their article`)
        const start = await book.where()
        assert.equal(start.section, 3, `${slug} opens at the text (after cover, title page, contents)`)
        // The text opens on its title (an <h1> for nginx, whose contents list only its sections).
        assert.equal(start.heading, slug === 'nginx' ? 'Nginx' : opened.toc[0]!.label)
        let fraction = -1
        for (let i = 0; i < 3; i++) {
          const png = await shoot(page, `${slug}-page-${i + 1}`)
          t.diagnostic(path.join(shots, `${slug}-page-${i + 1}.png`))
          assert.ok(png.length > 10_000, `${slug}: page ${i + 1} has text on it`)
          const here = await book.where()
          assert.ok(here.fraction > fraction, `${slug}: page ${i + 1} moves on`)
          fraction = here.fraction
          await book.next()
        }
        if (slug === 'al-muqtabas-issue-49') {
          // The journal's first note, in a pop-up.
          await book.goTo(3)
          const [label] = await book.noterefs()
          assert.ok(label, 'the first article has notes')
          const note = await book.pop(0)
          await shoot(page, `${slug}-note-1`)
          assert.equal(note?.type, 'footnote')
          // The reference shows «١»; the note opens with «(١)», as print labels it.
          assert.ok(note.text.startsWith(`(${label}) `), note.text)
        }
      } finally {
        await page.close()
      }
    }
  })

  it('every note reference opens its note in a pop-up, Arabic-script labels too, the label leading back', async () => {
    const page = await readerPage(browser, url)
    try {
      const book = reader(page)
      const opened = await book.open('/books/epub-notes.epub')
      assert.equal((await book.where()).heading, 'پەراوێزە کوردییەکان', 'the front-matter title opens the text')
      assert.equal(opened.linear[2], 'yes', 'a contents page of several entries is read in order')
      let shown = 0
      for (const section of [3, 4]) {
        await book.goTo(section)
        const labels = await book.noterefs()
        for (const [i, label] of labels.entries()) {
          const note = await book.pop(i)
          await shoot(page, `epub-notes-${section}-note-${i + 1}`)
          assert.ok(note, `section ${section}: the reference «${label}» opens no pop-up`)
          assert.equal(note.type, 'footnote')
          assert.ok(note.hidden, 'the note is an aside, hidden in the text flow')
          // Arabic practice: the reference shows «١», the note is labelled «(١)» (print does the same).
          assert.ok(note.text.startsWith(`(${label}) `), `the note begins with its label «(${label})»: ${note.text}`)
          assert.equal(note.backlinks[0], `(${label})`, 'the label is the link back')
          assert.ok(!note.text.includes('\u21A9'), 'no ↩')
          shown++
        }
      }
      assert.equal(shown, 4, 'four references, in two files')
    } finally {
      await page.close()
    }
  })

  it('an article with one contents entry skips the contents page and opens on its title', async () => {
    const page = await readerPage(browser, url)
    try {
      const book = reader(page)
      const opened = await book.open('/books/epub-untitled.epub')
      assert.equal(opened.toc.length, 1)
      assert.equal(opened.linear[2], 'no', 'the one-entry contents page is out of the reading order')
      assert.equal((await book.where()).heading, 'وتارێکی بێ سەردێڕ')
      await shoot(page, 'epub-untitled-start')
    } finally {
      await page.close()
    }
  })
})
