/**
 * One build shared by every test file that needs the same one (the seed,
 * the four al-Muqtabas issues): the first file to ask makes
 * it, the others (in other processes, run at the same time) wait for it and
 * read the same folder. Tests only read a shared folder; anything they write
 * goes to a temporary folder of their own.
 *
 * A build is named by its arguments, the bytes of the files they name, the
 * compiled CLI's files and the environment that changes outputs, so a stale
 * one is never reused; `npm test` (scripts/setup.mjs --for-tests) also
 * clears them before each run.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { CORPORA, ROOT, SEED } from './paths.ts'
import { chapkhana } from './tools.ts'
import { sleep, tryLock, unlock } from './process-lock.ts'

const muqtabas = (issue: number): string => path.join(CORPORA, 'muqtabas', `al-muqtabas-issue-${issue}.md`)

/**
 * The seed article, every format (EPUB, PDF, reader page): edition.test.ts,
 * ace, epub-cover, epub-render, print, print-pages and visual read it. One
 * build of every format instead of one per format: an EPUB-only build of the
 * same text gives the same EPUB, and each build costs a CLI start and a browser.
 */
export const SEED_ARGS: readonly string[] = [SEED]
/**
 * The four al-Muqtabas issues (Arabic: their front matter has no lang), every
 * format, in one build with one browser: corpora.test.ts checks them all;
 * ace and epub-render read issue 65's EPUB, epub-reading issue 49's,
 * print-pages and footnotes issue 60's PDF (the same bytes as issue 60 built
 * alone), print and visual issue 29's PDF.
 * Each issue is a 60–90 page book: building one again for one more test
 * file costs 15–25 s of CPU.
 */
export const MUQTABAS_ARGS: readonly string[] = ['--lang', 'ar', ...[29, 49, 60, 65].map(muqtabas)]

/** Where shared builds live (git-ignored). */
export const SHARED_DIR = path.join(ROOT, 'tests', '.tmp', 'builds')

/** The outcome of a shared build. */
export interface SharedBuild {
  readonly out: string
  readonly code: number | null
  readonly stderr: string
}

/** What names the code of a build: every compiled file and stylesheet, its size and time. */
export function codeFingerprint(): string {
  // The compiled modules and the bundle the CLI runs, and the stylesheets it
  // reads at run time (a change of style alone must not reuse an old build).
  // Not what a run writes there: lint's V8 code cache (bin/code-cache.js,
  // `lint.cjs.<size>-<time>.cache` and its `.cache.<pid>` part) appeared
  // mid-run and renamed every build asked for after it, which was then made twice.
  const files = ['dist', 'styles']
    .flatMap((dir) => readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !/\.cache(\.\d+)?$/.test(e.name)).map((e) => path.join(e.parentPath, e.name)))
    .sort()
  return files.map((f) => `${f}:${statSync(f).size}:${statSync(f).mtimeMs}`).join('\n')
}

const keys = new Map<string, string>()

/** The name of a build; fixed for the process once asked, so `sharedOut` and `sharedBuild` agree. */
function keyOf(args: readonly string[]): string {
  const known = keys.get(JSON.stringify(args))
  if (known) return known
  const hash = createHash('sha256').update(JSON.stringify(args)).update(codeFingerprint())
  for (const name of ['PUPPETEER_EXECUTABLE_PATH', 'SOURCE_DATE_EPOCH']) hash.update(`${name}=${process.env[name] ?? ''}`)
  for (const arg of args) if (path.isAbsolute(arg) && existsSync(arg) && statSync(arg).isFile()) hash.update(readFileSync(arg))
  const key = hash.digest('hex').slice(0, 20)
  keys.set(JSON.stringify(args), key)
  return key
}

/** The output folder `sharedBuild(args)` writes to (known before it runs). */
export function sharedOut(args: readonly string[]): string {
  return path.join(SHARED_DIR, keyOf(args), 'out')
}

/** Run `chapkhana build …args --out <shared folder>` once for all test files; returns its outcome. */
export function sharedBuild(args: readonly string[]): SharedBuild {
  const dir = path.join(SHARED_DIR, keyOf(args))
  const out = path.join(dir, 'out')
  const result = path.join(dir, 'result.json')
  const lock = `${dir}.lock`
  mkdirSync(SHARED_DIR, { recursive: true })
  for (;;) {
    if (existsSync(result)) return { out, ...(JSON.parse(readFileSync(result, 'utf8')) as { code: number | null; stderr: string }) }
    if (!tryLock(lock)) {
      // Another test file is building it: wait.
      sleep(200)
      continue
    }
    try {
      // The holder before us may have finished between our look and our lock:
      // its build is being read by other files and must never be rebuilt under them.
      if (existsSync(result)) continue
      rmSync(dir, { recursive: true, force: true })
      mkdirSync(dir, { recursive: true })
      // Its own project folder: the build's caches stay with it.
      const r = chapkhana(['build', ...args, '--out', out], { cwd: dir })
      writeFileSync(result, JSON.stringify({ code: r.code, stderr: r.stderr }))
    } finally {
      unlock(lock)
    }
  }
}

/**
 * The reporter's messages about one source file in a build's `stderr`: the
 * block under the line naming it (the reporter prints one block per file,
 * its path relative to the build's folder), up to the next blank line.
 */
export function messagesFor(stderr: string, file: string): string {
  const lines = stderr.split('\n')
  const start = lines.findIndex((line) => line.trim().endsWith(path.basename(file)) && !/^\s/.test(line))
  if (start < 0) return ''
  const end = lines.findIndex((line, i) => i > start && line.trim() === '')
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n')
}
