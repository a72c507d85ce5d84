/**
 * The CPU time of a command's whole process tree, every process it ever
 * started included, from a control group of its own.
 *
 * Why not `/usr/bin/time`: it reports the rusage of the descendants that
 * were waited for. Chromium's renderers are children of its browser process
 * (of its zygote, where it has one), and whether they are reaped before the
 * browser exits depends on the shutdown's timing: three cold builds of the same book measured 8.2, 5.0
 * and 8.1 s of CPU (docs/benchmarks.md). A control group accounts for every
 * process placed in it and every process they fork, waited for or not. The
 * command is started by a shell that first moves itself into the group, so
 * nothing runs outside it.
 *
 * Where no control group can be made (not root, no cgroup file system), GNU
 * time is the fallback and the bench says so.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** How one run's CPU time is counted. */
export interface CpuAccount {
  /** What counts: 'cgroup v2', 'cgroup v1 cpuacct', 'GNU time (waited-for processes only)' or 'none'. */
  readonly method: string
  /** The command line that runs `cmd args` under this account. */
  readonly wrap: (cmd: string, args: readonly string[]) => [string, string[]]
  /** Once the command has exited: its tree's CPU time in ms (NaN when not counted); frees the account. */
  readonly read: () => Promise<number>
}

interface Group { readonly dir: string; readonly v2: boolean }

/** Mount points of the cgroup file systems: the unified one and the v1 cpuacct one. */
function mounts(): { v2?: string; cpuacct?: string } {
  let text = ''
  try {
    text = readFileSync('/proc/self/mounts', 'utf8')
  } catch {
    return {}
  }
  const found: { v2?: string; cpuacct?: string } = {}
  for (const line of text.split('\n')) {
    const [, where, type, options] = line.split(' ')
    if (type === 'cgroup2' && where) found.v2 ??= where
    if (type === 'cgroup' && where && options?.split(',').includes('cpuacct')) found.cpuacct ??= where
  }
  return found
}

let seq = 0
function makeGroup(): Group | undefined {
  const { v2, cpuacct } = mounts()
  const name = `chapkhana-bench-${process.pid}-${seq++}`
  for (const [root, isV2] of [[v2, true], [cpuacct, false]] as const) {
    if (!root) continue
    const dir = path.join(root, name)
    try {
      mkdirSync(dir)
    } catch {
      continue
    }
    if (existsSync(path.join(dir, isV2 ? 'cpu.stat' : 'cpuacct.usage'))) return { dir, v2: isV2 }
    rmdirSync(dir)
  }
  return undefined
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const members = (group: Group): string[] => readFileSync(path.join(group.dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)

/** The group's usage once every process in it has ended (a browser's helpers may outlive it by a moment). */
async function usage(group: Group): Promise<number> {
  for (let waited = 0; members(group).length > 0 && waited < 5000; waited += 20) await sleep(20)
  for (const pid of members(group)) {
    try {
      process.kill(Number(pid), 'SIGKILL')
    } catch {
      // Gone between the read and the kill.
    }
  }
  for (let waited = 0; members(group).length > 0 && waited < 2000; waited += 20) await sleep(20)
  const ms = group.v2
    ? Number(/^usage_usec (\d+)/m.exec(readFileSync(path.join(group.dir, 'cpu.stat'), 'utf8'))?.[1] ?? NaN) / 1000
    : Number(readFileSync(path.join(group.dir, 'cpuacct.usage'), 'utf8')) / 1e6
  try {
    rmdirSync(group.dir)
  } catch {
    // A process that would not die keeps the group; the figure is still the group's.
  }
  return ms
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined
const METHOD = { v2: 'cgroup v2', v1: 'cgroup v1 cpuacct', time: 'GNU time (waited-for processes only)', none: 'none' } as const

/** How this machine would count a run's CPU time, for the bench's header (the probe's group is removed). */
export function cpuMethod(): string {
  const group = makeGroup()
  if (group) rmdirSync(group.dir)
  return group ? METHOD[group.v2 ? 'v2' : 'v1'] : METHOD[GNU_TIME ? 'time' : 'none']
}

/** A fresh account for one run: a control group where one can be made, else GNU time, else none. */
export function cpuAccount(): CpuAccount {
  const group = makeGroup()
  if (group) {
    const procs = path.join(group.dir, 'cgroup.procs')
    return {
      method: METHOD[group.v2 ? 'v2' : 'v1'],
      // `$$` is the shell itself; `exec` keeps that pid, so the command and everything it forks are in the group.
      wrap: (cmd, args) => ['sh', ['-c', 'echo $$ > "$0" && exec "$@"', procs, cmd, ...args]],
      read: () => usage(group),
    }
  }
  if (GNU_TIME) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chapkhana-time-'))
    const report = path.join(dir, 'cpu')
    return {
      method: METHOD.time,
      wrap: (cmd, args) => [GNU_TIME, ['-f', '%U %S', '-o', report, cmd, ...args]],
      read: async () => {
        const [user, system] = (readFileSync(report, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number)
        rmSync(dir, { recursive: true, force: true })
        return ((user ?? NaN) + (system ?? NaN)) * 1000
      },
    }
  }
  return { method: METHOD.none, wrap: (cmd, args) => [cmd, [...args]], read: async () => NaN }
}
