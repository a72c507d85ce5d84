/**
 * Shared test helpers: lint or fix a Markdown snippet, and find the corpora
 * copied into the repository (`tests/corpora/`, with their licences).
 */
import { fileURLToPath } from 'node:url'
import { analyze, settleSeverity, type ProofingOptions, type RatedFinding } from '../../src/proofing/index.ts'
import { fixSource, parseMarkdown } from '../../src/lint/fix.ts'

/** The repository root (two levels above this file). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** `tests/corpora/` inside the repository. */
export const CORPORA = fileURLToPath(new URL('../corpora/', import.meta.url))

/** Findings for `md` in `lang`, optionally only those of `ruleId`. */
export function findings(md: string, lang: string | undefined, ruleId?: string, options: ProofingOptions = {}): RatedFinding[] {
  const all = analyze(parseMarkdown(md), md, lang, settleSeverity(options)).findings
  return ruleId === undefined ? [...all] : all.filter((f) => f.ruleId === ruleId)
}

/** The fixed text of `md`. */
export function fixed(md: string, lang: string | undefined, options: ProofingOptions = {}): string {
  return fixSource(md, lang, options).text
}

/** Only the letters, marks and digits of `text`: what a fix of typography must not change. */
export function lettersOf(text: string): string {
  return text.replace(/[^\p{L}\p{M}\p{N}]/gu, '')
}
