/**
 * The words the download page and the collection print, per language, and
 * file sizes written in the document's language and digits. Kept beside the
 * site (not in `config/languages.ts`) so the book's word list stays what the
 * EPUB and PDF need.
 */
import { languageInfo } from '../../config/languages.ts'

/** Labels of the reader-facing pages. */
export interface SiteWords {
  readonly collection: string
  readonly download: string
  readonly read: string
  readonly earlierEditions: string
  readonly articles: string
  readonly coverOf: string
  readonly skipToText: string
  readonly backToCollection: string
}

const english: SiteWords = {
  collection: 'Collection',
  download: 'Download',
  read: 'Read',
  earlierEditions: 'Earlier editions',
  articles: 'Articles',
  coverOf: 'Cover of',
  skipToText: 'Skip to the text',
  backToCollection: 'All articles'
}

const WORDS: Readonly<Record<string, SiteWords>> = {
  ckb: {
    collection: 'کۆکراوە',
    download: 'داگرتن',
    read: 'خوێندنەوە',
    earlierEditions: 'چاپەکانی پێشوو',
    articles: 'وتارەکان',
    coverOf: 'بەرگی',
    skipToText: 'بازدان بۆ دەق',
    backToCollection: 'هەموو وتارەکان'
  },
  ar: {
    collection: 'المجموعة',
    download: 'تنزيل',
    read: 'قراءة',
    earlierEditions: 'الطبعات السابقة',
    articles: 'المقالات',
    coverOf: 'غلاف',
    skipToText: 'الانتقال إلى النص',
    backToCollection: 'كل المقالات'
  },
  fa: {
    collection: 'مجموعه',
    download: 'دریافت',
    read: 'خواندن',
    earlierEditions: 'ویرایش‌های پیشین',
    articles: 'نوشته‌ها',
    coverOf: 'جلد',
    skipToText: 'پرش به متن',
    backToCollection: 'همهٔ نوشته‌ها'
  }
}

/** The page words for a BCP 47 tag (English where chapkhana has none yet). */
export function siteWords(lang: string): SiteWords {
  return WORDS[lang.split('-')[0] ?? ''] ?? english
}

/** The numbering system of `lang`'s digits, for Intl. */
export function numberingSystem(lang: string): 'arab' | 'arabext' | 'latn' {
  const digits = languageInfo(lang)?.digits
  return digits === 'arabic-indic' ? 'arab' : digits === 'persian' ? 'arabext' : 'latn'
}

/** `bytes` as "138 kB" / "1.3 MB" in `lang`'s words and digits. */
export function sizeLabel(bytes: number, lang: string): string {
  const mega = bytes >= 1_000_000
  const format = (l: string): string =>
    new Intl.NumberFormat(l, { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', maximumFractionDigits: mega ? 1 : 0, numberingSystem: numberingSystem(lang) }).format(
      mega ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000))
    )
  try {
    return format(lang)
  } catch {
    return format('en')
  }
}

/**
 * What stands between two facts (format and size, date and edition): the
 * Arabic comma beside Arabic-Indic or Persian digits, where a middle dot
 * would read as their zero (as `separator` in `edition.ts`).
 */
export function separatorFor(lang: string): string {
  return languageInfo(lang)?.digits === 'latin' ? ' · ' : '، '
}
