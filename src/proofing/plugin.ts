/**
 * The remark plugin: reports proofing findings as vfile messages on the
 * document and leaves the tree exactly as it found it (fixing is the job of
 * `lint --fix`, which rewrites the source, not the tree).
 */
import type { Root } from 'mdast'
import type { Plugin } from 'unified'
import type { VFile } from 'vfile'
import { analyze, settleSeverity, type Analysis, type ProofingOptions } from './analyze.ts'
import '../types/document.ts'

/** The `source` of every proofing message, to filter them from other messages. */
export const PROOFING_SOURCE = 'chapkhana-proofing'

/** A place in the source, as vfile messages want it. */
export interface Point {
  readonly line: number
  readonly column: number
  readonly offset: number
}

/** Turns source offsets into line/column points (1-based), by binary search over line starts. */
export function pointFinder(source: string): (offset: number) => Point {
  const starts = [0]
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] ?? 0) <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1, offset }
  }
}

/**
 * Report the proofing findings of `tree` on `file`. The language is
 * `file.data.lang` (set by `readDocument`), else the front matter's `lang`.
 */
export function reportProofing(tree: Root, file: VFile, severity: ReturnType<typeof settleSeverity>): void {
  const source = String(file.value)
  const { findings, problems } = analyze(tree, source, file.data.lang, severity)
  if (findings.length === 0 && problems.length === 0) return
  const point = pointFinder(source)
  // A message is an Error; its stack trace says nothing about the text and
  // capturing thousands of them (a corpus full of double spaces) is slow.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    addMessages(file, findings, problems, point)
  } finally {
    Error.stackTraceLimit = limit
  }
}

/** Add the findings and configuration problems to `file` as messages. */
function addMessages(file: VFile, findings: Analysis['findings'], problems: Analysis['problems'], point: (offset: number) => Point): void {
  for (const p of problems) {
    file.message(p.reason, { place: point(p.offset), ruleId: 'proofing-config', source: PROOFING_SOURCE })
  }
  for (const f of findings) {
    const message = file.message(f.reason, {
      place: { start: point(f.start), end: point(f.end) },
      ruleId: f.ruleId,
      source: PROOFING_SOURCE
    })
    // `fatal: true` without throwing is how vfile marks an error that does not stop the pipeline.
    message.fatal = f.severity === 'error'
    message.actual = f.actual
    if (f.expected !== undefined) message.expected = [f.expected]
  }
}

/**
 * remark plugin checking Sorani (and Arabic, Persian) orthography and
 * typography. Options are settled once, when the processor is made; a
 * document can still override severities with a `proofing:` front matter key.
 */
export const remarkProofing: Plugin<[(ProofingOptions | null | undefined)?], Root> = function (options) {
  const severity = settleSeverity(options)
  return (tree, file) => {
    reportProofing(tree, file, severity)
  }
}
