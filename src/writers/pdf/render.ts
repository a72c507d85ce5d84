/**
 * Printing the print HTML to PDF in headless Chromium, with a time limit, one
 * retry, and a check that every declared font really loaded (Chromium would
 * otherwise fall back silently to whatever the machine has).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'puppeteer'
import { FACE_DIRS } from '../../fonts/fonts.ts'
import { withLockedPage } from '../../browser/page.ts'
import { failure, isFailure } from '../../util/failure.ts'
import type { Lull } from '../../util/lull.ts'

/** What a render needs. */
export interface RenderOptions {
  readonly browser: Browser
  readonly html: string
  /** Folders the page may read (fonts, the article's images). */
  readonly roots: readonly string[]
  readonly timeoutMs: number
  readonly signal?: AbortSignal
  /**
   * A layout pass whose only use is to learn where things landed: no tags
   * (they cost time on long books and are thrown away).
   */
  readonly draft?: boolean
  /** Told while Chromium prints (the longest step, when Node has nothing to answer): other work may run then. */
  readonly lull?: Lull
}

/**
 * A draft is read only for its page count and named destinations. Hidden
 * boxes keep their layout and Chromium still writes a destination for each
 * (tests/e2e/draft-render.test.ts), but it draws no glyph of them: on a
 * 190 KB part of the 50-chapter book, 444 KB of PDF printed in about 220 ms
 * became 36 KB in about 100 ms, and parsing it in Node costs as little
 * (docs/benchmarks.md).
 */
const HIDDEN_INK = '<style>*, *::before, *::after, *::marker { visibility: hidden !important; }</style>'

/** `html` as a draft prints it: the same layout, its ink hidden. */
function draftHtml(html: string): string {
  const head = html.indexOf('</head>')
  return head < 0 ? HIDDEN_INK + html : html.slice(0, head) + HIDDEN_INK + html.slice(head)
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    // Say how to allow more: a very long book can legitimately need minutes.
    timer = setTimeout(() => reject(failure('render-timeout', `${what} took longer than ${ms} ms (allow more with --timeout MS or renderTimeoutMs in chapkhana.config.json)`)), ms)
  })
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer))
}

async function renderOnce(options: RenderOptions, htmlPath: string): Promise<Uint8Array> {
  return withLockedPage(options.browser, [path.dirname(htmlPath), ...FACE_DIRS, ...options.roots], async ({ page, refused }) => {
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: options.timeoutMs })
    // Load every declared face, then insist all of them did.
    const fonts = await page.evaluate(async () => {
      await Promise.all([...document.fonts].map((f) => f.load().catch(() => undefined)))
      return [...document.fonts].map((f) => `${f.family} ${f.weight} ${f.style}: ${f.status}`)
    })
    const failed = fonts.filter((f) => !f.endsWith(': loaded'))
    if (failed.length > 0 || fonts.length === 0) throw failure('render-fonts', `Fonts did not load in the browser: ${failed.join('; ') || 'none declared'}`)
    const printing = page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      tagged: !options.draft,
      // chapkhana writes the outline itself, from its destinations (outline.ts).
      outline: false,
      timeout: options.timeoutMs
    })
    const pdf = await (options.lull ? options.lull.during(printing) : printing)
    if (refused.length > 0) throw failure('render-refused-request', `The page asked for ${refused.length} resource(s) outside the build and was refused: ${refused.slice(0, 3).join(', ')}`)
    return pdf
  })
}

/** Render `html` to PDF bytes, retrying once after a failure or time-out. */
export async function renderPdf(options: RenderOptions): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chapkhana-print-'))
  const htmlPath = path.join(dir, 'print.html')
  try {
    await writeFile(htmlPath, options.draft ? draftHtml(options.html) : options.html)
    let lastError: unknown
    for (let attempt = 1; attempt <= 2; attempt++) {
      options.signal?.throwIfAborted()
      try {
        const start = performance.now()
        const pdf = await withTimeout(renderOnce(options, htmlPath), options.timeoutMs, 'Printing the PDF')
        // When each rendering ran, in ms since the process started: where a long book's time goes.
        if (process.env.CHAPKHANA_TIMING) process.stderr.write(`render ${options.draft ? 'draft' : 'final'} ${Math.round(options.html.length / 1024)} KB: ${start.toFixed(0)} → ${performance.now().toFixed(0)} ms\n`)
        return pdf
      } catch (error) {
        lastError = error
        // Font failures and refused requests will not change on a second try.
        if (isFailure(error) && error.ruleId !== 'render-timeout') throw error
        if (!options.browser.connected) break
      }
    }
    throw failure(isFailure(lastError, 'render-timeout') ? 'render-timeout' : 'render-failed', `Printing the PDF failed twice: ${(lastError as Error)?.message ?? String(lastError)}`, { cause: lastError })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
