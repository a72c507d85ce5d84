/** The locale a read document carries on `file.data`. */
import type { VFile } from 'vfile'
import { localeOf, type Locale } from './locale.ts'
import '../types/document.ts'

/**
 * The document's locale: `file.data.locale` as `readDocument` set it, else
 * computed (once) from `file.data.lang` and `file.data.dir`. Throws when the
 * file was not read with `readDocument`.
 */
export function localeOfFile(file: VFile): Locale {
  const { lang, dir } = file.data
  const set = file.data.locale
  if (set && set.tag === lang && set.direction === (dir ?? set.direction)) return set
  if (!lang) throw new TypeError(`${file.path}: file.data.lang is not set; read the file with readDocument first`)
  file.data.locale = localeOf(lang, dir)
  return file.data.locale
}
