/**
 * The fontconfig of the browser chapkhana launches: the machine's own, plus
 * chapkhana's faces as system fonts, so that print can ask for them with CSS
 * `local()` instead of loading them as web fonts.
 *
 * Why: a web font is loaded, sanitised and decoded again by every document,
 * and the words shaped in it are cached with that document's copy only. A
 * book is printed as ten documents or more (drafts, finals, parts), so each
 * one shaped its text from nothing. A system font is decoded once per
 * renderer and its shaping cache outlives the document: the 50-chapter
 * book's ten renderings took 3.5 s instead of 4.1 s, with every page the
 * same pixels and the same text layer (docs/benchmarks.md).
 *
 * A font the machine has under the same PostScript name (Debian's
 * fonts-hosny-amiri is an older Amiri) must not stand in for chapkhana's:
 * every font of that name is refused except chapkhana's own files.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { ALL_FACES, type FontFace } from '../fonts/faces.ts'

/** The machine's configuration, which chapkhana's includes (fontconfig's own default). */
const SYSTEM_CONFIG = '/etc/fonts/fonts.conf'

const text = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * A fontconfig file: `base` (the machine's configuration), the folders of
 * `faces`, and only those files under the faces' PostScript names.
 */
export function fontconfigXml(faces: readonly FontFace[], base: string): string {
  const dirs = [...new Set(faces.map((f) => path.dirname(f.file)))]
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    `  <include ignore_missing="yes">${text(base)}</include>`,
    ...dirs.map((dir) => `  <dir>${text(dir)}</dir>`),
    '  <selectfont>',
    // An accepted font is never rejected: chapkhana's own stay, any other of their names goes.
    // (A <glob> would not do: files and fonts are accepted separately, and the font would still be refused.)
    '    <acceptfont>',
    ...faces.map((f) => `      <pattern><patelt name="file"><string>${text(f.file)}</string></patelt></pattern>`),
    '    </acceptfont>',
    '    <rejectfont>',
    ...faces.map((f) => `      <pattern><patelt name="postscriptname"><string>${text(f.postscript)}</string></patelt></pattern>`),
    '    </rejectfont>',
    '  </selectfont>',
    '</fontconfig>',
    ''
  ].join('\n')
}

/**
 * Whether the browser can be given chapkhana's fontconfig: on Linux, where
 * Chromium finds its fonts through fontconfig. Elsewhere print loads the
 * faces as web fonts, as the EPUB does.
 */
export const SYSTEM_FACES = process.platform === 'linux'

/**
 * Write chapkhana's fontconfig into `dir` (the browser's profile, removed
 * with it) and return the environment to launch the browser with.
 * `env.FONTCONFIG_FILE`, when set, is the configuration it includes.
 */
export function fontconfigEnv(dir: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (!SYSTEM_FACES) return env
  const file = path.join(dir, 'fonts.conf')
  writeFileSync(file, fontconfigXml(ALL_FACES, env.FONTCONFIG_FILE ?? SYSTEM_CONFIG))
  return { ...env, FONTCONFIG_FILE: file }
}
