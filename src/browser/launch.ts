/**
 * Finding and launching Chromium. Nothing is ever downloaded: the browser is
 * `PUPPETEER_EXECUTABLE_PATH`, else one puppeteer itself installed, else the
 * system's Chromium or Chrome.
 */
import { existsSync } from 'node:fs'
import puppeteer, { type Browser } from 'puppeteer'

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/** Flags that work as root inside a container with no network. */
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-extensions',
  '--font-render-hinting=none',
  // Memory: the GPU work (software only here) runs inside the browser
  // process instead of a process of its own.
  '--in-process-gpu'
]

/** Raised when no browser can be found or started; says how to install one. */
export class BrowserMissingError extends Error {
  override name = 'BrowserMissingError'
}

/** The command that installs Chromium on this machine. */
export function installHint(): string {
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  return `${root ? '' : 'sudo '}apt-get install -y chromium   (or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary)`
}

/** Path of the browser to use, or `undefined` when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  try {
    const own = puppeteer.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // puppeteer installed no browser of its own (we skip its download).
  }
  return SYSTEM.find((p) => existsSync(p))
}

/** Launch a headless browser, or throw `BrowserMissingError` with the fix. */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const executablePath = findChromium(env)
  if (!executablePath) {
    const which = env.PUPPETEER_EXECUTABLE_PATH ? `PUPPETEER_EXECUTABLE_PATH=${env.PUPPETEER_EXECUTABLE_PATH} does not exist` : 'No Chromium or Chrome was found'
    throw new BrowserMissingError(`${which}. The PDF needs a headless browser: ${installHint()}`)
  }
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: LAUNCH_ARGS,
      timeout: 30_000
    })
    // The first, empty tab would keep a renderer process alive for nothing.
    for (const page of await browser.pages()) await page.close()
    return browser
  } catch (error) {
    throw new BrowserMissingError(`Chromium at ${executablePath} did not start (${(error as Error).message.split('\n')[0]}). Reinstall it: ${installHint()}`)
  }
}
