/**
 * One warm browser shared by every PDF of a build, launched on first use and
 * always closed at the end (no orphan processes, on success or failure).
 */
import type { Browser } from 'puppeteer'
import { launchBrowser } from '../browser/launch.ts'

/** Lazily launched, shared browser. */
export class BrowserPool {
  #browser: Promise<Browser> | undefined

  /** The shared browser, relaunched if it crashed. */
  async get(): Promise<Browser> {
    if (this.#browser) {
      const browser = await this.#browser.catch(() => undefined)
      if (browser?.connected) return browser
    }
    this.#browser = launchBrowser()
    return this.#browser
  }

  /**
   * Start the browser now, without waiting: it takes a few hundred
   * milliseconds, which can pass while the text is parsed. A failure shows
   * when the browser is asked for.
   */
  warm(): void {
    if (!this.#browser) this.get().catch(() => undefined)
  }

  /** Close the browser, if one was started. */
  async close(): Promise<void> {
    const pending = this.#browser
    this.#browser = undefined
    if (!pending) return
    const browser = await pending.catch(() => undefined)
    await browser?.close().catch(() => browser.process()?.kill('SIGKILL'))
  }
}
