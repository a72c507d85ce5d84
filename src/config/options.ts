/**
 * Every chapkhana option, declared once: its valibot schema (type, default,
 * validation messages), its description and its command-line flag. The
 * `Config` type, `DEFAULTS`, the CLI's flags and the README's option table
 * are all derived from `OPTIONS`.
 */
import { availableParallelism } from 'node:os'
import * as v from 'valibot'
import { isKnownLanguage, knownLanguages, type Direction } from '../locale/locale.ts'
import { isRuleId, RULE_IDS } from '../proofing/rules-meta.ts'
import { checkTimeoutMs, MAX_TIMEOUT_MS } from './limits.ts'

/** A command-line flag that sets an option. */
export interface FlagSpec {
  /** The flag's name without `--`. */
  readonly name: string
  /** A string flag takes a value (`--out DIR`); a boolean one sets the option to `true`. */
  readonly type: 'string' | 'boolean'
  /** The placeholder shown for the value (`DIR`). */
  readonly value?: string
  /** Turns the flag's text into the option's input (checked by the option's schema afterwards). */
  readonly parse?: (raw: string) => unknown
}

/** One option: how it is checked, what it means, how the command line sets it. */
export interface OptionSpec<S extends v.GenericSchema = v.GenericSchema> {
  readonly schema: S
  readonly description: string
  readonly flag?: FlagSpec
  /** The default as the README states it, when it is not a constant. */
  readonly defaultText?: string
  /** The type as the README states it. */
  readonly typeText: string
}

const option = <S extends v.GenericSchema>(spec: OptionSpec<S>): OptionSpec<S> => spec

const json = (value: unknown): string => JSON.stringify(value)
const NON_EMPTY = 'expected a non-empty string'
const nonEmpty = v.pipe(v.string(NON_EMPTY), v.nonEmpty(NON_EMPTY))

/** A language tag chapkhana knows (optionally with a region). */
export const language = v.custom<string>(
  (input) => typeof input === 'string' && isKnownLanguage(input),
  (issue) => `unknown language ${json(issue.input)}; use one of ${knownLanguages()} (optionally with a region, e.g. ckb-IQ)`
)
/** A writing direction. */
export const direction = v.picklist(['rtl', 'ltr'] as const satisfies readonly Direction[], (issue) => `${json(issue.input)} is not a direction; use rtl or ltr`)
/** Where a PDF prints its notes. */
export const notesPlacement = v.picklist(['foot', 'end'], (issue) => `${json(issue.input)} is not a notes placement; use foot (at the foot of the page) or end (at the end of each chapter)`)

const timeoutMessage = (issue: v.BaseIssue<unknown>): string =>
  `${json(issue.input)} is not a time limit; give a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (about 24 days), e.g. 900000 for 15 minutes`
const JOBS = 'expected a whole number of articles to build at once, from 1 up'
const BOOK_PARTS = 'expected a whole number of characters (0 lays the book out in one document)'

/**
 * Characters a part of a book's PDF holds at least, by default (about 50 A4
 * pages): a book is laid out part by part and merged, so the browser holds
 * one part and the cost grows linearly with the length (issue 17; the size
 * measured in docs/benchmarks.md).
 */
export const DEFAULT_BOOK_PARTS = 120_000
const FORMATS = 'expected a list of "epub", "pdf" and/or "html"'
const PROOFING = 'expected a mapping of rule ids to "off", "warn" or "error"'

/** Edit distance between two short strings (for "did you mean"). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1))
    row = next
  }
  return row[b.length] ?? 0
}

/** The known names close to `name` (ignoring case): a few edits away, or containing it. */
export function closeNames(name: string, known: readonly string[]): string[] {
  const typed = name.toLowerCase()
  return known.filter((k) => {
    const candidate = k.toLowerCase()
    return distance(typed, candidate) <= Math.max(1, Math.floor(candidate.length / 4)) || (typed.length >= 4 && candidate.includes(typed))
  })
}

/** The message for proofing settings naming rules that do not exist. */
function unknownRules(input: unknown): string {
  const unknown = Object.keys(input as object).filter((id) => !isRuleId(id))
  return unknown
    .map((id) => {
      const close = closeNames(id, RULE_IDS)
      return `unknown rule ${json(id)}${close.length ? ` (did you mean ${close.join(' or ')}?)` : ''}`
    })
    .join('; ') + `; known rules: ${RULE_IDS.join(', ')}`
}

export const OPTIONS = {
  contentDir: option({ schema: v.optional(nonEmpty, 'content'), typeText: 'folder', description: 'Folder scanned for `*.md` articles.' }),
  outDir: option({ schema: v.optional(nonEmpty, 'out'), typeText: 'folder', flag: { name: 'out', type: 'string', value: 'DIR' }, description: 'Folder the editions are written to.' }),
  lang: option({ schema: v.optional(language), typeText: 'language tag', flag: { name: 'lang', type: 'string', value: 'CODE' }, description: 'Language for documents whose front matter has none.' }),
  dir: option({ schema: v.optional(direction), typeText: '`rtl` \\| `ltr`', flag: { name: 'dir', type: 'string', value: 'rtl|ltr' }, description: "Direction for documents whose front matter has none (else the language's)." }),
  latinLang: option({ schema: v.optional(language, 'en'), typeText: 'language tag', description: 'Language given to Latin-script runs isolated inside right-to-left text.' }),
  renderTimeoutMs: option({
    schema: v.optional(
      v.pipe(
        v.union([v.number(), v.pipe(v.string(), v.regex(/^\s*\d+\s*$/), v.transform(Number))], timeoutMessage),
        v.integer(timeoutMessage),
        v.minValue(1, timeoutMessage),
        v.maxValue(MAX_TIMEOUT_MS, timeoutMessage)
      ),
      60_000
    ),
    typeText: 'milliseconds',
    flag: { name: 'timeout', type: 'string', value: 'MS', parse: (raw) => checkTimeoutMs(raw, '--timeout') },
    description: `Milliseconds one PDF render may take before it is retried once (1 to ${MAX_TIMEOUT_MS}).`
  }),
  formats: option({
    // `html`: the reader pages, a format like the others so that every
    // command writes, reports and skips them as it does the EPUB and PDF.
    schema: v.optional(v.pipe(v.array(v.picklist(['epub', 'pdf', 'html'], FORMATS), FORMATS), v.minLength(1, FORMATS), v.readonly()), ['epub', 'pdf', 'html'] as const),
    typeText: 'list of `epub`, `pdf`, `html`',
    flag: { name: 'format', type: 'string', value: 'epub,pdf,html', parse: (raw) => raw.split(',') },
    description: 'Which outputs to write: the EPUB, the PDF, and the reader pages (`html`: `<slug>.html` and the collection page `index.html`).'
  }),
  jobs: option({
    schema: v.optional(v.pipe(v.number(JOBS), v.integer(JOBS), v.minValue(1, JOBS)), () => Math.max(1, Math.min(4, availableParallelism()))),
    typeText: 'whole number',
    defaultText: 'the number of cores, at most 4',
    flag: { name: 'jobs', type: 'string', value: 'N', parse: Number },
    description: 'Articles built at once (each keeps a browser page and a core busy).'
  }),
  proofing: option({
    schema: v.optional(
      v.pipe(
        v.record(v.string(), v.picklist(['off', 'warn', 'error'], PROOFING), PROOFING),
        v.check((map) => Object.keys(map).every(isRuleId), (issue) => unknownRules(issue.input)),
        v.readonly()
      )
    ),
    typeText: 'rule id → `off` \\| `warn` \\| `error`',
    description: 'Project-wide severities of proofing rules; an unknown rule id is refused when the config loads.'
  }),
  press: option({
    schema: v.optional(v.boolean('expected true or false')),
    typeText: 'boolean',
    defaultText: '`false`',
    flag: { name: 'press', type: 'boolean' },
    description: 'Also write the PDF/X-4 press edition `<slug>-press.pdf` and its cover `<slug>-press-cover.pdf` (with bleed and crop marks).'
  }),
  bookParts: option({
    schema: v.optional(v.pipe(v.number(BOOK_PARTS), v.integer(BOOK_PARTS), v.minValue(0, BOOK_PARTS)), DEFAULT_BOOK_PARTS),
    typeText: 'whole number',
    defaultText: '`120000` (≈ 50 pages)',
    description:
      'Lay a book\'s PDF out in parts of about this many characters (its text shared evenly), whole chapters each, and merge them into one tagged PDF: the browser holds one part printing and the next being drafted, so memory stays bounded and time linear in the book\'s length. 0 lays the book out in one document.'
  }),
  notes: option({ schema: v.optional(notesPlacement), typeText: '`foot` \\| `end`', defaultText: '`"foot"`', description: 'Where notes print in the PDF: at the foot of their page (default) or at the end of each chapter.' })
} as const

/** The name of an option. */
export type OptionName = keyof typeof OPTIONS

/** The option names, in declaration order. */
export const OPTION_NAMES = Object.keys(OPTIONS) as OptionName[]
