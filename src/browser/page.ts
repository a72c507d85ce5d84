/**
 * A locked-down page: JavaScript off and every request refused unless it is a
 * `data:` URL or a `file:` URL inside one of the allowed folders. Nothing a
 * document says can make the browser reach the network.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'puppeteer'

/** A page plus the requests it was refused, for reports and tests. */
export interface LockedPage {
  readonly page: Page
  readonly refused: string[]
}

function inside(file: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const rel = path.relative(root, file)
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
  })
}

/** Open a page that may only read files under `roots`. */
export async function openLockedPage(browser: Browser, roots: readonly string[]): Promise<LockedPage> {
  const page = await browser.newPage()
  const refused: string[] = []
  await page.setJavaScriptEnabled(false)
  await page.setRequestInterception(true)
  page.on('request', (request) => {
    const url = request.url()
    let allowed = url.startsWith('data:')
    if (url.startsWith('file:')) {
      try {
        allowed = inside(fileURLToPath(url), roots)
      } catch {
        allowed = false
      }
    }
    if (allowed) void request.continue()
    else {
      refused.push(url)
      void request.abort('blockedbyclient')
    }
  })
  return { page, refused }
}
