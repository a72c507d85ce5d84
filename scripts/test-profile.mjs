#!/usr/bin/env node
// Where the test suite's time goes: runs npm test's test files as it does
// (scripts/test.mjs, after scripts/build-tests.mjs), all or the files given
// (tests/e2e/x.test.ts runs as its bundle, as in npm test), traced (scripts/test-trace/:
// every Node process, Chromium start and JVM start is counted with its CPU
// time under the test file that caused it; the helpers count EPUBCheck
// checks and Ace EPUBs), then prints a table per test file, slowest first.
//   node scripts/test-profile.mjs [--concurrency N] [files…]
// The trace stays in tests/.tmp/profile/ (trace.jsonl, trace.jsonl.time), with
// the runner's report (report.tap), written as the run goes.
import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const here = path.join(root, 'scripts', 'test-trace')
const args = process.argv.slice(2)
const at = args.indexOf('--concurrency')
const concurrency = at >= 0 ? args.splice(at, 2)[1] : '3'

const dir = path.join(root, 'tests', '.tmp', 'profile')
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })
const trace = path.join(dir, 'trace.jsonl')
const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim()
// The browser npm test would use: the headless shell when installed (src/browser/launch.ts;
// a copy of its path, as in setup.mjs: this runs before anything is compiled). The wrapper that
// counts it has the shell's name, so that chapkhana launches it as the shell (isHeadlessShell).
const SHELL = '/usr/lib/chromium/chromium-headless-shell'
const realChromium = process.env.PUPPETEER_EXECUTABLE_PATH ?? (existsSync(SHELL) ? SHELL : '/usr/bin/chromium')
const wrapper = path.join(dir, path.basename(realChromium) === 'chromium-headless-shell' ? 'chromium-headless-shell' : 'chromium')
symlinkSync(path.join(here, 'chromium'), wrapper)
const env = {
  ...process.env,
  CHAPKHANA_TEST_TRACE: trace,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${path.join(here, 'preload.mjs')}`.trim(),
  CHAPKHANA_REAL_CHROMIUM: realChromium,
  PUPPETEER_EXECUTABLE_PATH: wrapper,
  CHAPKHANA_REAL_JAVA: which('java'),
  PATH: `${path.join(here, 'bin')}:${process.env.PATH}`
}
// A file given as its TypeScript source runs as the bundle npm test runs.
const bundled = (file) => file.replace(/^(?:\.\/)?tests\/([^/]+)\/([^/]+)\.test\.ts$/, path.join('tests', '.tmp', 'js', 'run', '$1', '$2.test.mjs'))
const command = [path.join(root, 'scripts', 'test.mjs'), ...args.map(bundled)]
// The runner's report goes to a file as it runs: a run stopped early still shows which tests passed.
const report = path.join(dir, 'report.tap')
const fd = openSync(report, 'w')
const run = spawnSync(process.execPath, command, { cwd: root, env: { ...env, TEST_CONCURRENCY: concurrency }, stdio: ['ignore', fd, 'inherit'] })
closeSync(fd)
const summary = readFileSync(report, 'utf8').split('\n').filter((l) => /^# (tests|pass|fail|cancelled|duration_ms)/.test(l) || /^not ok/.test(l))
// The EPUBCheck server logs its JVM's time when it stops: stop it now.
spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./tests/helpers/epubcheck.ts').then((m) => m.stopEpubcheckServer())"], { cwd: root, env: { ...env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' }, stdio: 'inherit' })
spawnSync('sleep', ['2'])

const rows = new Map()
const row = (file) => {
  const key = file || '(run)'
  if (!rows.has(key)) rows.set(key, { file: key, wall: 0, cpu: 0, cli: 0, cliCpu: 0, node: 0, nodeCpu: 0, chromium: 0, chromiumCpu: 0, java: 0, javaCpu: 0, epubcheck: 0, ace: 0 })
  return rows.get(key)
}
const lines = existsSync(trace) ? readFileSync(trace, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []
for (const e of lines) {
  const r = row(e.file)
  if (e.kind === 'file') Object.assign(r, { wall: e.wall, cpu: r.cpu + e.cpu, start: e.end === undefined ? undefined : e.end - e.wall * 1000 })
  else if (e.kind === 'cli') Object.assign(r, { cli: r.cli + 1, cliCpu: r.cliCpu + e.cpu })
  else if (e.kind === 'node') Object.assign(r, { node: r.node + 1, nodeCpu: r.nodeCpu + e.cpu })
  else if (e.kind === 'epubcheck') r.epubcheck += e.count
  else if (e.kind === 'ace') r.ace += e.count
}
const timed = existsSync(`${trace}.time`) ? readFileSync(`${trace}.time`, 'utf8').split('\n') : []
for (const l of timed) {
  const m = /^(chromium|java) (\S+) ([\d.]+) ([\d.]+) ([\d.]+)$/.exec(l)
  if (!m) continue
  const r = row(m[2] === '?' ? '' : m[2])
  r[m[1]] += 1
  r[`${m[1]}Cpu`] += Number(m[3]) + Number(m[4])
}

// When each file started, in seconds from the first: a long file started late ends the run alone.
const t0 = Math.min(...[...rows.values()].map((r) => r.start ?? Infinity))
const all = [...rows.values()].map((r) => ({ ...r, total: r.cpu + r.cliCpu + r.nodeCpu + r.chromiumCpu + r.javaCpu })).sort((a, b) => b.total - a.total)
const f1 = (n) => n.toFixed(1)
console.log(summary.join('\n'))
console.log('\n| test file | started s | wall s | CPU s (all) | test process | CLI runs (CPU) | other Node (CPU) | Chromium starts (CPU) | JVMs (CPU) | EPUBCheck checks | Ace EPUBs |')
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for (const r of all) {
  console.log(`| ${r.file} | ${r.start === undefined ? '' : f1((r.start - t0) / 1000)} | ${f1(r.wall)} | ${f1(r.total)} | ${f1(r.cpu)} | ${r.cli} (${f1(r.cliCpu)}) | ${r.node} (${f1(r.nodeCpu)}) | ${r.chromium} (${f1(r.chromiumCpu)}) | ${r.java} (${f1(r.javaCpu)}) | ${r.epubcheck} | ${r.ace} |`)
}
const sum = (k) => all.reduce((s, r) => s + r[k], 0)
console.log(`| **all** | | | ${f1(sum('total'))} | ${f1(sum('cpu'))} | ${sum('cli')} (${f1(sum('cliCpu'))}) | ${sum('node')} (${f1(sum('nodeCpu'))}) | ${sum('chromium')} (${f1(sum('chromiumCpu'))}) | ${sum('java')} (${f1(sum('javaCpu'))}) | ${sum('epubcheck')} | ${sum('ace')} |`)
process.exitCode = run.status ?? 1
