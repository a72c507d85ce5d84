/**
 * What proofing reads from the YAML front matter: the document's `lang`, its
 * `proofing:` severities, and the string values whose letters the letter rules
 * check (titles and descriptions end up on covers and in EPUB metadata).
 */
import type { Root } from 'mdast'
import { isMap, isPair, isScalar, parseDocument, visit } from 'yaml'
import { isRuleId, RULE_IDS, type RuleId, type Severity } from './rules-meta.ts'
import { rawSegment, type Segment } from './segment.ts'
import { yamlToData } from '../util/yaml-js.ts'

/** A problem with the `proofing:` key itself. */
export interface ConfigProblem {
  readonly reason: string
  /** Source offset of the offending YAML. */
  readonly offset: number
}

/** Proofing's view of the front matter. */
export interface ProofingFrontMatter {
  readonly lang: string | undefined
  readonly severity: Partial<Record<RuleId, Severity>>
  readonly problems: readonly ConfigProblem[]
  /** String values (not keys), for the letter rules. */
  readonly segments: readonly Segment[]
}

const NONE: ProofingFrontMatter = { lang: undefined, severity: {}, problems: [], segments: [] }
const LEVELS: readonly Severity[] = ['off', 'warn', 'error']

/** Read a `proofing:` value: `off`/`false` for everything, or a map of rule ids to severities. */
function readSeverity(value: unknown, offset: number): Pick<ProofingFrontMatter, 'severity' | 'problems'> {
  const severity: Partial<Record<RuleId, Severity>> = {}
  const problems: ConfigProblem[] = []
  if (value === false || value === 'off') {
    for (const id of RULE_IDS) severity[id] = 'off'
    return { severity, problems }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ reason: '`proofing:` must map rule ids to off, warn or error (e.g. `proofing: {double-space: off}`), or be `off`', offset })
    return { severity, problems }
  }
  for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
    const normal = level === false ? 'off' : level
    if (!isRuleId(id)) {
      problems.push({ reason: `Unknown proofing rule \`${id}\` in the front matter; the rules are ${RULE_IDS.join(', ')}`, offset })
    } else if (typeof normal !== 'string' || !LEVELS.includes(normal as Severity)) {
      problems.push({ reason: `\`proofing: ${id}:\` must be off, warn or error, not ${JSON.stringify(level)}`, offset })
    } else {
      severity[id] = normal as Severity
    }
  }
  return { severity, problems }
}

/** Read the front matter of `tree` (parsed from `source` with remark-frontmatter). */
export function readProofingFrontMatter(tree: Root, source: string): ProofingFrontMatter {
  const node = tree.children[0]
  if (node?.type !== 'yaml' || node.position?.start.offset === undefined) return NONE
  // The YAML text starts on the line after the opening `---`.
  const base = source.indexOf('\n', node.position.start.offset) + 1
  if (base === 0 || !source.startsWith(node.value, base)) return NONE
  const doc = parseDocument(node.value)
  // Broken YAML is reported, with its position, by the document reader.
  if (doc.errors.length > 0 || !isMap(doc.contents)) return NONE
  const lang = doc.get('lang')
  const proofingPair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'proofing')
  const at = base + (isScalar(proofingPair?.key) ? (proofingPair.key.range?.[0] ?? 0) : 0)
  const data = proofingPair ? yamlToData(doc) : undefined
  // An alias bomb is refused, with its position, by the document reader; here it only must not hang.
  const config = data?.ok ? readSeverity((data.value as { proofing?: unknown }).proofing, at) : { severity: {}, problems: [] }
  const segments: Segment[] = []
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'proofing') return visit.SKIP
      return undefined
    },
    Scalar(key, scalar) {
      if (key === 'key' || typeof scalar.value !== 'string' || !scalar.range) return
      segments.push(rawSegment(source, base + scalar.range[0], base + scalar.range[1]))
    }
  })
  return { lang: typeof lang === 'string' ? lang : undefined, ...config, segments }
}
