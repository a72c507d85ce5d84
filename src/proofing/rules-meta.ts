/**
 * What each proofing rule is, which documents it applies to and how loud it
 * is by default. Letters that make a different word for search, spelling and
 * hyphenation are errors; typography is a warning. Both make `lint` fail.
 */

/** How a rule reports: not at all, as a warning or as an error. */
export type Severity = 'off' | 'warn' | 'error'

/**
 * Which documents a rule checks: `sorani` only `ckb` (letters that are right
 * in Arabic and Persian), `arabic-script` any right-to-left Arabic-script
 * language, `all` every document.
 */
export type Scope = 'sorani' | 'arabic-script' | 'all'

/** Description of one rule. */
export interface RuleMeta {
  readonly severity: Exclude<Severity, 'off'>
  readonly scope: Scope
  /** Whether it also checks front matter values (letters only: punctuation there is YAML syntax). */
  readonly frontMatter: boolean
  readonly summary: string
}

/** Every rule, by id. */
export const RULES = {
  'arabic-kaf': {
    severity: 'error',
    scope: 'sorani',
    frontMatter: true,
    summary: 'Arabic kaf ك (or swash kaf ڪ) in Sorani text → Kurdish ک'
  },
  'arabic-yeh': {
    severity: 'error',
    scope: 'sorani',
    frontMatter: true,
    summary: 'Arabic yeh ي, alef maksura ى or yeh barree ے in Sorani text → Kurdish ی'
  },
  'heh-ae': {
    severity: 'error',
    scope: 'sorani',
    frontMatter: true,
    summary: 'heh + ZWNJ (ه‌) or teh marbuta ة standing for the Sorani vowel → ە'
  },
  'false-friend-mark': {
    severity: 'error',
    scope: 'sorani',
    frontMatter: true,
    summary: 'ل ی و ر with a combining V-like mark → the Kurdish letters ڵ ێ ۆ ڕ'
  },
  'presentation-form': {
    severity: 'error',
    scope: 'all',
    frontMatter: true,
    summary: 'Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFC) → the letters they draw'
  },
  tatweel: {
    severity: 'warn',
    scope: 'all',
    frontMatter: true,
    summary: 'tatweel ـ inside a word, between two Arabic-script letters → removed'
  },
  'stray-zwnj': {
    severity: 'warn',
    scope: 'all',
    frontMatter: true,
    summary: 'ZWNJ that separates nothing (doubled, at a word edge, after a non-joining letter) → removed'
  },
  'ascii-punctuation': {
    severity: 'warn',
    scope: 'arabic-script',
    frontMatter: false,
    summary: 'ASCII , ; ? between Arabic-script words → ، ؛ ؟'
  },
  'space-before-punctuation': {
    severity: 'warn',
    scope: 'arabic-script',
    frontMatter: false,
    summary: 'space before ، ؛ ؟ . : ! → removed'
  },
  'space-after-punctuation': {
    severity: 'warn',
    scope: 'arabic-script',
    frontMatter: false,
    summary: 'no space after ، ؛ ؟ (or . : ! between two words) → one space'
  },
  'double-space': {
    severity: 'warn',
    scope: 'all',
    frontMatter: false,
    summary: 'two or more spaces inside a line → one'
  },
  'straight-quotes': {
    severity: 'warn',
    scope: 'arabic-script',
    frontMatter: false,
    summary: 'straight quotes "…" or \'…\' around Arabic-script text → «…» (‹…› inside)'
  },
  'mixed-digits': {
    severity: 'warn',
    scope: 'arabic-script',
    frontMatter: false,
    summary: 'Persian ۰–۹ and Arabic-Indic ٠–٩ digits mixed in one document → the language’s digits'
  }
} as const satisfies Record<string, RuleMeta>

/** The id of a proofing rule. */
export type RuleId = keyof typeof RULES

/** All rule ids, in reporting order. */
export const RULE_IDS = Object.keys(RULES) as RuleId[]

/** Whether `id` names a rule. */
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id)
}
