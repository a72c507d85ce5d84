/**
 * The shortest edit script between two sequences, as index ranges. The
 * algorithm is jsdiff's (`diffArrays`: Myers' O(ND), with the common prefix
 * and suffix walked first, so a correction of a few words in a long text
 * costs almost nothing); this module only turns its runs of values into the
 * half-open ranges the word diff and its renderings index with.
 */
import { diffArrays } from 'diff'

/** One run of the edit script; ranges are half-open indexes into `a` and `b`. */
export interface DiffOp {
  readonly type: 'equal' | 'delete' | 'insert'
  readonly aStart: number
  readonly aEnd: number
  readonly bStart: number
  readonly bEnd: number
}

/** The shortest edit script turning `a` into `b`, as merged runs in order (a deletion before its insertion). */
export function diffSequences<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean = Object.is): DiffOp[] {
  const ops: DiffOp[] = []
  let i = 0
  let j = 0
  for (const change of diffArrays([...a], [...b], { comparator: eq })) {
    const n = change.count ?? change.value.length
    const type = change.added ? 'insert' : change.removed ? 'delete' : 'equal'
    const [di, dj] = type === 'equal' ? [n, n] : type === 'delete' ? [n, 0] : [0, n]
    ops.push({ type, aStart: i, aEnd: i + di, bStart: j, bEnd: j + dj })
    i += di
    j += dj
  }
  return ops
}
