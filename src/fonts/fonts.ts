/**
 * The typeface chapkhana sets books in, installed from npm as TTF so that no
 * output depends on the fonts a machine happens to have: Amiri (SIL Open Font
 * License 1.1), a Naskh that covers every Sorani, Arabic and Persian letter,
 * Arabic-Indic and Persian digits, and Latin letters and punctuation of its
 * own, so it is its own Latin companion.
 *
 * Why not Noto Naskh Arabic from npm: its Google Fonts build positions glyphs
 * so that PDF text extraction breaks words apart ("ب ۆ" for "بۆ"); Amiri's
 * text layer extracts whole words (measured with pdftotext).
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { setFlagsFromString } from 'node:v8'
import subsetFont from 'subset-font'
import { remembered } from '../util/artifacts.ts'

const require = createRequire(import.meta.url)

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

/** One font file of the family. */
export interface FontFace {
  /** CSS family name, unique to chapkhana so no system font can stand in. */
  readonly family: string
  readonly weight: 400 | 700
  readonly style: 'normal' | 'italic'
  /** Absolute path of the TTF. */
  readonly file: string
  /** Short file name used inside outputs. */
  readonly name: string
}

/** A family with its human name and licence, for colophons. */
export interface FontFamily {
  readonly family: string
  readonly displayName: string
  readonly licence: string
  readonly licenceFile: string
  readonly faces: readonly FontFace[]
}

const PKG = path.dirname(require.resolve('@expo-google-fonts/amiri/package.json'))
const FAMILY = 'Chapkhana Amiri'
const face = (weight: 400 | 700, style: 'normal' | 'italic', dir: string, name: string): FontFace => ({
  family: FAMILY,
  weight,
  style,
  file: path.join(PKG, dir, `Amiri_${dir}.ttf`),
  name
})

/** The book face. */
export const BOOK_FONT: FontFamily = {
  family: FAMILY,
  displayName: 'Amiri',
  licence: 'SIL Open Font License 1.1',
  licenceFile: path.join(PKG, 'LICENSE_FONT'),
  faces: [
    face(400, 'normal', '400Regular', 'amiri-regular.ttf'),
    face(700, 'normal', '700Bold', 'amiri-bold.ttf'),
    face(400, 'italic', '400Regular_Italic', 'amiri-italic.ttf'),
    face(700, 'italic', '700Bold_Italic', 'amiri-bold-italic.ttf')
  ]
}

const MONO_PKG = path.dirname(require.resolve('@expo-google-fonts/jetbrains-mono/package.json'))
const MONO_FAMILY = 'Chapkhana Mono'
const monoFace = (weight: 400 | 700, dir: string, name: string): FontFace => ({
  family: MONO_FAMILY,
  weight,
  style: 'normal',
  file: path.join(MONO_PKG, dir, `JetBrainsMono_${dir}.ttf`),
  name
})

/**
 * The face code is set in: JetBrains Mono (SIL Open Font License 1.1), a
 * monospaced face so columns and indentation line up; it has no Arabic
 * script, which falls back to Amiri (`font-family` in base.css).
 */
export const CODE_FONT: FontFamily = {
  family: MONO_FAMILY,
  displayName: 'JetBrains Mono',
  licence: 'SIL Open Font License 1.1',
  licenceFile: path.join(MONO_PKG, 'LICENSE_FONT'),
  faces: [monoFace(400, '400Regular', 'jetbrains-mono-regular.ttf'), monoFace(700, '700Bold', 'jetbrains-mono-bold.ttf')]
}

/** Every face chapkhana may set text in. */
export const ALL_FACES: readonly FontFace[] = [...BOOK_FONT.faces, ...CODE_FONT.faces]

/**
 * `@font-face` rules for the faces, with `url()` made by `href` (a relative
 * path inside an EPUB, a `file:` URL for print).
 */
export function fontFaceCss(href: (face: FontFace) => string, faces: readonly FontFace[] = ALL_FACES): string {
  return faces
    .map((f) => `@font-face { font-family: "${f.family}"; font-weight: ${f.weight}; font-style: ${f.style}; src: url("${href(f)}") format("truetype"); }`)
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

/**
 * A TTF of `face` holding only the glyphs needed for `text`, with all the
 * OpenType layout features (init/medi/fina, ligatures, marks) kept so that
 * Arabic script still shapes.
 */
export async function subsetFace(f: FontFace, text: string): Promise<Buffer> {
  // The subset depends only on which characters occur: a correction that
  // brings no new letter reuses the last subset.
  const chars = [...new Set(text)].sort().join('')
  const key = createHash('sha256').update(`${f.file}\0${(await fontBytes(f)).length}\0${chars}`).digest('hex')
  return remembered(key, async () => subsetFont(await fontBytes(f), chars, { targetFormat: 'sfnt' }))
}
