/**
 * Run every applicable rule over a parsed document. Shared by the remark
 * plugin (which reports) and `fixSource` (which applies the fixes), so that
 * `build`, `lint` and `lint --fix` can never disagree.
 */
import type { Root } from 'mdast'
import { asciiPunctuation, doubleSpace, spaceAfterPunctuation, spaceBeforePunctuation } from './checks/punctuation.ts'
import { mixedDigits } from './checks/digits.ts'
import { strayZwnj, tatweel } from './checks/joiners.ts'
import { arabicKaf, arabicYeh, falseFriendMark, hehAe, presentationForm } from './checks/letters.ts'
import { straightQuotes } from './checks/quotes.ts'
import { langContext, type Check } from './context.ts'
import { readProofingFrontMatter, type ConfigProblem } from './front-matter.ts'
import { isRuleId, RULE_IDS, RULES, type RuleId, type Severity } from './rules-meta.ts'
import type { Finding } from './finding.ts'
import { proseSegments } from './segment.ts'

const CHECKS: Readonly<Record<RuleId, Check>> = {
  'arabic-kaf': arabicKaf,
  'arabic-yeh': arabicYeh,
  'heh-ae': hehAe,
  'false-friend-mark': falseFriendMark,
  'presentation-form': presentationForm,
  tatweel,
  'stray-zwnj': strayZwnj,
  'ascii-punctuation': asciiPunctuation,
  'space-before-punctuation': spaceBeforePunctuation,
  'space-after-punctuation': spaceAfterPunctuation,
  'double-space': doubleSpace,
  'straight-quotes': straightQuotes,
  'mixed-digits': mixedDigits
}

/** Options of the proofing plugin and of `fixSource`. */
export interface ProofingOptions {
  /** Per-project severities, over the defaults; a document's `proofing:` goes over these. */
  readonly severity?: Readonly<Record<string, Severity>>
}

/** Severity of every rule. */
export type SeverityMap = Readonly<Record<RuleId, Severity>>

/**
 * Defaults overlaid with `options.severity`. Throws a `TypeError` naming the
 * bad entry: a project configuration error should stop the program early.
 */
export function settleSeverity(options: ProofingOptions | null | undefined): SeverityMap {
  const out = Object.fromEntries(RULE_IDS.map((id) => [id, RULES[id].severity])) as Record<RuleId, Severity>
  for (const [id, level] of Object.entries(options?.severity ?? {})) {
    if (!isRuleId(id)) throw new TypeError(`proofing: unknown rule ${JSON.stringify(id)}; the rules are ${RULE_IDS.join(', ')}`)
    if (level !== 'off' && level !== 'warn' && level !== 'error') {
      throw new TypeError(`proofing: severity of ${id} must be off, warn or error, not ${JSON.stringify(level)}`)
    }
    out[id] = level
  }
  return out
}

/** A finding with the severity it is reported at. */
export interface RatedFinding extends Finding {
  readonly severity: Exclude<Severity, 'off'>
}

/** Everything proofing has to say about one document. */
export interface Analysis {
  readonly lang: string | undefined
  readonly findings: readonly RatedFinding[]
  readonly problems: readonly ConfigProblem[]
}

/**
 * Check the document `tree`, parsed from `source`. `lang` is the document's
 * language when already known (`file.data.lang`), else its front matter's.
 */
export function analyze(tree: Root, source: string, lang: string | undefined, base: SeverityMap): Analysis {
  const front = readProofingFrontMatter(tree, source)
  const ctx = { ...langContext(lang ?? front.lang), source }
  const prose = proseSegments(tree, source)
  const withMeta = front.segments.length > 0 ? [...front.segments, ...prose] : prose
  const findings: RatedFinding[] = []
  for (const id of RULE_IDS) {
    const severity = front.severity[id] ?? base[id]
    if (severity === 'off') continue
    const rule = RULES[id]
    if ((rule.scope === 'sorani' && !ctx.sorani) || (rule.scope === 'arabic-script' && !ctx.arabicScript)) continue
    for (const f of CHECKS[id](rule.frontMatter ? withMeta : prose, ctx)) findings.push({ ...f, severity })
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end)
  return { lang: ctx.lang, findings, problems: front.problems }
}
