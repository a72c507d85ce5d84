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
 *
 * The table of faces lives here, apart from the subsetting in `fonts.ts`, so
 * that the browser's launch can read it without loading harfbuzz.
 */
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

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
  /**
   * Its PostScript name, as the TTF's name table says it: how CSS `local()`
   * asks the system (chapkhana's own fontconfig, `browser/fontconfig.ts`) for it.
   */
  readonly postscript: string
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
const face = (weight: 400 | 700, style: 'normal' | 'italic', dir: string, name: string, postscript: string): FontFace => ({
  family: FAMILY,
  weight,
  style,
  file: path.join(PKG, dir, `Amiri_${dir}.ttf`),
  name,
  postscript
})

/** The book face. */
export const BOOK_FONT: FontFamily = {
  family: FAMILY,
  displayName: 'Amiri',
  licence: 'SIL Open Font License 1.1',
  licenceFile: path.join(PKG, 'LICENSE_FONT'),
  faces: [
    face(400, 'normal', '400Regular', 'amiri-regular.ttf', 'Amiri-Regular'),
    face(700, 'normal', '700Bold', 'amiri-bold.ttf', 'Amiri-Bold'),
    face(400, 'italic', '400Regular_Italic', 'amiri-italic.ttf', 'Amiri-Italic'),
    face(700, 'italic', '700Bold_Italic', 'amiri-bold-italic.ttf', 'Amiri-BoldItalic')
  ]
}

const MONO_PKG = path.dirname(require.resolve('@expo-google-fonts/jetbrains-mono/package.json'))
const MONO_FAMILY = 'Chapkhana Mono'
const monoFace = (weight: 400 | 700, dir: string, name: string): FontFace => ({
  family: MONO_FAMILY,
  weight,
  style: 'normal',
  file: path.join(MONO_PKG, dir, `JetBrainsMono_${dir}.ttf`),
  name,
  postscript: `JetBrainsMono-${dir.replace(/^\d+/, '')}`
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

/** The folders the faces' files are in: what a locked page may read when it names them (`browser/page.ts`). */
export const FACE_DIRS: readonly string[] = [...new Set(ALL_FACES.map((f) => path.dirname(f.file)))]
