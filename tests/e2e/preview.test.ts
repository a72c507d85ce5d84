/**
 * `chapkhana preview` as a reader uses it: the compiled CLI started on a
 * free port in a temp project, pages and editions fetched with their media
 * types and bytes, climbing out of out/ refused, the page opened in Chromium
 * and reloaded with the new word after a save, then the process stopped with
 * no Chromium left behind.
 */
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Browser } from 'puppeteer'
import { launchBrowser } from '../../src/browser/launch.ts'
import { CLI, SEED, tempDir } from '../helpers/paths.ts'

const project = tempDir('chapkhana-preview-')
const SLUG = 'nato-coalition-leadership'
const source = path.join(project, 'content', `${SLUG}.md`)

/** Every process below `pid` (Chromium and its helpers), from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // The process ended while we looked.
    }
  }
  const out: number[] = []
  const walk = (p: number): void => {
    for (const [child, parent] of parents) if (parent === p) (out.push(child), walk(child))
  }
  walk(pid)
  return out
}

const alive = (pid: number): boolean => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ')

describe('chapkhana preview', () => {
  let child: ChildProcess
  let url = ''
  let log = ''
  let browser: Browser
  before(async () => {
    mkdirSync(path.dirname(source), { recursive: true })
    copyFileSync(SEED, source)
    child = spawn(process.execPath, [CLI, 'preview', '--port', '0'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()))
    url = await new Promise<string>((resolve, reject) => {
      let text = ''
      child.stdout!.on('data', (d: Buffer) => {
        text += d.toString()
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(text)
        if (m) resolve(m[0])
      })
      child.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${log}`)))
    })
    // Wait for the first round (the index is written after it).
    for (let i = 0; i < 600 && !/watching/.test(log); i++) await new Promise((r) => setTimeout(r, 100))
    assert.match(log, /watching/, log)
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
    if (child.exitCode === null) child.kill('SIGKILL')
  })

  it('listens on 127.0.0.1 only and serves pages and editions with their media types and bytes', async () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:/)
    const cases: [string, string, string][] = [
      ['', 'text/html; charset=utf-8', 'index.html'],
      [`${SLUG}.html`, 'text/html; charset=utf-8', `${SLUG}.html`],
      [`${SLUG}.epub`, 'application/epub+zip', `${SLUG}.epub`],
      [`${SLUG}.pdf`, 'application/pdf', `${SLUG}.pdf`],
      [`${SLUG}-cover.png`, 'image/png', `${SLUG}-cover.png`],
      ['assets/site.css', 'text/css; charset=utf-8', 'assets/site.css']
    ]
    for (const [route, type, file] of cases) {
      const res = await fetch(url + route)
      assert.equal(res.status, 200, route)
      assert.equal(res.headers.get('content-type'), type, route)
      const bytes = Buffer.from(await res.arrayBuffer())
      const disk = readFileSync(path.join(project, 'out', file))
      if (type.startsWith('text/html')) {
        assert.match(bytes.toString(), /EventSource\("\/__chapkhana\/events"\)/, 'served pages carry the reload script')
        assert.doesNotMatch(disk.toString(), /<script/, 'the file on disk does not')
      } else assert.ok(bytes.equals(disk), `${route}: bytes differ from out/`)
    }
  })

  it('refuses to leave out/ (.., encoded .., a symlink out)', async () => {
    symlinkSync(path.join(project, 'content'), path.join(project, 'out', 'escape'))
    for (const route of ['/../content/x.md', '/%2e%2e/content/' + SLUG + '.md', '/..%2fcontent%2f' + SLUG + '.md', '/assets/%2e%2e/%2e%2e/content/' + SLUG + '.md', `/escape/${SLUG}.md`]) {
      // fetch() would normalise `..` away: send the path as written.
      const res = await new Promise<number>((resolve, reject) => {
        import('node:http').then(({ get }) => get(url.replace(/\/$/, '') + route, { path: route }, (r) => (r.resume(), resolve(r.statusCode ?? 0))).on('error', reject), reject)
      })
      assert.ok(res === 403 || res === 404, `${route} answered ${res}`)
    }
  })

  it('reloads an open page with the corrected word after a save', async () => {
    const page = await browser.newPage()
    try {
      await page.goto(`${url}${SLUG}.html`, { waitUntil: 'load' })
      const word = 'وشەیەکینوێ'
      assert.ok(!(await page.content()).includes(word))
      const text = readFileSync(source, 'utf8').replace('ئەمریکا کە ویستی هەیە', `ئەمریکا ${word} ویستی هەیە`)
      const reloaded = page.waitForNavigation({ waitUntil: 'load', timeout: 120_000 })
      writeFileSync(source, text)
      await reloaded
      assert.ok((await page.content()).includes(word), 'the reloaded page shows the new word')
    } finally {
      await page.close()
    }
  })

  it('stops on SIGINT and leaves no Chromium behind', async () => {
    const pid = child.pid!
    const below = descendants(pid)
    assert.ok(below.length > 0, 'the preview runs a browser')
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGINT')
    // puppeteer's own SIGINT handler closes the browser and exits with 130
    // (the shell's code for Ctrl-C) before watch's cleanup: either is a clean stop.
    assert.ok([0, 130].includes((await exited) ?? -1), log)
    await new Promise((r) => setTimeout(r, 500))
    assert.deepEqual(below.filter(alive), [], 'orphan processes')
  })
})
