/**
 * The one place that defines chapkhana's options: their types, defaults and
 * validation. The CLI, the config file and the tests all go through it.
 */
import { availableParallelism } from 'node:os'
import { isKnownLanguage, knownLanguages, type Direction } from '../locale/locale.ts'
import { checkTimeoutMs } from './limits.ts'

/** Options for a build, after validation. */
export interface Config {
  /** Folder scanned for `*.md` articles. */
  readonly contentDir: string
  /** Folder the editions are written to. */
  readonly outDir: string
  /** Language for documents whose front matter has none. */
  readonly lang?: string
  /** Direction for documents whose front matter has none (else the language's). */
  readonly dir?: Direction
  /** Language given to Latin-script runs isolated inside right-to-left text. */
  readonly latinLang: string
  /** Milliseconds one PDF render may take before it is retried once. */
  readonly renderTimeoutMs: number
  /** Which outputs to write. */
  readonly formats: readonly ('epub' | 'pdf')[]
  /** Articles built at once (each keeps a browser page and a core busy). */
  readonly jobs: number
  /** Project-wide severities of proofing rules (`rule-id: off | warn | error`). */
  readonly proofing?: Readonly<Record<string, 'off' | 'warn' | 'error'>>
  /** Also write the PDF/X-4 press edition `<slug>-press.pdf` (with bleed and crop marks). */
  readonly press?: boolean
  /** Where notes print in the PDF: at the foot of their page (default) or at the end of each chapter. */
  readonly notes?: NotesPlacement
}

/** Where a PDF prints its notes. */
export type NotesPlacement = 'foot' | 'end'

/** Check a `notes` setting and return it, or throw naming `option`. */
export function validateNotes(notes: unknown, option: string): NotesPlacement {
  if (notes !== 'foot' && notes !== 'end') throw new ConfigError(`${option}: ${JSON.stringify(notes)} is not a notes placement; use foot (at the foot of the page) or end (at the end of each chapter)`)
  return notes
}

export const DEFAULTS: Config = {
  contentDir: 'content',
  outDir: 'out',
  latinLang: 'en',
  renderTimeoutMs: 60_000,
  formats: ['epub', 'pdf'],
  jobs: Math.max(1, Math.min(4, availableParallelism()))
}

/** Raised for an option that cannot work; the message names the option. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Check `lang` and return it, or throw naming `option`. */
export function validateLang(lang: unknown, option: string): string {
  if (typeof lang !== 'string' || !isKnownLanguage(lang)) {
    throw new ConfigError(
      `${option}: unknown language ${JSON.stringify(lang)}; use one of ${knownLanguages()} (optionally with a region, e.g. ckb-IQ)`
    )
  }
  return lang
}

/** Check `dir` and return it, or throw naming `option`. */
export function validateDir(dir: unknown, option: string): Direction {
  if (dir !== 'rtl' && dir !== 'ltr') {
    throw new ConfigError(`${option}: ${JSON.stringify(dir)} is not a direction; use rtl or ltr`)
  }
  return dir
}

/** Merge user options over the defaults, validating each. */
export function resolveConfig(input: Readonly<Record<string, unknown>>): Config {
  const known = new Set(['contentDir', 'outDir', 'lang', 'dir', 'latinLang', 'renderTimeoutMs', 'formats', 'proofing', 'jobs', 'press', 'notes'])
  for (const key of Object.keys(input)) {
    if (!known.has(key)) throw new ConfigError(`unknown option ${JSON.stringify(key)}; known options: ${[...known].join(', ')}`)
  }
  const str = (key: string, fallback: string): string => {
    const v = input[key]
    if (v === undefined) return fallback
    if (typeof v !== 'string' || v === '') throw new ConfigError(`${key}: expected a non-empty string`)
    return v
  }
  const timeout = checkTimeoutMs(input.renderTimeoutMs ?? DEFAULTS.renderTimeoutMs, 'renderTimeoutMs')
  const formats = input.formats ?? DEFAULTS.formats
  if (!Array.isArray(formats) || formats.length === 0 || !formats.every((f) => f === 'epub' || f === 'pdf')) {
    throw new ConfigError('formats: expected a list of "epub" and/or "pdf"')
  }
  const jobs = input.jobs ?? DEFAULTS.jobs
  if (typeof jobs !== 'number' || !Number.isInteger(jobs) || jobs < 1) throw new ConfigError('jobs: expected a whole number of articles to build at once, from 1 up')
  const proofing = input.proofing
  if (proofing !== undefined && (typeof proofing !== 'object' || proofing === null || Array.isArray(proofing) || !Object.values(proofing).every((v) => v === 'off' || v === 'warn' || v === 'error'))) {
    throw new ConfigError('proofing: expected a mapping of rule ids to "off", "warn" or "error"')
  }
  const press = input.press
  if (press !== undefined && typeof press !== 'boolean') throw new ConfigError('press: expected true or false')
  return {
    ...(press === true ? { press } : {}),
    ...(input.notes === undefined ? {} : { notes: validateNotes(input.notes, 'notes') }),
    ...(proofing === undefined ? {} : { proofing: proofing as Config['proofing'] & object }),
    contentDir: str('contentDir', DEFAULTS.contentDir),
    outDir: str('outDir', DEFAULTS.outDir),
    latinLang: validateLang(input.latinLang ?? DEFAULTS.latinLang, 'latinLang'),
    renderTimeoutMs: timeout,
    formats: formats as Config['formats'],
    jobs,
    ...(input.lang === undefined ? {} : { lang: validateLang(input.lang, 'lang') }),
    ...(input.dir === undefined ? {} : { dir: validateDir(input.dir, 'dir') })
  }
}
