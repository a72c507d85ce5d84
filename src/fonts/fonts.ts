/**
 * The faces' bytes, their subsets and their `@font-face` rules (the faces
 * themselves, and why Amiri, are in `faces.ts`).
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { setFlagsFromString } from 'node:v8'
import subsetFont from 'subset-font'
import { remembered } from '../util/artifacts.ts'
import { ALL_FACES, type FontFace } from './faces.ts'

export { ALL_FACES, BOOK_FONT, CODE_FONT, FACE_DIRS, type FontFace, type FontFamily } from './faces.ts'

/**
 * harfbuzz (subset-font's WebAssembly, the only WebAssembly chapkhana runs)
 * stays with V8's baseline compiler, Liftoff. By default V8 recompiles its hot
 * functions with TurboFan on background threads, which costs more than it
 * wins for the few subsets a build makes (four faces of the 50-chapter book's
 * text: 490–655 ms with tier-up, 136–141 ms without), and the compiler's
 * working memory stays in those threads' malloc arenas: a cold build of the
 * 50-chapter book held 40 MiB more in Node while Chromium printed. V8 reads
 * these flags when the process first compiles WebAssembly: the command has
 * none before the first subset instantiates harfbuzz (a loader with
 * WebAssembly of its own, as tsx has, compiles first, and the flags then do
 * not reach harfbuzz). They change how harfbuzz is compiled, never what it
 * computes.
 */
setFlagsFromString('--no-wasm-dynamic-tiering --no-wasm-tier-up')

/**
 * `@font-face` rules for the faces, with `url()` made by `href` (a relative
 * path inside an EPUB, a `file:` URL for print). `local`: ask the system for
 * the face by its PostScript name first, the file only if it has none (print,
 * in a browser that sees chapkhana's own fontconfig: `browser/fontconfig.ts`).
 */
export function fontFaceCss(href: (face: FontFace) => string, faces: readonly FontFace[] = ALL_FACES, options: { readonly local?: boolean } = {}): string {
  return faces
    .map((f) => `@font-face { font-family: "${f.family}"; font-weight: ${f.weight}; font-style: ${f.style}; src: ${options.local ? `local("${f.postscript}"), ` : ''}url("${href(f)}") format("truetype"); }`)
    .join('\n')
}

const fontCache = new Map<string, Promise<Buffer>>()

/** Bytes of a face, read once per process. */
export function fontBytes(f: FontFace): Promise<Buffer> {
  let bytes = fontCache.get(f.file)
  if (!bytes) {
    bytes = readFile(f.file)
    fontCache.set(f.file, bytes)
  }
  return bytes
}

/** The last texts asked about and their characters: the faces of one book share one text. */
const characterCache = new Map<string, string>()

/**
 * Every character of `text` once, in UTF-16 order (the order `[...new Set(text)].sort()`
 * gives, so remembered subsets keep their keys). A 50-chapter book is 1.3 million
 * characters: its string iterator and Set took 60-75 ms of every build, once per face;
 * a table of the code points seen takes a few.
 */
export function charactersOf(text: string): string {
  const known = characterCache.get(text)
  if (known !== undefined) return known
  const seen = new Uint8Array(0x110000)
  const found: string[] = []
  for (let i = 0; i < text.length; i++) {
    const point = text.codePointAt(i)!
    if (point > 0xffff) i++
    if (seen[point] === 1) continue
    seen[point] = 1
    found.push(String.fromCodePoint(point))
  }
  const chars = found.sort().join('')
  if (characterCache.size >= 4) characterCache.delete(characterCache.keys().next().value!)
  characterCache.set(text, chars)
  return chars
}

/**
 * A TTF of `face` holding only the glyphs needed for `text`, with all the
 * OpenType layout features (init/medi/fina, ligatures, marks) kept so that
 * Arabic script still shapes.
 */
export async function subsetFace(f: FontFace, text: string): Promise<Buffer> {
  // The subset depends only on which characters occur: a correction that
  // brings no new letter reuses the last subset.
  const chars = charactersOf(text)
  const key = createHash('sha256').update(`${f.file}\0${(await fontBytes(f)).length}\0${chars}`).digest('hex')
  return remembered(key, async () => subsetFont(await fontBytes(f), chars, { targetFormat: 'sfnt' }))
}
