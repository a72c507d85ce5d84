/**
 * Shared test helpers: lint or fix a Markdown snippet, and find the corpora
 * copied into the repository (`tests/corpora/`, with their licences).
 */
import path from 'node:path'
import { analyze, settleSeverity, type ProofingOptions, type RatedFinding } from '../../src/proofing/index.ts'
import { fixSource, parseMarkdown } from '../../src/lint/fix.ts'
import { ROOT as REPOSITORY } from '../helpers/paths.ts'

/** The repository root, ending in a separator. */
export const ROOT = `${REPOSITORY}${path.sep}`
/** `tests/corpora/` inside the repository, ending in a separator. */
export const CORPORA = path.join(REPOSITORY, 'tests', 'corpora', path.sep)

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
