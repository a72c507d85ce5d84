#!/usr/bin/env node
// Installs what chapkhana needs and is missing, then compiles it. Plain Node,
// no dependencies: it runs before `npm ci`. Idempotent and quick when
// everything is present. As root it installs Debian packages with apt-get;
// otherwise it prints the exact command and exits non-zero.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const forTests = process.argv.includes('--for-tests')
const say = (line) => process.stderr.write(`setup: ${line}\n`)

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) {
    say(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`)
    process.exit(1)
  }
}

// 1. npm packages (never a browser download: .puppeteerrc.cjs skips it).
const stamp = path.join(root, 'node_modules', '.package-lock.json')
const lock = path.join(root, 'package-lock.json')
if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync(lock).mtimeMs) {
  say('installing npm packages (npm ci)')
  run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { PUPPETEER_SKIP_DOWNLOAD: '1' })
}

// 2. System packages: a browser for the PDF; EPUBCheck, poppler and qpdf to check outputs; the press PDF's ICC profile.
const browsers = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']
const hasBrowser = process.env.PUPPETEER_EXECUTABLE_PATH ? existsSync(process.env.PUPPETEER_EXECUTABLE_PATH) : browsers.some((b) => existsSync(b))
const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
const missing = []
if (!hasBrowser) missing.push('chromium')
if (!existsSync('/usr/share/java/epubcheck.jar')) missing.push('epubcheck')
if (!onPath('pdfinfo') || !onPath('pdftotext') || !onPath('pdftoppm')) missing.push('poppler-utils')
// The press PDF's output intent embeds this sRGB profile (zlib licence); qpdf checks the press PDF's structure in tests.
if (!existsSync('/usr/share/color/icc/sRGB.icc')) missing.push('icc-profiles-free')
if (!onPath('qpdf')) missing.push('qpdf')
if (missing.length > 0) {
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && onPath('apt-get')) {
    say(`installing Debian packages: ${missing.join(' ')}`)
    run('sh', ['-c', cmd], { DEBIAN_FRONTEND: 'noninteractive' })
  } else {
    say(`missing system packages: ${missing.join(' ')}. Install them with:\n\n  sudo ${cmd.replace('&& apt-get', '&& sudo apt-get')}\n`)
    // The EPUB and PDF need only Chromium; the checkers are needed by the tests.
    if (!hasBrowser || forTests) process.exit(1)
  }
}

// 2b. Chromium's headless shell: the same Blink, started and printing in a
// third of the full browser's time (src/browser/launch.ts prefers it). Only
// worth having, never needed: where it cannot be installed, the full browser serves.
// The same path as DEBIAN_HEADLESS_SHELL in src/browser/launch.ts (this script runs before any TypeScript is compiled).
const shell = '/usr/lib/chromium/chromium-headless-shell'
if (!process.env.PUPPETEER_EXECUTABLE_PATH && !existsSync(shell) && existsSync('/usr/bin/chromium') && onPath('apt-get')) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot) {
    say('installing chromium-headless-shell (faster PDFs; the full Chromium serves if it cannot be installed)')
    const r = spawnSync('sh', ['-c', 'apt-get install -y --no-install-recommends chromium-headless-shell || (apt-get update && apt-get install -y --no-install-recommends chromium-headless-shell)'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    if (r.status !== 0) say('chromium-headless-shell could not be installed; the full Chromium is used')
  } else {
    say(`tip: \`sudo apt-get install chromium-headless-shell\` makes PDFs about twice as fast`)
  }
}

// 3. Compile TypeScript when a source is newer than the build.
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = path.join(dir, e.name)
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }, 0)
const built = path.join(root, 'dist', 'src', 'cli', 'main.js')
if (!existsSync(built) || statSync(built).mtimeMs < Math.max(newest(path.join(root, 'src')), statSync(path.join(root, 'tsconfig.json')).mtimeMs)) {
  say('compiling TypeScript')
  run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'])
}

// Builds shared between test files (tests/helpers/shared-build.ts) are made afresh for each run.
if (forTests) rmSync(path.join(root, 'tests', '.tmp', 'builds'), { recursive: true, force: true })

// 4. Bundle the CLI (bin/chapkhana.js runs it: a few files start faster than hundreds).
const bundle = path.join(root, 'dist', 'bundle', 'main.mjs')
if (!existsSync(bundle) || statSync(bundle).mtimeMs < statSync(built).mtimeMs) {
  say('bundling the command line')
  run(process.execPath, [path.join(root, 'scripts', 'bundle.mjs')])
}
