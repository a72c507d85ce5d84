/**
 * Timing a command from a fresh process and, when asked (`memory: true`),
 * sampling the memory of its whole process tree (the browser's helpers
 * included): the sum of PSS, which counts pages shared between Chromium's
 * processes once, read from /proc/<pid>/smaps_rollup every 40 ms. The
 * sampler walks /proc in this process, on the same cores as the command: it
 * made a cold seed build 0.5 s (17 %) slower, so a run is either timed or
 * sampled, never both (docs/benchmarks.md).
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { cpuAccount } from './cpu-account.ts'

/** One measured run. */
export interface Run {
  readonly ms: number
  /** Peak of the summed PSS of the tree, MiB (NaN where /proc is missing, or when not sampled). */
  readonly peakMiB: number
  /**
   * CPU time (user + system) of the whole tree, every process it started
   * included, ms (cpu-account.ts says how it is counted; NaN when it cannot
   * be). On a shared machine this moves far less with the load than the
   * wall-clock time does.
   */
  readonly cpuMs: number
}

function children(): Map<number, number[]> {
  const tree = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      tree.set(ppid, [...(tree.get(ppid) ?? []), Number(name)])
    } catch {
      // The process ended while we looked.
    }
  }
  return tree
}

function treePssKiB(root: number): number {
  const tree = children()
  let total = 0
  const stack = [root]
  while (stack.length > 0) {
    const pid = stack.pop()!
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))
      total += Number(m?.[1] ?? 0)
    } catch {
      // Gone already.
    }
    stack.push(...(tree.get(pid) ?? []))
  }
  return total
}

/** Run `cmd args` to completion; reject on a non-zero exit. */
export function measure(cmd: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; memory?: boolean } = {}): Promise<Run> {
  const account = cpuAccount()
  const [file, argv] = account.wrap(cmd, args)
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(file, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    let peak = options.memory === true ? 0 : NaN
    const timer = options.memory !== true ? undefined : setInterval(() => {
      if (child.pid) peak = Math.max(peak, treePssKiB(child.pid))
    }, 40)
    child.on('error', reject)
    child.on('close', (code) => {
      clearInterval(timer)
      const ms = performance.now() - start
      void account.read().then((cpuMs) => {
        if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`))
        else resolve({ ms, peakMiB: peak / 1024, cpuMs })
      }, reject)
    })
  })
}

/** Median of `runs` measured runs (time and memory medians taken separately). */
export async function median(runs: number, work: () => Promise<Run>): Promise<Run> {
  const samples: Run[] = []
  for (let i = 0; i < runs; i++) samples.push(await work())
  return medianRun(samples)
}

/** The medians of `samples` (time, memory and CPU each taken separately). */
export function medianRun(samples: readonly Run[]): Run {
  const mid = (key: keyof Run): number => samples.map((s) => s[key]).sort((a, b) => a - b)[Math.floor(samples.length / 2)]!
  return { ms: mid('ms'), peakMiB: mid('peakMiB'), cpuMs: mid('cpuMs') }
}
