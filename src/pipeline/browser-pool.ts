/**
 * One warm browser shared by every PDF of a build, launched on first use and
 * always closed at the end (no orphan processes, on success or failure).
 * puppeteer is imported only when a browser is wanted: a build with nothing
 * to render, and every command that renders nothing, never loads it.
 */
import type { Browser } from 'puppeteer'

const launcher = (): Promise<typeof import('../browser/launch.ts')> => import('../browser/launch.ts')

/** Lazily launched, shared browser. */
export class BrowserPool {
  #browser: Promise<Browser> | undefined
  #closed = false
  readonly #renderTimeoutMs: number | undefined

  /** `renderTimeoutMs`: the longest a render may take, so the browser connection waits as long. */
  constructor(renderTimeoutMs?: number) {
    this.#renderTimeoutMs = renderTimeoutMs
  }

  /**
   * The shared browser, relaunched if it crashed. Refused once the pool is
   * closed: work still under way when a build ends (a cover drawn while its
   * text was parsed, the text then refused) must not launch a browser
   * nobody closes, which kept the process from exiting.
   */
  async get(): Promise<Browser> {
    if (this.#closed) throw new Error('The build is over: no browser is started after it')
    if (this.#browser) {
      const browser = await this.#browser.catch(() => undefined)
      if (browser?.connected) return browser
      // A crashed browser: reap it and its profile before starting another.
      if (browser) await (await launcher()).closeBrowser(browser)
    }
    // A build only prints and takes the cover's screenshot: no frames for a screen (browser/frames.ts).
    const options = { drawOnRequest: true, ...(this.#renderTimeoutMs === undefined ? {} : { renderTimeoutMs: this.#renderTimeoutMs }) }
    this.#launching = launcher().then(() => undefined)
    this.#browser = launcher().then(({ launchBrowser }) => launchBrowser(process.env, options))
    return this.#browser
  }

  #launching: Promise<void> | undefined

  /**
   * Start the browser now, without waiting for it: it takes a few hundred
   * milliseconds, which can pass while the rest of the code is imported and
   * the text parsed. Resolves as soon as the launch is under way (puppeteer
   * loaded), so a caller can import the rest after it; never rejects: a
   * failure shows when the browser is asked for.
   */
  warm(): Promise<void> {
    if (!this.#browser) this.get().catch(() => undefined)
    return (this.#launching ?? Promise.resolve()).catch(() => undefined)
  }

  #holders = 0
  #closeWhenIdle = false
  #closing: Promise<void> | undefined

  /**
   * Say that work will still ask for the browser; the returned function (safe
   * to call more than once) says it no longer will. See `closeWhenIdle`.
   */
  hold(): () => void {
    this.#holders++
    let held = true
    return () => {
      if (!held) return
      held = false
      this.#holders--
      this.#closeIfIdle()
    }
  }

  /**
   * No more work will start: close the browser as soon as nothing holds it.
   * A build's last article says so once its last rendering is done, and the
   * merge, the EPUB and the reader page then run without Chromium's ~190 MiB
   * and its last tidy (docs/benchmarks.md).
   */
  closeWhenIdle(): void {
    this.#closeWhenIdle = true
    this.#closeIfIdle()
  }

  #closeIfIdle(): void {
    if (this.#closeWhenIdle && this.#holders === 0) this.close().catch(() => undefined)
  }

  /** Close the browser, if one was started (once: a second call waits for the first); the pool starts none after. */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown()
    return this.#closing
  }

  async #shutdown(): Promise<void> {
    const start = performance.now()
    this.#closed = true
    const pending = this.#browser
    this.#browser = undefined
    if (!pending) return
    const browser = await pending.catch(() => undefined)
    if (browser) await (await launcher()).closeBrowser(browser)
    // When Chromium went, in ms since the process started: with the last rendering, or at the end of the build.
    if (process.env.CHAPKHANA_TIMING) process.stderr.write(`browser closed: ${start.toFixed(0)} → ${performance.now().toFixed(0)} ms\n`)
  }
}
