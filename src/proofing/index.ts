/**
 * Sorani proofing (issue 6): orthography and typography rules for Sorani,
 * Arabic and Persian Markdown, as a remark plugin that reports and as a
 * source fixer for `lint --fix`.
 *
 * The build uses `.use(remarkProofing)` after remark-parse,
 * remark-frontmatter and remark-gfm; `lint` and `--fix` (a later stage,
 * `src/lint/`, built on the one processor factory) use it the same way.
 */
export { remarkProofing, reportProofing, PROOFING_SOURCE } from './plugin.ts'
export { analyze, settleSeverity, type ProofingOptions, type RatedFinding, type SeverityMap } from './analyze.ts'
export { RULES, RULE_IDS, isRuleId, type RuleId, type Severity } from './rules-meta.ts'
