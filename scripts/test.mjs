#!/usr/bin/env node
// npm test's test files, in one run of node's test runner (after
// scripts/build-tests.mjs has bundled every tests/<dir>/*.test.ts into plain
// JavaScript in tests/.tmp/js/run: no loader, so each file costs what its own
// work costs; under tsx each end-to-end file spent 2–3 s of CPU compiling).
// One run, not one per folder: a second run would wait for the first one's
// slowest file with a core idle.
// The runner starts files in the order given, TEST_CONCURRENCY at once
// (default 3: on 2 cores a file waiting on a build or a checker leaves a core
// to another). The longest files go first and the many short unit files
// last, so the run does not end with one long file on one core.
//   node scripts/test.mjs [file…]   (bundled files; default: all of them)
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const concurrency = `--test-concurrency=${process.env.TEST_CONCURRENCY ?? '3'}`
const run = path.join('tests', '.tmp', 'js', 'run')
const files = (dir) => readdirSync(path.join(root, run, dir)).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => path.join(run, dir, f))

/**
 * Started first: corpora.test.ts, whose first step is the largest shared
 * build (the four al-Muqtabas issues, which eight files wait for), then the
 * files whose own work is longest in a traced run (scripts/test-profile.mjs:
 * the CPU of their builds, browsers and checkers), longest first.
 */
const LONGEST = ['e2e/corpora', 'hardening/large', 'e2e/editions', 'e2e/books', 'hardening/editions', 'e2e/site', 'hardening/fuzz', 'hardening/faults', 'e2e/shards']
const all = ['e2e', 'hardening', 'proofing', 'unit'].flatMap(files)
const first = LONGEST.map((name) => path.join(run, `${name}.test.mjs`)).filter((f) => all.includes(f))
const ordered = process.argv.length > 2 ? process.argv.slice(2) : [...first, ...all.filter((f) => !first.includes(f))]

const status = spawnSync(process.execPath, ['--enable-source-maps', '--test', concurrency, ...ordered], { cwd: root, stdio: 'inherit' }).status
process.exitCode = status ?? 1
