/**
 * A locked-down page: JavaScript off and every request refused unless it is a
 * `data:` URL or a `file:` URL inside one of the allowed folders. Nothing a
 * document says can make the browser reach the network.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'puppeteer'
import { isWithin } from '../util/inside.ts'

/** A page plus the requests it was refused, for reports and tests. */
export interface LockedPage {
  readonly page: Page
  readonly refused: string[]
}

function inside(file: string, roots: readonly string[]): boolean {
  return roots.some((root) => isWithin(root, file))
}

/** A locked page that can be handed back for the next render. */
interface PooledPage extends LockedPage {
  roots: readonly string[]
  /** Emptying the page after its last render (`tidy`), awaited before the next one. */
  tidying?: Promise<void>
}

/** Idle locked pages per browser: opening a page costs ~60 ms, reusing one nothing. */
const idle = new WeakMap<Browser, PooledPage[]>()

/** The viewport of every tab puppeteer opens (its `defaultViewport`), which a page restores before it is handed back. */
export const RENDER_VIEWPORT = { width: 800, height: 600, deviceScaleFactor: 1 } as const

/** The empty tabs a browser started with, not locked yet (see `keepStartingTabs`). */
const starting = new WeakMap<Browser, Page[]>()

/**
 * Keep the tabs `browser` opened at launch for the first locked pages.
 * Measured on the seed article (CPU of Chromium's processes, 2 runs each):
 * closing the starting tab and opening a new one cost about 1.1 s more in
 * Chromium's browser process than rendering in the starting tab itself.
 */
export function keepStartingTabs(browser: Browser, pages: readonly Page[]): void {
  starting.set(browser, [...pages])
}

/** Open a page that may only read files under `roots`. */
export async function openLockedPage(browser: Browser, roots: readonly string[]): Promise<LockedPage> {
  const reused = idle.get(browser)?.pop()
  await reused?.tidying
  if (reused && !reused.page.isClosed()) {
    reused.roots = roots
    reused.refused.length = 0
    return reused
  }
  const spare = starting.get(browser)?.pop()
  const page = spare && !spare.isClosed() ? spare : await browser.newPage()
  const locked: PooledPage = { page, refused: [], roots }
  await page.setJavaScriptEnabled(false)
  await page.setRequestInterception(true)
  page.on('request', (request) => {
    const url = request.url()
    let allowed = url.startsWith('data:')
    if (url.startsWith('file:')) {
      try {
        allowed = inside(fileURLToPath(url), locked.roots)
      } catch {
        allowed = false
      }
    }
    if (allowed) void request.continue()
    else {
      locked.refused.push(url)
      void request.abort('blockedbyclient')
    }
  })
  return locked
}

/**
 * Hand a page back after a render that went well, for the next render in the
 * same browser (JavaScript stays off, the request lock stays on, the folders
 * are set anew). After a failure, close the page instead: it may be hung.
 * `small`: the page held a document too small to be worth a tidy (below).
 */
export async function releaseLockedPage(browser: Browser, locked: LockedPage, small = false): Promise<void> {
  const pool = idle.get(browser) ?? []
  idle.set(browser, pool)
  if (pool.length >= 4 || locked.page.isClosed() || !browser.connected) {
    await locked.page.close().catch(() => undefined)
    return
  }
  const pooled = locked as PooledPage
  if (small) delete pooled.tidying
  else pooled.tidying = tidy(pooled.page)
  pool.push(pooled)
}

/**
 * Leave the page and collect the renderer's garbage, so the next render
 * starts from the memory of a fresh tab. Without it, a book's parts, rendered
 * one after the other in one tab, left their documents to the renderer's lazy
 * collector: Chromium grew from 164 to 335 MiB over the 50-chapter book's ten
 * renderings, and the build's peak (every process, PSS) was 482–497 MiB;
 * with it, 378–382 MiB, in the same time (docs/benchmarks.md). Not awaited
 * here: the last render of a build does not wait for it, the next render of a
 * pooled page does. A failure (the browser closing meanwhile) only means no
 * page to tidy.
 */
async function tidy(page: Page): Promise<void> {
  const start = performance.now()
  try {
    await page.goto('about:blank')
    const session = await page.createCDPSession()
    await session.send('HeapProfiler.collectGarbage')
    await session.detach()
    // Beside the renderings' marks (render.ts): whether the next rendering waits for this.
    if (process.env.CHAPKHANA_TIMING) process.stderr.write(`tidy: ${start.toFixed(0)} → ${performance.now().toFixed(0)} ms\n`)
  } catch {
    // The page or the browser closed: nothing left to free.
  }
}

/**
 * Run `use` in a locked page of `browser` that may read files under `roots`:
 * handed back for the next render when `use` succeeds, closed when it fails
 * (a failed page may be hung). `small`: the document `use` loads is a few
 * kilobytes (a cover): the next render's navigation replaces it, and a tidy
 * first (a navigation and a collection, ~30 ms) would only delay that render.
 */
export async function withLockedPage<T>(browser: Browser, roots: readonly string[], use: (locked: LockedPage) => Promise<T>, small = false): Promise<T> {
  const locked = await openLockedPage(browser, roots)
  let result: T
  try {
    result = await use(locked)
  } catch (error) {
    await locked.page.close().catch(() => undefined)
    throw error
  }
  await releaseLockedPage(browser, locked, small)
  return result
}
