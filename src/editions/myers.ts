/**
 * Myers' O(ND) difference algorithm (1986) over any sequence, with a common
 * prefix and suffix trimmed first: corrections touch a few words of long
 * texts, so D is small and the trace stays tiny.
 */

/** One run of the edit script; ranges are half-open indexes into `a` and `b`. */
export interface DiffOp {
  readonly type: 'equal' | 'delete' | 'insert'
  readonly aStart: number
  readonly aEnd: number
  readonly bStart: number
  readonly bEnd: number
}

/** The shortest edit script turning `a` into `b`, as merged runs in order. */
export function diffSequences<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean = Object.is): DiffOp[] {
  let pre = 0
  while (pre < a.length && pre < b.length && eq(a[pre] as T, b[pre] as T)) pre++
  let suf = 0
  while (suf < a.length - pre && suf < b.length - pre && eq(a[a.length - 1 - suf] as T, b[b.length - 1 - suf] as T)) suf++
  const steps: ('equal' | 'delete' | 'insert')[] = []
  for (let i = 0; i < pre; i++) steps.push('equal')
  steps.push(...middle(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf), eq))
  for (let i = 0; i < suf; i++) steps.push('equal')
  return merge(steps)
}

/** Unit steps of the shortest edit script between two trimmed sequences. */
function middle<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): ('equal' | 'delete' | 'insert')[] {
  const n = a.length
  const m = b.length
  if (n === 0) return Array<'insert'>(m).fill('insert')
  if (m === 0) return Array<'delete'>(n).fill('delete')
  const max = n + m
  const offset = max
  const v = new Int32Array(2 * max + 2)
  const trace: Int32Array[] = []
  let found = false
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0)) ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1
      let y = x - k
      while (x < n && y < m && eq(a[x] as T, b[y] as T)) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = true
        break
      }
    }
  }
  // Walk the trace backwards from (n, m) to recover the path.
  const steps: ('equal' | 'delete' | 'insert')[] = []
  let x = n
  let y = m
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d] as Int32Array
    const k = x - y
    const down = k === -d || (k !== d && (vd[offset + k - 1] ?? 0) < (vd[offset + k + 1] ?? 0))
    const prevK = down ? k + 1 : k - 1
    const prevX = vd[offset + prevK] ?? 0
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      steps.push('equal')
      x--
      y--
    }
    if (d > 0) steps.push(down ? 'insert' : 'delete')
    x = prevX
    y = prevY
  }
  return steps.reverse()
}

function merge(steps: readonly ('equal' | 'delete' | 'insert')[]): DiffOp[] {
  const ops: DiffOp[] = []
  let i = 0
  let j = 0
  for (const type of steps) {
    const last = ops.at(-1)
    const [di, dj] = type === 'equal' ? [1, 1] : type === 'delete' ? [1, 0] : [0, 1]
    if (last && last.type === type) ops[ops.length - 1] = { ...last, aEnd: last.aEnd + di, bEnd: last.bEnd + dj }
    else ops.push({ type, aStart: i, aEnd: i + di, bStart: j, bEnd: j + dj })
    i += di
    j += dj
  }
  return ops
}
