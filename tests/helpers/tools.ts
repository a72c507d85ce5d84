/**
 * The real checkers the end-to-end tests use: EPUBCheck (Java), poppler's
 * pdfinfo/pdffonts/pdftotext, Ace by DAISY, and the chapkhana CLI itself.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { epubcheckOutput } from './epubcheck.ts'
import { CLI, ROOT } from './paths.ts'

/**
 * Run the CLI (`bin/chapkhana.js`); returns its exit code and output. The
 * time allowed is a guard against a hung build, not a speed check (speed is
 * `npm run bench`'s): five texts built with a PDF each took over 180 s on the
 * 2-core machine shared by six test runs.
 */
export function chapkhana(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, encoding: 'utf8', timeout: options.timeout ?? 900_000, maxBuffer: 256 * 1024 * 1024 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/**
 * EPUBCheck's verdict on `file`, from one check: its full output holds every
 * message and the summary line. The check runs in the JVM the whole test run
 * shares (epubcheck.ts).
 */
export function epubcheck(file: string): { errors: number; warnings: number; fatals: number; output: string } {
  const output = epubcheckOutput(file)
  const m = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output)
  if (!m) throw new Error(`EPUBCheck printed no summary:\n${output}`)
  return { fatals: Number(m[1]), errors: Number(m[2]), warnings: Number(m[3]), output }
}

/** `pdfinfo` as a key → value map. */
export function pdfinfo(file: string, extra: readonly string[] = []): Record<string, string> {
  const out = execFileSync('pdfinfo', [...extra, file], { encoding: 'utf8' })
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]))
}

/** Rows of `pdffonts`: name, type, emb, sub. */
export function pdffonts(file: string): { name: string; embedded: boolean; subset: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '')
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/)
    // The last columns are: emb sub uni object-number generation.
    return { name: cols[0] ?? '', embedded: cols.at(-5) === 'yes', subset: cols.at(-4) === 'yes' }
  })
}

/**
 * What `read` gives for the whole of `file` (and `variant` of the reading), kept while the file is the same
 * (path, inode, size, modification time): the print tests ask for one page
 * after another, and one poppler run over a 60-page PDF costs about what two
 * or three single-page runs do.
 */
export function perDocument<T>(cache: Map<string, { stamp: string; value: T }>, file: string, read: () => T, variant = ''): T {
  const info = statSync(file)
  const stamp = `${info.ino}:${info.size}:${info.mtimeMs}`
  const key = `${path.resolve(file)}\0${variant}`
  const known = cache.get(key)
  if (known?.stamp === stamp) return known.value
  const value = read()
  cache.set(key, { stamp, value })
  return value
}

const pageTexts = new Map<string, { stamp: string; value: string[] }>()

/**
 * Text of pages `first`..`last` (all when omitted). A single page comes from
 * one run over the whole document, split at its form feeds: pdftotext lays
 * out each page on its own, so the page's text is the same either way.
 */
export function pdftotext(file: string, first?: number, last?: number): string {
  if (first !== undefined && (last === undefined || last === first)) {
    const pages = perDocument(pageTexts, file, () => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).split('\f'))
    if (first >= 1 && first < pages.length) return `${pages[first - 1]}\f`
  }
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : []
  return execFileSync('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
}

/** The EPUB's entries, as text where they are text. */
export async function unzipEpub(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file))
  const out = new Map<string, Buffer>()
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name]
    if (entry && !entry.dir) out.set(name, await entry.async('nodebuffer'))
  }
  return out
}

/** One word of the text layer with its box, in points from the top left. */
export interface Word {
  readonly text: string
  readonly xMin: number
  readonly yMin: number
  readonly xMax: number
  readonly yMax: number
}

const pageWords = new Map<string, { stamp: string; value: string[] }>()

/**
 * The words of page `page` with their bounding boxes (`pdftotext -bbox`),
 * from one run over the whole document (its `<page>` elements in order).
 */
export function pdfWords(file: string, page: number): Word[] {
  const pages = perDocument(pageWords, file, () =>
    execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).split(/<page\b/).slice(1)
  )
  const html = pages[page - 1] ?? ''
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5] ?? ''
  }))
}

export { ace, aceAll, type AceResult, type AceViolation } from './ace.ts'
