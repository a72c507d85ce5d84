/**
 * The languages chapkhana sets, keyed by BCP 47 primary language subtag:
 * their usual script, direction and digits. Only facts live here; the words
 * each language prints are in `words/<language>.json` (languages without a
 * file print English words until someone translates them).
 */
import ar from './words/ar.json' with { type: 'json' }
import ckb from './words/ckb.json' with { type: 'json' }
import en from './words/en.json' with { type: 'json' }
import fa from './words/fa.json' with { type: 'json' }

/** Writing direction of a text. */
export type Direction = 'rtl' | 'ltr'

/** Intl numbering systems chapkhana prints digits in. */
export type NumberingSystem = 'arab' | 'arabext' | 'latn'

/** Every word a rendering prints around the text (book, reader page). */
export type Words = typeof en

/** What chapkhana knows of one language. */
export interface LanguageFacts {
  /** English name, for messages ("Sorani", "Arabic"). */
  readonly name: string
  /** ISO 15924 code of the script the language is usually written in. */
  readonly script: string
  /** Digits used for numbers (edition, pages, notes, dates) in that script. */
  readonly numberingSystem: NumberingSystem
  readonly words: Words
}

// Each file must have every English key: a missing word would print "undefined".
const checked = (words: Record<keyof Words, string>): Words => words

/** The known languages. Arabic-Indic digits for Sorani and Arabic, Persian (extended) digits for Persian, Urdu and Pashto. */
export const LANGUAGES: Readonly<Record<string, LanguageFacts>> = {
  ckb: { name: 'Sorani', script: 'Arab', numberingSystem: 'arab', words: checked(ckb) },
  ar: { name: 'Arabic', script: 'Arab', numberingSystem: 'arab', words: checked(ar) },
  fa: { name: 'Persian', script: 'Arab', numberingSystem: 'arabext', words: checked(fa) },
  ur: { name: 'Urdu', script: 'Arab', numberingSystem: 'arabext', words: en },
  ps: { name: 'Pashto', script: 'Arab', numberingSystem: 'arabext', words: en },
  ug: { name: 'Uyghur', script: 'Arab', numberingSystem: 'latn', words: en },
  he: { name: 'Hebrew', script: 'Hebr', numberingSystem: 'latn', words: en },
  yi: { name: 'Yiddish', script: 'Hebr', numberingSystem: 'latn', words: en },
  en: { name: 'English', script: 'Latn', numberingSystem: 'latn', words: en },
  kmr: { name: 'Kurmanji', script: 'Latn', numberingSystem: 'latn', words: en },
  ku: { name: 'Kurdish', script: 'Latn', numberingSystem: 'latn', words: en },
  tr: { name: 'Turkish', script: 'Latn', numberingSystem: 'latn', words: en },
  de: { name: 'German', script: 'Latn', numberingSystem: 'latn', words: en },
  fr: { name: 'French', script: 'Latn', numberingSystem: 'latn', words: en }
}

/** Scripts written right to left (ISO 15924), for tags that name their script. */
export const RTL_SCRIPTS: ReadonlySet<string> = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr'])
