/**
 * Finding and launching Chromium. Nothing is ever downloaded: the browser is
 * `PUPPETEER_EXECUTABLE_PATH`, else the system's Chromium or Chrome, else one
 * puppeteer itself installed. Driven by puppeteer-core: puppeteer's own entry
 * adds only its configuration, searched for when it loads (below).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import puppeteer, { type Browser } from 'puppeteer-core'
import { fontconfigEnv } from './fontconfig.ts'
import { DRAW_ON_REQUEST_ARGS, markDrawsOnRequest } from './frames.ts'
import { keepStartingTabs } from './page.ts'
import { failure } from '../util/failure.ts'

/**
 * Prefix of the throw-away Chromium profile of every launch, in the system's
 * temporary folder: it names chapkhana's browser processes (their command
 * line carries `--user-data-dir=…/chapkhana-chromium-…`), for tests and for
 * whoever looks at `ps`.
 */
export const PROFILE_PREFIX = 'chapkhana-chromium-'

/** Where Debian's `chromium-headless-shell` puts the program (scripts/setup.mjs installs it). */
export const DEBIAN_HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell'

/**
 * The system's browsers, best first. Chromium's headless shell (Debian's
 * `chromium-headless-shell`, the binary itself: `/usr/bin/…` is a shell
 * script that would stand between us and the process we kill) starts and
 * prints in a third of the full browser's time, with the same Blink: the
 * seed's PDF is byte-identical, its cover differs only in anti-aliasing
 * (docs/benchmarks.md). The full browser is the fallback.
 */
const SYSTEM = [DEBIAN_HEADLESS_SHELL, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/** Is `executable` a headless shell (Debian's, or puppeteer's `chrome-headless-shell`), which takes the old `--headless` flag? */
export function isHeadlessShell(executable: string): boolean {
  return /headless[-_]shell$/.test(path.basename(executable))
}

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
  '--in-process-gpu',
  // Memory, likewise: no zygotes (processes kept only to fork sandboxed
  // renderers from; there is no sandbox here) and the network service in the
  // browser process (it only serves file: and data: URLs to a locked page).
  // Two zygotes and the service were 60 MiB of PSS; the browser process
  // grows by 17. Every output of the seed and the book is byte-identical.
  '--no-zygote',
  '--enable-features=NetworkServiceInProcess2'
]


/** The command that installs Chromium on this machine. */
export function installHint(): string {
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  return `${root ? '' : 'sudo '}apt-get install -y chromium-headless-shell   (or chromium, or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary)`
}

/** Path of the browser to use, or `undefined` when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  return SYSTEM.find((p) => existsSync(p)) ?? puppeteersOwn()
}

// Named, not written in the call: the bundler leaves puppeteer's entry out of the chunks.
const PUPPETEER = 'puppeteer'
const require = createRequire(import.meta.url)

/**
 * A browser puppeteer downloaded itself (`npx puppeteer browsers install
 * chrome`), asked of puppeteer only on a machine without a system browser:
 * puppeteer's entry, when it loads, searches the working folder and every
 * folder above it for a .puppeteerrc (cosmiconfig, js-yaml), which cost
 * ~25 ms of every build before Chromium could start (docs/benchmarks.md).
 */
function puppeteersOwn(): string | undefined {
  try {
    // puppeteer answers with this process's PUPPETEER_EXECUTABLE_PATH when it is set: only a
    // browser it downloaded itself counts here, or `env` would not be the whole answer.
    const own = (require(PUPPETEER) as { executablePath(): string }).executablePath()
    return own && own !== process.env.PUPPETEER_EXECUTABLE_PATH && existsSync(own) ? own : undefined
  } catch {
    // puppeteer installed no browser of its own (we skip its download).
    return undefined
  }
}

/** How to launch. */
export interface LaunchOptions {
  /** The longest a render may take, so the browser connection waits as long. */
  readonly renderTimeoutMs?: number
  /**
   * Draw frames only when asked (`frames.ts`): for a browser that prints and
   * takes screenshots with `screenshotPng`, never one that shows pages to a
   * reading engine or waits for animation frames. Only the headless shell
   * can; another browser draws as usual.
   */
  readonly drawOnRequest?: boolean
}

/** Launch a headless browser, or throw a `browser-missing` failure with the fix. */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env, options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = findChromium(env)
  if (!executablePath) {
    const which = env.PUPPETEER_EXECUTABLE_PATH ? `PUPPETEER_EXECUTABLE_PATH=${env.PUPPETEER_EXECUTABLE_PATH} does not exist` : 'No Chromium or Chrome was found'
    throw failure('browser-missing', `${which}. The PDF needs a headless browser: ${installHint()}`)
  }
  // No wait for the file system before the spawn: a build imports and
  // evaluates the rest of its code meanwhile (pipeline/batch.ts), and an I/O
  // wait here can let that evaluation run first, with Chromium not yet
  // started (seen under the profiler; unprofiled, the spawn came 0.35–0.41 s
  // after the start either way). The stale profiles are removed while it starts.
  const stale = removeStaleProfiles().catch(() => undefined)
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`))
  liveProfiles.add(userDataDir)
  const onRequest = options.drawOnRequest === true && isHeadlessShell(executablePath)
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: isHeadlessShell(executablePath) ? 'shell' : true,
      args: onRequest ? [...LAUNCH_ARGS, ...DRAW_ON_REQUEST_ARGS] : LAUNCH_ARGS,
      // chapkhana's faces as system fonts, beside the machine's (fontconfig.ts).
      env: fontconfigEnv(userDataDir, env),
      userDataDir,
      // Over a pipe, Chromium exits as soon as chapkhana does, even after
      // `kill -9`: a WebSocket connection would leave it running forever.
      pipe: true,
      // chapkhana's own handlers stop watch/preview cleanly; puppeteer's would
      // exit the process first. The pipe ends Chromium with us in any case.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // chapkhana's own render time limit decides; puppeteer's fixed 180 s
      // per protocol call would otherwise cut a long but legitimate print.
      protocolTimeout: Math.max(180_000, (options.renderTimeoutMs ?? 0) + 30_000),
      // A Chromium that cannot start fails at once; one that starts slowly
      // (a loaded 2-core CI machine, three test files each starting one)
      // must not be refused: puppeteer's 30 s was not always enough there.
      timeout: 120_000
    })
    profiles.set(browser, userDataDir)
    if (onRequest) markDrawsOnRequest(browser)
    // The first, empty tab is the first page to render in: closing it and
    // opening another costs Chromium far more than using it (page.ts).
    keepStartingTabs(browser, await browser.pages())
    await stale
    return browser
  } catch (error) {
    await stale
    await rm(userDataDir, { recursive: true, force: true })
    liveProfiles.delete(userDataDir)
    throw failure('browser-missing', `Chromium at ${executablePath} did not start (${(error as Error).message.split('\n')[0]}). Reinstall it: ${installHint()}`)
  }
}

const profiles = new WeakMap<Browser, string>()
/** Every profile folder of this process not yet removed, launches in progress included (see `killBrowsersNow`). */
const liveProfiles = new Set<string>()

/**
 * End `browser` and remove its profile folder. Safe to call on a browser
 * that crashed. Chromium is killed, with its helpers (puppeteer starts it as
 * the leader of a process group of its own), rather than asked to close:
 * nothing of a build lives in the browser once its last rendering is read,
 * and an orderly close (the browser saving a profile that is removed next)
 * kept it running 60–150 ms longer, on the seed's critical path
 * (docs/benchmarks.md). A browser we did not start is asked to close.
 */
export async function closeBrowser(browser: Browser): Promise<void> {
  const child = browser.process()
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // No group to kill (it was not started as a group leader): the browser alone.
      child.kill('SIGKILL')
    }
    await exited
    await browser.disconnect()
  } else await browser.close().catch(() => browser.process()?.kill('SIGKILL'))
  const profile = profiles.get(browser)
  if (profile) {
    await rm(profile, { recursive: true, force: true, maxRetries: 3 })
    liveProfiles.delete(profile)
  }
}

/** Is process `pid` still running? A killed child stays a zombie until Node reaps it, which a synchronous wait never lets happen. */
function running(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) [ZX] /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

/** The processes (from /proc) whose command line uses `profile`: a browser, launched or still starting, and its helpers. */
function processesOf(profile: string): number[] {
  const flag = `--user-data-dir=${profile}`
  const pids: number[] = []
  for (const name of existsSync('/proc') ? readdirSync('/proc') : []) {
    if (!/^\d+$/.test(name)) continue
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').includes(flag)) pids.push(Number(name))
    } catch {
      // It ended while we looked.
    }
  }
  return pids
}

/**
 * Kill every browser of this process and remove its profile, synchronously:
 * for a second Ctrl-C, when the user wants out at once and the orderly close
 * (asynchronous) would be cut off by the exit, leaving the profile behind. A
 * browser still starting has no handle yet: it is found by its profile.
 */
export function killBrowsersNow(): void {
  const sleeper = new Int32Array(new SharedArrayBuffer(4))
  for (const profile of liveProfiles) {
    const pids = processesOf(profile)
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
    // Wait (at most 2 s) for them to be gone, so none writes into the profile after it is removed.
    for (let waited = 0; pids.some(running) && waited < 2000; waited += 20) Atomics.wait(sleeper, 0, 0, 20)
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 })
  }
  liveProfiles.clear()
}

/** Remove the profiles of chapkhana processes that died without cleaning up (`kill -9`). */
async function removeStaleProfiles(): Promise<void> {
  const names = await readdir(os.tmpdir()).catch(() => [] as string[])
  await Promise.all(
    names.map(async (name) => {
      const pid = Number(new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(name)?.[1])
      if (!pid || pid === process.pid) return
      try {
        process.kill(pid, 0)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ESRCH') await rm(path.join(os.tmpdir(), name), { recursive: true, force: true })
      }
    })
  )
}
