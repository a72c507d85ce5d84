/**
 * The files a reader page links to, written under `out/assets/`: the book
 * face subset to the page's letters as WOFF2 (a third of the TTF's bytes),
 * and one stylesheet (base typography plus the screen styles).
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import subsetFont from 'subset-font'
import { BOOK_FONT, fontBytes, type FontFace } from '../../fonts/fonts.ts'
import { remembered } from '../../util/artifacts.ts'
import { writeFileAtomic } from '../../util/atomic.ts'
import { stylesheet } from '../styles.ts'

/** Folder, inside the output folder, of the shared files. */
export const ASSETS = 'assets'

/** Digits of every style and the page's punctuation, so no label misses a glyph. */
const ALWAYS = '0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹.,،:·-–—()«» kBMBEPUDF'

/** A WOFF2 of `face` holding the glyphs of `text` (remembered by the letters used). */
async function woff2(face: FontFace, text: string): Promise<Buffer> {
  const chars = [...new Set(text + ALWAYS)].sort().join('')
  const key = createHash('sha256').update(`site-woff2\0${face.file}\0${(await fontBytes(face)).length}\0${chars}`).digest('hex')
  return remembered(key, async () => subsetFont(await fontBytes(face), chars, { targetFormat: 'woff2' }))
}

/**
 * Write `assets/<prefix>-<face>.woff2` for `faces` (by default regular and
 * bold: the collection sets nothing in italic) and return their
 * `@font-face` rules, with URLs relative to the output folder.
 */
export async function writePageFonts(outDir: string, prefix: string, text: string, faces: readonly FontFace[] = BOOK_FONT.faces.filter((f) => f.style === 'normal')): Promise<{ css: string; files: string[] }> {
  const files: string[] = []
  const rules: string[] = []
  for (const face of faces) {
    const name = `${prefix}-${face.name.replace(/\.ttf$/, '')}.woff2`
    const href = `${ASSETS}/${name}`
    files.push(await writeFileAtomic(path.join(outDir, ASSETS, name), await woff2(face, text)))
    rules.push(`@font-face { font-family: "${face.family}"; font-weight: ${face.weight}; font-style: ${face.style}; font-display: swap; src: url("${href}") format("woff2"); }`)
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
