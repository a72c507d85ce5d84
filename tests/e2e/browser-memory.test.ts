/**
 * The browser's memory: a book's parts are rendered one after the other in
 * pooled tabs (the finals in one, the next part's draft beside them in
 * another), and the build's peak memory counts every Chromium process. A
 * page handed back must not keep the document it rendered, and the browser
 * must not start processes it has no use for (docs/benchmarks.md: the
 * 50-chapter book's peak went from 482–497 to 378–382 MiB).
 */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, before, describe, it } from 'node:test'
import type { Browser, Page } from 'puppeteer'
import { launchBrowser } from '../../src/browser/launch.ts'
import { openLockedPage, releaseLockedPage, withLockedPage } from '../../src/browser/page.ts'
import { tempDir } from '../helpers/paths.ts'

/** The command lines of `root` and every process below it. */
function processTree(root: number): string[] {
  const parents = new Map<number, number[]>()
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)])
    } catch {
      // Ended while we looked.
    }
  }
  const lines: string[] = []
  const stack = [root]
  while (stack.length > 0) {
    const pid = stack.pop()!
    try {
      lines.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '))
    } catch {
      // Ended while we looked.
    }
    stack.push(...(parents.get(pid) ?? []))
  }
  return lines
}

/** Documents and DOM nodes alive in the page's renderer. */
async function domCounters(page: Page): Promise<{ documents: number; nodes: number }> {
  const session = await page.createCDPSession()
  try {
    return await session.send('Memory.getDOMCounters')
  } finally {
    await session.detach()
  }
}

describe('the browser keeps no more memory than a render needs', () => {
  let browser: Browser
  let page: string
  before(async () => {
    const dir = tempDir()
    page = path.join(dir, 'long.html')
    // A long document, like a book's part: many thousands of nodes.
    const paragraphs = Array.from({ length: 3000 }, (_, i) => `<p>بڕگەی <b>${i}</b> لە <i>دەقێکی</i> درێژ.</p>`).join('\n')
    writeFileSync(page, `<!doctype html><html lang="ckb" dir="rtl"><head><meta charset="utf-8"><title>x</title></head><body>${paragraphs}</body></html>`)
    browser = await launchBrowser()
  })
  after(async () => {
    await browser?.close()
  })

  it('starts neither zygotes nor a network service process', async () => {
    // A page, so that a renderer runs while we look.
    await withLockedPage(browser, [], async ({ page: tab }) => {
      await tab.setContent('<p>x</p>')
      const pid = browser.process()?.pid
      assert.ok(pid !== undefined, 'the browser is a child process')
      const tree = processTree(pid)
      assert.ok(tree.some((line) => line.includes('--type=renderer')), `a renderer runs:\n${tree.join('\n')}`)
      assert.deepEqual(tree.filter((line) => /--type=zygote|--utility-sub-type=network/.test(line)), [])
    })
  })

  it('a page handed back holds neither the document it rendered nor its garbage', async () => {
    await withLockedPage(browser, [path.dirname(page)], async ({ page: tab }) => {
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' })
      assert.ok((await domCounters(tab)).nodes > 10_000, 'the long document is loaded')
    })
    // The same tab, from the pool, once it is ready for the next render.
    const reused = await openLockedPage(browser, [])
    try {
      assert.equal(reused.page.url(), 'about:blank')
      const counters = await domCounters(reused.page)
      assert.equal(counters.documents, 1, 'only the empty page is alive')
      assert.ok(counters.nodes < 100, `${counters.nodes} nodes are alive`)
    } finally {
      await releaseLockedPage(browser, reused)
    }
  })
})
