/**
 * A paginated reading engine for tests: foliate-js (the engine of the Foliate
 * e-reader, from npm) in headless Chromium, served from a local HTTP server
 * (ES modules do not load from `file:`), opening chapkhana's EPUB as a reader
 * would: nav, spine, pages in columns, and note pop-ups (foliate-js's
 * FootnoteHandler follows `epub:type="noteref"` to `aside epub:type="footnote"`).
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Browser, Page } from 'puppeteer'
import { ROOT } from './paths.ts'

const FOLIATE = path.join(ROOT, 'node_modules', 'foliate-js')

const TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript', '.html': 'text/html', '.epub': 'application/epub+zip', '.css': 'text/css' }

/** The page that holds the engine; `window.reader` is what the tests drive. */
const HARNESS = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
html, body { margin: 0; background: #fff; }
foliate-view { display: block; width: 600px; height: 900px; }
#note:empty { display: none; }
#note { position: fixed; inset: auto 20px 20px 20px; height: 260px; border: 2px solid #333; background: #ffe; }
#note foliate-view { width: 100%; height: 100%; }
</style></head><body><div id="note"></div><script type="module">
import '/foliate/view.js'
import { FootnoteHandler } from '/foliate/footnotes.js'
const view = document.createElement('foliate-view')
document.body.prepend(view)
const handler = new FootnoteHandler()
let popped
handler.addEventListener('before-render', (e) => document.getElementById('note').replaceChildren(e.detail.view))
handler.addEventListener('render', (e) => {
  const { view: pop, type, hidden, href } = e.detail
  const doc = pop.renderer.getContents()[0]?.doc
  popped?.({ href, type, hidden, text: doc?.body.textContent.trim() ?? '', backlinks: [...(doc?.querySelectorAll('a[role~="doc-backlink"]') ?? [])].map((a) => a.textContent) })
})
view.addEventListener('link', (e) => handler.handle(view.book, e))
let location
view.addEventListener('relocate', (e) => { location = e.detail })
const contents = () => view.renderer.getContents()[0]
const flatten = (items, depth = 1) => (items ?? []).flatMap((i) => [{ label: i.label, href: i.href, depth }, ...flatten(i.subitems, depth + 1)])
window.reader = {
  async open(url) {
    await view.open(url)
    view.renderer.setAttribute('max-column-count', '1')
    view.renderer.setAttribute('margin', '24px')
    await view.goToTextStart()
    const { book } = view
    return { dir: book.dir, language: book.metadata?.language, toc: flatten(book.toc), linear: book.sections.map((s) => s.linear ?? 'yes') }
  },
  where: () => ({ section: contents()?.index, heading: contents()?.doc.querySelector('h1, h2, h3')?.textContent ?? '', fraction: location?.fraction ?? 0 }),
  next: () => view.next(),
  goTo: (target) => view.goTo(target),
  noterefs: () => [...contents().doc.querySelectorAll('a[role~="doc-noteref"]')].map((a) => a.textContent),
  async pop(i) {
    const shown = new Promise((resolve) => { popped = resolve })
    contents().doc.querySelectorAll('a[role~="doc-noteref"]')[i].click()
    return Promise.race([shown, new Promise((resolve) => setTimeout(() => resolve(null), 5000))])
  }
}
window.ready = true
</script></body></html>`

/** Serve foliate-js at `/foliate/`, the harness at `/`, and `books` by name at `/books/<name>`. */
export async function serveReader(books: ReadonlyMap<string, string>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let file: string | undefined
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HARNESS)
      return
    }
    if (url.pathname.startsWith('/foliate/')) {
      const inside = path.resolve(FOLIATE, `.${url.pathname.slice('/foliate'.length)}`)
      if (inside.startsWith(FOLIATE + path.sep)) file = inside
    } else if (url.pathname.startsWith('/books/')) file = books.get(decodeURIComponent(url.pathname.slice('/books/'.length)))
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }
}

/** What the engine tells about a book it opened. */
export interface Opened {
  readonly dir: string
  readonly language: string
  readonly toc: { label: string; href: string; depth: number }[]
  readonly linear: string[]
}

/** A note as its pop-up shows it. */
export interface Popped {
  readonly href: string
  readonly type: string | null
  readonly hidden: boolean
  readonly text: string
  readonly backlinks: string[]
}

/** A page of `browser` at an e-reader's size with the engine loaded. */
export async function readerPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage()
  await page.setViewport({ width: 600, height: 900, deviceScaleFactor: 1 })
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForFunction('window.ready === true')
  return page
}
