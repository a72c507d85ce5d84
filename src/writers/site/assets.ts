/**
 * The files a reader page links to, written under `out/assets/`: the book
 * face subset to the page's letters as WOFF, and one stylesheet (base
 * typography plus the screen styles). Why WOFF, not WOFF2: measured on the
 * seed's regular face, TTF 79 KB in 60 ms, WOFF 47 KB in 50–100 ms, WOFF2
 * 37 KB but 650 ms for the first face of a process (the Brotli WebAssembly
 * starting) and 140 ms for each after: over a second added to a cold build
 * of one article, for 10 KB a face. The WOFF is made by `fonts/woff.ts`
 * (Node's zlib), not by subset-font's converter (JavaScript deflate).
 */
import path from 'node:path'
import { BOOK_FONT, subsetFace, type FontFace } from '../../fonts/fonts.ts'
import { sfntToWoff } from '../../fonts/woff.ts'
import { writeFileAtomic } from '../../util/atomic.ts'
import { allDigits } from '../../locale/index.ts'
import { stylesheet } from '../../publication/styles.ts'

/** Folder, inside the output folder, of the shared files. */
export const ASSETS = 'assets'

/**
 * Digits of every style and the page's punctuation, so no label misses a
 * glyph. Made on first use, not when the module loads: the digits come from
 * ICU's number formatters (~20 ms to make), and a build loads this module
 * while it parses the text, when both cores are busy.
 */
let always: string | undefined
const ALWAYS = (): string => (always ??= `${allDigits()}.,،:·-–—()«» kBMBEPUDF`)

/**
 * The WOFF of each subset this process made a page with. A subset is
 * remembered by its letters and handed out as the same buffer, so a `watch`
 * rebuild whose correction brought no new letter reuses the WOFF too, not
 * only the subset (wrapping two faces cost 15–70 ms a rebuild of the seed).
 */
const woffs = new WeakMap<Buffer, Buffer>()

/**
 * A WOFF of `face` holding the glyphs of `text`: the subset TTF (remembered
 * by the letters used, like every subset), wrapped by Node's zlib.
 */
export async function pageFont(face: FontFace, text: string): Promise<Buffer> {
  const sfnt = await subsetFace(face, text + ALWAYS())
  const known = woffs.get(sfnt)
  if (known) return known
  const made = sfntToWoff(sfnt)
  woffs.set(sfnt, made)
  return made
}

/**
 * Write `assets/<prefix>-<face>.woff` for `faces` (by default regular and
 * bold: the collection sets nothing in italic) and return their
 * `@font-face` rules, with URLs relative to the output folder.
 */
export async function writePageFonts(outDir: string, prefix: string, text: string, faces: readonly FontFace[] = BOOK_FONT.faces.filter((f) => f.style === 'normal')): Promise<{ css: string; files: string[] }> {
  const files: string[] = []
  const rules: string[] = []
  for (const face of faces) {
    const name = `${prefix}-${face.name.replace(/\.ttf$/, '')}.woff`
    const href = `${ASSETS}/${name}`
    files.push(await writeFileAtomic(path.join(outDir, ASSETS, name), await pageFont(face, text)))
    rules.push(`@font-face { font-family: "${face.family}"; font-weight: ${face.weight}; font-style: ${face.style}; font-display: swap; src: url("${href}") format("woff"); }`)
  }
  return { css: rules.join('\n'), files }
}

/** Name of the shared stylesheet inside the output folder. */
export const SITE_CSS = `${ASSETS}/site.css`

/** Write `assets/site.css` (base typography, then the screen styles); returns its path. */
export async function writeSiteCss(outDir: string): Promise<string> {
  const css = [await stylesheet('base'), await stylesheet('site')].join('\n')
  return writeFileAtomic(path.join(outDir, SITE_CSS), css)
}
