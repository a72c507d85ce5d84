// Loaded into every Node process of a traced test run (NODE_OPTIONS=--import,
// set by scripts/test-profile.mjs): a test file names itself in the
// environment its children inherit; every process appends, when it exits,
// one JSON line (what it was, which test file it served, its wall and CPU time,
// when it ended).
import { appendFileSync } from 'node:fs'
import path from 'node:path'
import { isMainThread } from 'node:worker_threads'

const trace = process.env.CHAPKHANA_TEST_TRACE
if (trace && isMainThread) {
  const self = process.argv[1] ?? ''
  // A test file's own process (the runner that starts them names the first file too).
  const isTestFile = /\.test\.m?[jt]s$/.test(self) && (process.env.NODE_TEST_CONTEXT ?? '').startsWith('child')
  if (isTestFile) process.env.CHAPKHANA_TEST_FILE = path.relative(process.cwd(), self)
  const kind = isTestFile ? 'file' : /chapkhana\.js$|cli[\\/]main\.js$|bundle[\\/]main\.mjs$/.test(self) ? 'cli' : 'node'
  const started = Date.now()
  process.on('exit', () => {
    const cpu = process.cpuUsage()
    const line = {
      kind,
      file: process.env.CHAPKHANA_TEST_FILE ?? '',
      what: kind === 'file' ? '' : process.argv.slice(1, 4).map((a) => path.basename(a)).join(' '),
      wall: (Date.now() - started) / 1000,
      // When it ended, in ms since the epoch: the profile's timeline (which files ran last, and alone).
      end: Date.now(),
      cpu: (cpu.user + cpu.system) / 1e6
    }
    appendFileSync(trace, `${JSON.stringify(line)}\n`)
  })
}
