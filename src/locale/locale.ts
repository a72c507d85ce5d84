/**
 * One locale object per document, computed once from its BCP 47 tag and
 * carried on `file.data.locale`: direction, digits, the Intl numbering
 * system, the CSS counter style, separators and every word an output
 * prints. Renderers ask the locale; none keeps its own table.
 */
import { parse } from 'bcp-47'
import { LANGUAGES, RTL_SCRIPTS, type Direction, type LanguageFacts, type NumberingSystem, type Words } from './languages.ts'

export type { Direction, NumberingSystem, Words } from './languages.ts'

/** CSS counter styles matching the numbering systems (CSS Counter Styles 3). */
export type CounterStyle = 'arabic-indic' | 'persian' | 'decimal'

/** Everything language-dependent an output needs. */
export interface Locale {
  /** The tag as the document wrote it (`ckb`, `fa-IR`). */
  readonly tag: string
  /** Its primary language subtag, lower case. */
  readonly language: string
  /** English name of the language, for messages. */
  readonly name: string
  /** ISO 15924 script: the tag's own script subtag, else the language's usual one. */
  readonly script: string
  readonly direction: Direction
  /** The ten native digits 0–9 (`٠١٢٣٤٥٦٧٨٩`), or null when the language writes ASCII digits. */
  readonly digits: string | null
  readonly numberingSystem: NumberingSystem
  readonly counterStyle: CounterStyle
  /** Between items of a list (authors): the Arabic comma in Arabic script. */
  readonly listSeparator: string
  /**
   * Between two facts (date and edition, format and size): the Arabic comma
   * beside native digits, where a middle dot would read as their zero (٠ ۰).
   */
  readonly factSeparator: string
  readonly words: Words
  /** `n` in the language's digits, without grouping (edition 2, note 12, year 1949). */
  number(n: number): string
  /** An ISO date (`YYYY-MM-DD`) written out in the language and its digits; the ISO text when Intl cannot. */
  date(iso: string): string
}

const COUNTER: Readonly<Record<NumberingSystem, CounterStyle>> = { arab: 'arabic-indic', arabext: 'persian', latn: 'decimal' }

/** The facts for `tag`'s primary language, or `undefined` when chapkhana does not know it. */
function factsOf(tag: string): { language: string; script: string | null; facts: LanguageFacts } | undefined {
  const schema = parse(tag)
  const language = schema.language?.toLowerCase()
  const facts = language === undefined ? undefined : LANGUAGES[language]
  return language && facts ? { language, script: schema.script ?? null, facts } : undefined
}

/** Whether chapkhana can set documents tagged `tag`. */
export function isKnownLanguage(tag: string): boolean {
  return factsOf(tag) !== undefined
}

/** The tags chapkhana knows, for error messages. */
export function knownLanguages(): string {
  return Object.keys(LANGUAGES).join(', ')
}

const cache = new Map<string, Locale>()

/**
 * The locale of `tag`. `direction` overrides the language's own (a document
 * may say `dir: ltr`). Throws a TypeError for a tag chapkhana does not know:
 * callers validate tags first (see `isKnownLanguage`).
 */
export function localeOf(tag: string, direction?: Direction): Locale {
  const key = `${tag}|${direction ?? ''}`
  const cached = cache.get(key)
  if (cached) return cached
  const found = factsOf(tag)
  if (!found) throw new TypeError(`localeOf: unknown language tag ${JSON.stringify(tag)}; known: ${knownLanguages()}`)
  const { language, facts } = found
  const script = found.script ? found.script[0]?.toUpperCase() + found.script.slice(1).toLowerCase() : facts.script
  // `ckb-Latn` is Sorani in Latin letters: left to right, ASCII digits.
  const ownScript = script === facts.script
  const numberingSystem: NumberingSystem = ownScript ? facts.numberingSystem : 'latn'
  // ICU's number formatter costs ~20 ms to make: made on first use, which `lint` never has.
  let numbers: Intl.NumberFormat | undefined
  const format = (n: number): string => (numbers ??= new Intl.NumberFormat('en', { numberingSystem, useGrouping: false })).format(n)
  let digits: string | null | undefined
  const arabic = script === 'Arab'
  const locale: Locale = {
    tag,
    language,
    name: facts.name,
    script,
    direction: direction ?? (RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr'),
    get digits(): string | null {
      digits ??= numberingSystem === 'latn' ? null : Array.from({ length: 10 }, (_, d) => format(d)).join('')
      return digits
    },
    numberingSystem,
    counterStyle: COUNTER[numberingSystem],
    listSeparator: arabic ? '، ' : ', ',
    factSeparator: numberingSystem === 'latn' ? ' · ' : '، ',
    words: facts.words,
    number: format,
    date: (iso) => formatDate(iso, tag, numberingSystem)
  }
  cache.set(key, locale)
  return locale
}

/** `iso` as a long date in `tag`, digits from `numberingSystem` (CLDR writes `ar` dates in ASCII digits otherwise). */
function formatDate(iso: string, tag: string, numberingSystem: NumberingSystem): string {
  const date = new Date(`${iso}T12:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(date.getTime())) return iso
  try {
    return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC', numberingSystem }).format(date)
  } catch {
    return iso
  }
}
