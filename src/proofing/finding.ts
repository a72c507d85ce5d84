/**
 * Findings and their fixes. A rule speaks in positions of its segment's view;
 * here they become source offsets, and a fix is dropped (the finding kept)
 * when it would touch something that is not plain prose: an escape, a line
 * prefix, a character reference, or Markdown syntax between two characters.
 */
import type { RuleId } from './rules-meta.ts'
import type { Segment } from './segment.ts'

/** One contiguous change to the source text. */
export interface Edit {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** A problem found by a rule, in source offsets. */
export interface Finding {
  readonly ruleId: RuleId
  readonly start: number
  readonly end: number
  readonly reason: string
  /** The source text at the problem. */
  readonly actual: string
  /** What `--fix` writes there, when it can. */
  readonly expected?: string
  /** The fix; empty when it cannot be made safely (escapes, markup in between). */
  readonly edits: readonly Edit[]
}

/** One replacement in view coordinates: characters `from`–`to` become `text`. */
export interface ViewEdit {
  readonly from: number
  readonly to: number
  readonly text: string
}

/** Turn view edits into source edits, or `undefined` if any touches something it must not. */
function sourceEdits(seg: Segment, edits: readonly ViewEdit[]): Edit[] | undefined {
  const out: Edit[] = []
  for (const { from, to, text } of edits) {
    if (to === from) {
      // An insertion goes right after the character before it.
      if (from === 0 || seg.editable[from - 1] !== 1) return undefined
      const at = seg.end[from - 1] ?? 0
      out.push({ start: at, end: at, text })
      continue
    }
    for (let k = from; k < to; k++) {
      if (seg.editable[k] !== 1) return undefined
      // Markup between two characters (`a**b`) would be swallowed by the edit.
      if (k + 1 < to && seg.end[k] !== seg.start[k + 1]) return undefined
    }
    out.push({ start: seg.start[from] ?? 0, end: seg.end[to - 1] ?? 0, text })
  }
  return out
}

/**
 * A finding at view characters `from`–`to` of `seg`. `edits` default to
 * replacing that span with `expected`.
 */
export function findingAt(
  seg: Segment,
  source: string,
  ruleId: RuleId,
  from: number,
  to: number,
  reason: string,
  expected: string | undefined,
  edits: readonly ViewEdit[] = expected === undefined ? [] : [{ from, to, text: expected }]
): Finding {
  const start = to > from ? (seg.start[from] ?? 0) : (seg.end[from - 1] ?? seg.start[from] ?? 0)
  const end = to > from ? (seg.end[to - 1] ?? start) : start
  const made = edits.length > 0 ? sourceEdits(seg, edits) : undefined
  return {
    ruleId,
    start,
    end,
    reason,
    actual: source.slice(start, end),
    ...(expected === undefined ? {} : { expected }),
    edits: made ?? []
  }
}
