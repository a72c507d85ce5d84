/**
 * "No script reaches the outputs", for SVG images (issue 15, item 9), with
 * the real tools: an article shows an SVG full of scripts, handlers,
 * `javascript:` links and references to a local HTTP server; `build` writes
 * the EPUB (EPUBCheck: valid, not "scripted"), the PDF and the reader site,
 * then the reader page is opened in a plain Chromium tab with JavaScript on,
 * as a reader's browser would: nothing runs and the server receives zero
 * requests.
 */
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { closeBrowser, launchBrowser } from '../../src/browser/launch.ts'
import { ROOT } from '../helpers/paths.ts'
import { chapkhana, epubcheck, pdftotext, unzipEpub } from '../helpers/tools.ts'
import { articleDir } from './helpers.ts'

const LEAKS = /PWNED|javascript:|<script|onload|onclick|foreignObject|@import/i

describe('hostile SVG images', () => {
  let server: Server
  const requests: string[] = []
  let dir = ''
  let stderr = ''
  before(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '')
      res.end('PWNED-FETCHED')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const svg = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'svg', 'hostile.svg'), 'utf8').replaceAll('https://evil.example', base).replaceAll('http://127.0.0.1:9', base)
    dir = articleDir({
      'content/map.md': '---\ntitle: "نەخشە"\nlang: ckb\ndate: 2026-11-24\n---\n\n# نەخشە\n\nدەقی وتارەکە.\n\n![نەخشەی ناوچەکە](map.svg)\n',
      'content/map.svg': svg
    }, 'chapkhana-svg-e2e-')
    const r = chapkhana(['build', '--out', 'out', 'content/map.md'], { cwd: dir })
    stderr = r.stderr
    assert.equal(r.code, 0, r.stderr)
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('warns at the image, listing what was removed', () => {
    assert.match(stderr, /11:1-11:\d+\s+warning\s+Image "map\.svg": removed .*<script> \(4:3\).*svg-unsafe/)
  })

  it('writes an EPUB that EPUBCheck finds valid and not scripted, with only the cleaned SVG', async () => {
    const epub = path.join(dir, 'out', 'map.epub')
    const check = epubcheck(epub)
    assert.equal(check.errors + check.fatals, 0, check.output)
    assert.doesNotMatch(check.output, /scripted/i)
    const files = await unzipEpub(epub)
    const svgs = [...files.entries()].filter(([name]) => name.endsWith('.svg'))
    assert.equal(svgs.length, 1)
    assert.doesNotMatch(svgs[0]![1].toString('utf8'), LEAKS)
  })

  it('prints the picture without anything of its script', () => {
    assert.doesNotMatch(pdftotext(path.join(dir, 'out', 'map.pdf')), /PWNED/)
  })

  it('serves readers only the cleaned SVG: opened with JavaScript on, nothing runs and nothing is fetched', async () => {
    const assets = readdirSync(path.join(dir, 'out', 'assets', 'map'))
    const svg = assets.find((n) => n.endsWith('.svg'))
    assert.ok(svg, assets.join(', '))
    const file = path.join(dir, 'out', 'assets', 'map', svg)
    assert.doesNotMatch(readFileSync(file, 'utf8'), LEAKS)
    const dialogs: string[] = []
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      page.on('dialog', (d) => {
        dialogs.push(d.message())
        void d.dismiss()
      })
      // The SVG opened on its own (as a link to it would) and inside its page.
      for (const url of [pathToFileURL(file).href, pathToFileURL(path.join(dir, 'out', 'map.html')).href]) {
        await page.goto(url, { waitUntil: 'load' })
        await page.mouse.click(5, 5)
      }
      await page.close()
    } finally {
      await closeBrowser(browser)
    }
    assert.deepEqual(dialogs, [])
    assert.deepEqual(requests, [])
  })
})
