/**
 * File sizes on the reader pages, written in the document's language and
 * digits. The page words themselves are the locale's (`src/locale/words/`).
 */
import { localeOf } from '../../locale/index.ts'

/** `bytes` as "138 kB" / "1.3 MB" in `lang`'s words and digits. */
export function sizeLabel(bytes: number, lang: string): string {
  const mega = bytes >= 1_000_000
  const { numberingSystem } = localeOf(lang)
  const format = (l: string): string =>
    new Intl.NumberFormat(l, { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', maximumFractionDigits: mega ? 1 : 0, numberingSystem }).format(
      mega ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000))
    )
  try {
    return format(lang)
  } catch {
    return format('en')
  }
}
