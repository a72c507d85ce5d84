/**
 * The reader pages (out/index.html, out/<slug>.html) as a reader's browser
 * sees them from file://: every link and source a file in out/, no request
 * leaving the machine, no horizontal scroll on a phone (390 px) or a desktop
 * (1280 px), light and dark, axe-core without a violation, well-formed HTML
 * with unique ids; then the collection kept true across incremental builds
 * and a deleted article. With CHAPKHANA_SCREENSHOTS set, a full-page
 * screenshot of each view is kept there to look at.
 */
import assert from 'node:assert/strict'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { parse } from 'parse5'
import type { Browser, Page } from 'puppeteer'
import { launchBrowser } from '../../src/browser/launch.ts'
import { SEED, tempDir } from '../helpers/paths.ts'
import { chapkhana } from '../helpers/tools.ts'

const require = createRequire(import.meta.url)
const AXE = require.resolve('axe-core/axe.min.js')
const project = tempDir('chapkhana-site-')
const out = path.join(project, 'out')
const shots = process.env.CHAPKHANA_SCREENSHOTS
const SEED_SLUG = 'nato-coalition-leadership'
const SECOND = path.join(project, 'content', 'second.md')

const second = `---
title: "وتاری دووەم"
lang: ckb
date: 2026-12-01
edition: 2
author: [نووسەرێک]
---

یەکەم بڕگەی وتارەکە، کە دەبێتە پوختە[^1].

## بەشی یەکەم

بڕگەیەکی تر لەگەڵ **وشەی قەڵەو** و لیستێک:

1. یەکەم
2. دووەم

[^1]: پەراوێزێک.
`

const build = (...args: string[]) => chapkhana(['build', ...args], { cwd: project })

/**
 * One tab for every view below: a new tab costs Chromium a renderer process
 * (about a second of CPU each), and a view sets everything it depends on
 * (JavaScript off, viewport, colour scheme) before it loads its page.
 */
interface Viewer {
  readonly page: Page
  /** Every request of the current view that was not a file: URL. */
  remote: string[]
}

async function viewer(browser: Browser): Promise<Viewer> {
  const page = await browser.newPage()
  const view: Viewer = { page, remote: [] }
  await page.setRequestInterception(true)
  page.on('request', (r) => {
    if (r.url().startsWith('file:')) void r.continue()
    else {
      view.remote.push(r.url())
      void r.abort('blockedbyclient')
    }
  })
  return view
}

/** Open `file` with JavaScript off, counting every request that is not a file: URL. */
async function open(view: Viewer, file: string, width: number, scheme: 'light' | 'dark'): Promise<Page> {
  const { page } = view
  view.remote = []
  await page.setJavaScriptEnabled(false)
  await page.setViewport({ width, height: 900 })
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }])
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  return page
}

describe('reader pages (headless Chromium from file://)', () => {
  let browser: Browser
  let view: Viewer
  before(async () => {
    mkdirSync(path.join(project, 'content'), { recursive: true })
    if (shots) mkdirSync(shots, { recursive: true })
    copyFileSync(SEED, path.join(project, 'content', `${SEED_SLUG}.md`))
    writeFileSync(SECOND, second)
    // An earlier edition as `chapkhana release` will name it.
    mkdirSync(out, { recursive: true })
    writeFileSync(path.join(out, 'second-ed1.pdf'), '%PDF-1.7 earlier\n')
    const r = build()
    assert.equal(r.code, 0, r.stderr)
    browser = await launchBrowser()
    view = await viewer(browser)
  })
  after(async () => {
    await browser?.close()
  })

  it('writes index.html, a page and a cover per article, fonts and styles under assets/', () => {
    for (const f of ['index.html', `${SEED_SLUG}.html`, `${SEED_SLUG}-cover.png`, 'second.html', 'second-cover.png', 'assets/site.css']) assert.ok(existsSync(path.join(out, f)), f)
    const page = readFileSync(path.join(out, `${SEED_SLUG}.html`), 'utf8')
    assert.match(page, /<html lang="ckb" dir="rtl">/)
    assert.match(page, /<link rel="alternate" type="application\/epub\+zip" href="nato-coalition-leadership\.epub"/)
    assert.match(page, /<link rel="alternate" type="application\/pdf" href="nato-coalition-leadership\.pdf"/)
    for (const p of ['og:title', 'og:description', 'og:locale']) assert.match(page, new RegExp(`<meta property="${p}" content="[^"]+">`))
    assert.match(page, /<meta property="og:image" content="nato-coalition-leadership-cover\.png">/)
    assert.match(page, /<meta property="og:type" content="article">/)
    assert.doesNotMatch(page, /<script/i, 'the files on disk carry no script')
    // Sizes in the document's digits.
    assert.match(page, /EPUB<\/span><span class="size">، [٠-٩]+ kB/)
    const other = readFileSync(path.join(out, 'second.html'), 'utf8')
    assert.match(other, /href="second-ed1\.pdf"/, 'the earlier edition is linked')
  })

  it('is well-formed HTML with unique ids', () => {
    for (const name of ['index.html', `${SEED_SLUG}.html`, 'second.html']) {
      const html = readFileSync(path.join(out, name), 'utf8')
      const errors: string[] = []
      parse(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) })
      assert.deepEqual(errors, [], name)
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])
      assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], `${name}: duplicate ids`)
    }
  })

  for (const name of ['index.html', `${SEED_SLUG}.html`, 'second.html']) {
    for (const width of [390, 1280]) {
      for (const scheme of ['light', 'dark'] as const) {
        it(`${name} at ${width} px, ${scheme}: local files only, no horizontal scroll, the face loaded, axe clean`, async () => {
          const page = await open(view, path.join(out, name), width, scheme)
          const urls = await page.evaluate(() =>
            [...document.querySelectorAll('a[href], img[src], link[href]')].map((e) => (e as HTMLAnchorElement).href || (e as HTMLImageElement).src)
          )
          for (const url of urls) {
            assert.ok(url.startsWith('file:'), `${url} is not a local file`)
            const file = fileURLToPath(url.split('#')[0]!)
            assert.ok(!path.relative(out, file).startsWith('..'), `${url} leaves out/`)
            assert.ok(existsSync(file), `${url} does not exist`)
          }
          const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
          assert.ok(scrollWidth! <= innerWidth!, `horizontal scroll: ${scrollWidth} > ${innerWidth}`)
          const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family))
          assert.ok(faces.some((f) => f.includes('Chapkhana Amiri')), `faces loaded: ${faces.join(', ')}`)
          // Only when someone will look at them: a full-page screenshot of a long page costs 0.2–0.6 s.
          if (shots) await page.screenshot({ path: path.join(shots, `${name}-${width}-${scheme}.png`), fullPage: true })
          // axe needs script: enable it for this view only (the next one turns it off), after the page rendered without it.
          await page.setJavaScriptEnabled(true)
          await page.reload({ waitUntil: 'load' })
          await page.addScriptTag({ path: AXE })
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe
            return (await axe.run()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
          })
          assert.deepEqual(violations, [])
          assert.deepEqual(view.remote, [], 'requests left the machine')
        })
      }
    }
  }

  it('the collection lists up-to-date articles after an incremental build, and forgets deleted ones', () => {
    const again = build()
    assert.equal(again.code, 0, again.stderr)
    assert.match(again.stderr, /0 built, 2 up to date/)
    const index = readFileSync(path.join(out, 'index.html'), 'utf8')
    assert.match(index, /href="nato-coalition-leadership\.html"/)
    assert.match(index, /href="second\.html"/)
    rmSync(SECOND)
    const after = build()
    assert.equal(after.code, 0, after.stderr)
    const fewer = readFileSync(path.join(out, 'index.html'), 'utf8')
    assert.match(fewer, /href="nato-coalition-leadership\.html"/)
    assert.doesNotMatch(fewer, /second\.html/)
  })
})

describe('the reader pages as a format (--format html)', () => {
  // A cover of its own: neither format needs a browser here.
  const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2e1d8a90000000049454e44ae426082', 'hex')
  const dir = tempDir('chapkhana-site-format-')
  const pages = path.join(dir, 'out')
  const run = (...args: string[]) => chapkhana(['build', '--out', pages, ...args, path.join(dir, 'note.md')], { cwd: dir })
  before(() => {
    writeFileSync(path.join(dir, 'cover.png'), TINY_PNG)
    writeFileSync(path.join(dir, 'note.md'), '---\ntitle: "تێبینی"\nlang: ckb\ndate: 2026-12-01\ncover: cover.png\n---\n\nدەقی تێبینی.\n')
  })

  it('--format epub writes no reader page and no collection page', () => {
    const r = run('--format', 'epub')
    assert.equal(r.code, 0, r.stderr)
    assert.ok(existsSync(path.join(pages, 'note.epub')))
    for (const f of ['note.html', 'index.html', 'note-cover.png', 'assets']) assert.ok(!existsSync(path.join(pages, f)), `${f} was written`)
  })

  it('--format html writes only the reader pages and reports them; the page offers no edition this build did not write', () => {
    const r = run('--format', 'html')
    assert.equal(r.code, 0, r.stderr)
    for (const f of ['note.html', 'index.html', 'note-cover.png', 'assets/site.css']) assert.ok(existsSync(path.join(pages, f)), f)
    assert.ok(!existsSync(path.join(pages, 'note.pdf')), 'no PDF was asked for')
    // The EPUB of the build before stays in out/, but it may be of an older text: not offered.
    assert.ok(existsSync(path.join(pages, 'note.epub')))
    assert.match(readFileSync(path.join(pages, 'note.html'), 'utf8'), /<ul class="downloads"><\/ul>/)
    assert.match(r.stderr, /note\.html/)
  })
})
