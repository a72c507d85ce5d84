/**
 * The one place that defines chapkhana's options: their types, defaults and
 * validation, derived from the declarations in `options.ts`. The CLI, the
 * config file and the tests all go through it.
 */
import * as v from 'valibot'
import type { Direction } from '../locale/locale.ts'
import { configError } from './error.ts'
import { closeNames, direction, language, notesPlacement, OPTION_NAMES, OPTIONS, type FlagSpec, type OptionName } from './options.ts'

export { configError }
export { OPTIONS, OPTION_NAMES, type FlagSpec, type OptionName, type OptionSpec } from './options.ts'

type Entries = { readonly [K in OptionName]: (typeof OPTIONS)[K]['schema'] }
const entries = Object.fromEntries(OPTION_NAMES.map((name) => [name, OPTIONS[name].schema])) as Entries

/** The whole configuration: every option, nothing else. */
export const configSchema = v.pipe(
  v.strictObject(entries, (issue) => {
    const key = String(issue.path?.[0]?.key)
    const close = closeNames(key, OPTION_NAMES)
    return `unknown option ${JSON.stringify(key)}; ${close.length ? `did you mean ${close.join(' or ')}? ` : ''}known options: ${OPTION_NAMES.join(', ')}`
  }),
  v.readonly()
)

/** Options for a build, after validation. */
export type Config = v.InferOutput<typeof configSchema>

/** Where a PDF prints its notes. */
export type NotesPlacement = v.InferOutput<typeof notesPlacement>

/** Every option's default (options without one are absent). */
export const DEFAULTS: Config = v.parse(configSchema, {})

/** Parse `value` with `schema`, or throw a `config-invalid` failure naming `option`. */
function check<S extends v.GenericSchema>(schema: S, value: unknown, option: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value)
  if (result.success) return result.output
  const issue = result.issues[0]
  throw configError(`${option}: ${issue.message}`)
}

/** Check `lang` and return it, or throw naming `option`. */
export function validateLang(lang: unknown, option: string): string {
  return check(language, lang, option)
}

/** Check `dir` and return it, or throw naming `option`. */
export function validateDir(dir: unknown, option: string): Direction {
  return check(direction, dir, option)
}

/** Check a `notes` setting and return it, or throw naming `option`. */
export function validateNotes(notes: unknown, option: string): NotesPlacement {
  return check(notesPlacement, notes, option)
}

/** The first problem of `input` as options: the key at fault (for its place in a file) and the words. */
export function configIssue(input: Readonly<Record<string, unknown>>): { key: string | undefined; reason: string } | undefined {
  const result = v.safeParse(configSchema, input)
  return result.success ? undefined : issueOf(result.issues[0])
}

function issueOf(issue: v.InferIssue<typeof configSchema>): { key: string | undefined; reason: string } {
  const key = issue.path?.[0]?.key
  // An unknown key's message names it already; every other names its option.
  return { key: key === undefined ? undefined : String(key), reason: issue.expected === 'never' ? issue.message : `${String(key)}: ${issue.message}` }
}

/** Merge user options over the defaults, validating each. */
export function resolveConfig(input: Readonly<Record<string, unknown>>): Config {
  const result = v.safeParse(configSchema, input)
  if (!result.success) throw configError(issueOf(result.issues[0]).reason)
  // Unset and `false` options stay absent: the build record keys on the options.
  return Object.fromEntries(Object.entries(result.output).filter(([, value]) => value !== undefined && value !== false)) as Config
}

/** The options of `parseArgs` for every flag that sets a config option. */
export function configFlags(): Record<string, { type: FlagSpec['type'] }> {
  return Object.fromEntries(OPTION_NAMES.flatMap((name) => {
    const flag: FlagSpec | undefined = OPTIONS[name].flag
    return flag ? [[flag.name, { type: flag.type }]] : []
  }))
}

/**
 * The config input the command line's flags give (`parseArgs` values), each
 * checked by its option's schema; a bad value is refused naming its flag.
 */
export function configFromFlags(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  for (const name of OPTION_NAMES) {
    const flag: FlagSpec | undefined = OPTIONS[name].flag
    const raw = flag ? values[flag.name] : undefined
    if (flag === undefined || raw === undefined || raw === false) continue
    const value = typeof raw === 'string' && flag.parse ? flag.parse(raw) : raw
    input[name] = check(OPTIONS[name].schema, value, `--${flag.name}`)
  }
  return input
}
