/**
 * What the rules need to know about a document's language, worked out once
 * from its BCP 47 tag.
 */
import { isKnownLanguage, localeOf } from '../locale/index.ts'
import type { Finding } from './finding.ts'
import type { Segment } from './segment.ts'
import { ARABIC_SCRIPT_LANGS } from './tables.ts'

/** The language facts the rules read. */
export interface LangContext {
  readonly lang: string | undefined
  /** English name of the language for messages ("Sorani", "Arabic", …). */
  readonly name: string
  /** Central Kurdish in Arabic script: the Sorani letter rules apply. */
  readonly sorani: boolean
  /** Written in Arabic script: punctuation, quotation and digit rules apply. */
  readonly arabicScript: boolean
  /** The digits the language writes numbers with, when they are Eastern. */
  readonly digits: 'arabic-indic' | 'persian' | undefined
}

/** What a check gets: the language and the whole source text. */
export interface CheckContext extends LangContext {
  readonly source: string
}

/** A rule's implementation: all findings in the document's segments. */
export type Check = (segments: readonly Segment[], ctx: CheckContext) => Finding[]

const NAMES: Readonly<Record<string, string>> = {
  ckb: 'Sorani',
  ar: 'Arabic',
  fa: 'Persian',
  ur: 'Urdu',
  ps: 'Pashto',
  ug: 'Uyghur',
  sd: 'Sindhi'
}

/** The context for documents tagged `lang` (or untagged). */
export function langContext(lang: string | undefined): LangContext {
  const subtags = (lang ?? '').split(/[-_]/)
  const primary = (subtags[0] ?? '').toLowerCase()
  // A script subtag wins over the language's usual script: `ckb-Latn` is not Arabic script.
  const script = subtags.slice(1).find((s) => /^[A-Za-z]{4}$/.test(s))?.toLowerCase()
  const arabicScript = script === undefined ? ARABIC_SCRIPT_LANGS.has(primary) : script === 'arab'
  const sorani = arabicScript && (primary === 'ckb' || primary === 'ku')
  // The locale's digits, as the outputs print them: Arabic-Indic for `arab`, Persian for `arabext`.
  const system = lang !== undefined && isKnownLanguage(lang) ? localeOf(lang).numberingSystem : undefined
  const digits = system === 'arab' ? 'arabic-indic' : system === 'arabext' ? 'persian' : undefined
  return {
    lang,
    name: sorani ? 'Sorani' : (NAMES[primary] ?? (arabicScript ? 'Arabic-script' : 'this')),
    sorani,
    arabicScript,
    digits: arabicScript ? digits : undefined
  }
}
