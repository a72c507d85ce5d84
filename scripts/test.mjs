#!/usr/bin/env node
// npm test's test files, in one run of node's test runner (after
// scripts/build-tests.mjs has bundled every tests/<dir>/*.test.ts into plain
// JavaScript in tests/.tmp/js/run: no loader, so each file costs what its own
// work costs; under tsx each end-to-end file spent 2–3 s of CPU compiling).
// One run, not one per folder: a second run would wait for the first one's
// slowest file with a core idle.
// Files start in the order given, TEST_CONCURRENCY at once (default 3: on
// 2 cores a file waiting on a build or a checker leaves a core to another).
// The longest files go first and the many short unit files last, so the run
// does not end with one long file on one core. The runner is node:test's
// `run()`, not `node --test FILES`: the command line sorts its files by name
// (so hardening/large, the longest, started last but one and ran alone at the
// end), `run({ files })` keeps their order. Its report is the command's TAP.
//   node scripts/test.mjs [file…]   (bundled files; default: all of them)
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { V8_FLAGS } from '../bin/v8-flags.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// The files' processes are started with this process's flags: stack traces through the bundles' source maps,
// and the CLI's V8 flags (bin/v8-flags.js: a test file is a short process too).
if (!process.execArgv.includes('--enable-source-maps')) {
  const again = spawnSync(process.execPath, ['--enable-source-maps', V8_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
  process.exit(again.status ?? 1)
}

const { run } = await import('node:test')
const { tap } = await import('node:test/reporters')
const runDir = path.join('tests', '.tmp', 'js', 'run')
const files = (dir) => readdirSync(path.join(root, runDir, dir)).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => path.join(runDir, dir, f))

/**
 * Started first: corpora.test.ts, whose first step is the largest shared
 * build (the four al-Muqtabas issues, which eight files wait for), then the
 * files that take longest in a traced run (scripts/test-profile.mjs: wall
 * time, most of it their own builds, browsers and checkers), longest first.
 */
const LONGEST = [
  'e2e/corpora', 'hardening/large', 'e2e/editions', 'e2e/books', 'hardening/editions', 'e2e/cli-start', 'hardening/bad-input', 'e2e/ace',
  'e2e/real-documents', 'e2e/site', 'hardening/faults', 'e2e/print-pages', 'e2e/shards', 'e2e/print', 'hardening/hostile', 'e2e/epub-cover'
]
const all = ['e2e', 'hardening', 'proofing', 'unit'].flatMap(files)
const first = LONGEST.map((name) => path.join(runDir, `${name}.test.mjs`)).filter((f) => all.includes(f))
const ordered = process.argv.length > 2 ? process.argv.slice(2) : [...first, ...all.filter((f) => !first.includes(f))]

const concurrency = Number(process.env.TEST_CONCURRENCY ?? '3')
const stream = run({ files: ordered.map((f) => path.resolve(root, f)), concurrency })
stream.on('test:fail', () => {
  process.exitCode = 1
})
stream.compose(tap).pipe(process.stdout)
