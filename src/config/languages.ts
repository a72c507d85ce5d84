/**
 * Languages chapkhana knows how to set, with their writing direction and the
 * words the outputs need in that language. A document's `lang` must start
 * with one of these primary subtags (BCP 47: `ckb`, `ar`, `fa-IR`, …).
 */
export type Direction = 'rtl' | 'ltr'

/** Words a rendering prints around the text (labels, headings, colophon). */
export interface LanguageWords {
  readonly footnotes: string
  readonly backToReference: string
  readonly contents: string
  readonly cover: string
  readonly edition: string
  readonly typeface: string
  readonly landmarks: string
  readonly titlePage: string
  /** Colophon heading before the edition number: "Corrections since edition 2". */
  readonly correctionsSince: string
  /** One correction, `{old}` and `{new}` filled in (Amiri has no arrows, so words say it). */
  readonly correction: string
}

/** What chapkhana knows of one language. */
export interface LanguageInfo {
  readonly dir: Direction
  /** Digits used for page numbers and edition numbers. */
  readonly digits: 'arabic-indic' | 'persian' | 'latin'
  readonly words: LanguageWords
}

const english: LanguageWords = {
  footnotes: 'Notes',
  backToReference: 'Back to reference',
  contents: 'Contents',
  cover: 'Cover',
  edition: 'Edition',
  typeface: 'Typeface',
  landmarks: 'Landmarks',
  titlePage: 'Title page',
  correctionsSince: 'Corrections since edition',
  correction: '“{old}” corrected to “{new}”'
}

export const LANGUAGES: Readonly<Record<string, LanguageInfo>> = {
  ckb: {
    dir: 'rtl',
    digits: 'arabic-indic',
    words: {
      footnotes: 'پەراوێزەکان',
      backToReference: 'گەڕانەوە بۆ دەق',
      contents: 'ناوەڕۆک',
      cover: 'بەرگ',
      edition: 'چاپ',
      typeface: 'فۆنت',
      landmarks: 'نیشانەکان',
      titlePage: 'لاپەڕەی ناونیشان',
      correctionsSince: 'ڕاستکردنەوەکان لە دوای چاپی',
      correction: '«{old}» کرا بە «{new}»'
    }
  },
  ar: {
    dir: 'rtl',
    digits: 'arabic-indic',
    words: {
      footnotes: 'الحواشي',
      backToReference: 'العودة إلى النص',
      contents: 'المحتويات',
      cover: 'الغلاف',
      edition: 'الطبعة',
      typeface: 'الخط',
      landmarks: 'معالم',
      titlePage: 'صفحة العنوان',
      correctionsSince: 'التصحيحات منذ الطبعة',
      correction: '«{old}» صُحّحت إلى «{new}»'
    }
  },
  fa: {
    dir: 'rtl',
    digits: 'persian',
    words: {
      footnotes: 'پانوشت‌ها',
      backToReference: 'بازگشت به متن',
      contents: 'فهرست',
      cover: 'جلد',
      edition: 'ویرایش',
      typeface: 'قلم',
      landmarks: 'نشانه‌ها',
      titlePage: 'صفحهٔ عنوان',
      correctionsSince: 'اصلاحات پس از ویرایش',
      correction: '«{old}» به «{new}» اصلاح شد'
    }
  },
  ur: { dir: 'rtl', digits: 'persian', words: english },
  ps: { dir: 'rtl', digits: 'persian', words: english },
  ug: { dir: 'rtl', digits: 'latin', words: english },
  he: { dir: 'rtl', digits: 'latin', words: english },
  yi: { dir: 'rtl', digits: 'latin', words: english },
  en: { dir: 'ltr', digits: 'latin', words: english },
  kmr: { dir: 'ltr', digits: 'latin', words: english },
  ku: { dir: 'ltr', digits: 'latin', words: english },
  tr: { dir: 'ltr', digits: 'latin', words: english },
  de: { dir: 'ltr', digits: 'latin', words: english },
  fr: { dir: 'ltr', digits: 'latin', words: english }
}

const TAG = /^([a-z]{2,3})(?:-[A-Za-z0-9]{1,8})*$/

/** The language entry for a BCP 47 tag, or `undefined` when unknown. */
export function languageInfo(tag: string): LanguageInfo | undefined {
  const match = TAG.exec(tag)
  return match?.[1] ? LANGUAGES[match[1]] : undefined
}

/** The tags chapkhana knows, for error messages. */
export function knownLanguages(): string {
  return Object.keys(LANGUAGES).join(', ')
}
