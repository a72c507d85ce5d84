/**
 * One warm browser shared by every PDF of a build, launched on first use and
 * always closed at the end (no orphan processes, on success or failure).
 */
import type { Browser } from 'puppeteer'
import { closeBrowser, launchBrowser } from '../browser/launch.ts'

/** Lazily launched, shared browser. */
export class BrowserPool {
  #browser: Promise<Browser> | undefined
  readonly #renderTimeoutMs: number | undefined

  /** `renderTimeoutMs`: the longest a render may take, so the browser connection waits as long. */
  constructor(renderTimeoutMs?: number) {
    this.#renderTimeoutMs = renderTimeoutMs
  }

  /** The shared browser, relaunched if it crashed. */
  async get(): Promise<Browser> {
    if (this.#browser) {
      const browser = await this.#browser.catch(() => undefined)
      if (browser?.connected) return browser
      // A crashed browser: reap it and its profile before starting another.
      if (browser) await closeBrowser(browser)
    }
    this.#browser = launchBrowser(process.env, this.#renderTimeoutMs === undefined ? {} : { renderTimeoutMs: this.#renderTimeoutMs })
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
    if (browser) await closeBrowser(browser)
  }
}
