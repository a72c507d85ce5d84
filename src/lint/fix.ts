/**
 * `lint --fix`: apply the proofing fixes to a Markdown source as text edits,
 * so that everything that is not prose (front matter syntax, code, URLs, HTML,
 * line endings, the BOM) stays byte for byte what it was.
 */
import type { Nodes, Root } from 'mdast'
import { VFile } from 'vfile'
import { createProcessor, parseDocument } from '../tree/processor.ts'
import { canonicalFence } from '../source/front-matter-node.ts'
import { analyze, settleSeverity, type ProofingOptions, type RatedFinding } from '../proofing/analyze.ts'
import { pointFinder } from '../proofing/plugin.ts'
import type { RuleId } from '../proofing/rules-meta.ts'
import type { Edit } from '../proofing/finding.ts'

/** One change made by `fixSource`. */
export interface FixChange {
  readonly ruleId: RuleId
  /** Place in the text the change was made to (later passes see earlier passes' text). */
  readonly line: number
  readonly column: number
  readonly actual: string
  readonly expected: string
}

/** The fixed text and what changed. */
export interface FixResult {
  readonly text: string
  readonly changes: readonly FixChange[]
  /** True when the fixes would have changed the Markdown structure, so none were made. */
  readonly rejected: boolean
}

/**
 * Parse Markdown as the build does (front matter and GFM included), behind
 * the same nesting guards: throws the positioned `VFileMessage` a too deeply
 * nested text gets from `build`.
 */
export function parseMarkdown(text: string, path?: string): Root {
  // A `...` closing fence read as `---` (same length: offsets unchanged).
  return parseDocument(createProcessor({ mode: 'fix' }), new VFile({ value: canonicalFence(text), ...(path === undefined ? {} : { path }) }))
}

/** Everything about the tree except its prose: if this changes, a fix broke the Markdown. */
function shape(tree: Root): string {
  const parts: string[] = []
  const walk = (node: Nodes): void => {
    const n = node as unknown as Record<string, unknown>
    parts.push(node.type, String(n.depth ?? ''), String(n.url ?? ''), String(n.ordered ?? ''))
    // Front matter values get letter fixes only, so its ASCII (the YAML syntax) must stay.
    if (node.type === 'yaml') parts.push(node.value.replace(/[^\0-\x7f]/g, ''))
    else if (node.type !== 'text' && typeof n.value === 'string') parts.push(n.value)
    if ('children' in node) {
      parts.push(`${node.children.length}(`)
      for (const child of node.children) walk(child)
      parts.push(')')
    }
  }
  walk(tree)
  return parts.join('\u0000')
}

const conflict = (a: Edit, b: Edit): boolean =>
  a.start === a.end
    ? (b.start < a.start && a.start < b.end) || (b.start === b.end && b.start === a.start)
    : b.start === b.end
      ? a.start < b.start && b.start < a.end
      : a.start < b.end && b.start < a.end

/** Deleting or adding space next to `*`, `_` or `~` can change what is emphasis. */
function nearEmphasis(src: string, e: Edit): boolean {
  const spacey = e.text === '' || /\s/.test(e.text) || /\s/.test(src.slice(e.start, e.end))
  return spacey && (/[*_~]/.test(src.charAt(e.start - 1)) || /[*_~]/.test(src.charAt(e.end)))
}

/** Whether edit `a` must come after `b` in the source. */
const after = (a: Edit | undefined, b: Edit): boolean => a !== undefined && (a.start > b.start || (a.start === b.start && a.end > b.end))

/** The findings whose edits can all be made together, first come first served. */
function choose(src: string, findings: readonly RatedFinding[]): { chosen: RatedFinding[]; edits: Edit[] } {
  const chosen: RatedFinding[] = []
  // Accepted edits never overlap, so sorted by start they are sorted by end too.
  const accepted: Edit[] = []
  const clashes = (e: Edit): boolean => {
    let lo = 0
    let hi = accepted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((accepted[mid]?.start ?? 0) <= e.end) lo = mid + 1
      else hi = mid
    }
    for (let i = lo - 1; i >= 0; i--) {
      const a = accepted[i]
      if (!a || a.end < e.start) break
      if (conflict(a, e)) return true
    }
    return false
  }
  for (const f of findings) {
    if (f.edits.length === 0 || f.edits.some((e) => clashes(e) || nearEmphasis(src, e))) continue
    chosen.push(f)
    for (const e of f.edits) {
      let at = accepted.length
      // An insertion at p goes before a replacement starting at p.
      while (at > 0 && after(accepted[at - 1], e)) at--
      accepted.splice(at, 0, e)
    }
  }
  return { chosen, edits: accepted }
}

/** Apply non-overlapping edits sorted by start. */
function apply(src: string, edits: readonly Edit[]): string {
  let out = ''
  let at = 0
  for (const e of edits) {
    out += src.slice(at, e.start) + e.text
    at = e.end
  }
  return out + src.slice(at)
}

/**
 * Fix the proofing findings in the Markdown `text` of a document in `lang`.
 * Passes repeat until nothing is left to fix, so fixing the result again
 * changes nothing. A leading BOM is kept; line endings are never touched.
 */
export function fixSource(text: string, lang: string | undefined, options: ProofingOptions = {}): FixResult {
  const severity = settleSeverity(options)
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
  const original = text.slice(bom.length)
  let current = original
  let tree = parseMarkdown(current)
  const before = shape(tree)
  const changes: FixChange[] = []
  for (let pass = 0; pass < 8; pass++) {
    const { findings } = analyze(tree, current, lang, severity)
    const { chosen, edits } = choose(current, findings)
    if (edits.length === 0) break
    const point = pointFinder(current)
    for (const f of chosen) {
      const { line, column } = point(f.start)
      changes.push({ ruleId: f.ruleId, line, column, actual: f.actual, expected: f.expected ?? '' })
    }
    current = apply(current, edits)
    tree = parseMarkdown(current)
  }
  if (shape(tree) !== before) return { text, changes: [], rejected: true }
  return { text: bom + current, changes, rejected: false }
}
