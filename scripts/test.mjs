#!/usr/bin/env node
// npm test's test files, in two runs of node's test runner (after
// scripts/build-tests.mjs):
//  1. tests/unit and tests/proofing, bundled into plain JavaScript: no loader,
//     so each file costs what its own work costs;
//  2. tests/e2e and tests/hardening from their TypeScript with tsx (their
//     time is the CLI builds, Chromium and the checkers they run).
// Both always run; the exit code is non-zero when either failed.
// TEST_CONCURRENCY sets the files run at once (default 3: on 2 cores a file
// waiting on a build or a checker leaves a core to another).
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const concurrency = `--test-concurrency=${process.env.TEST_CONCURRENCY ?? '3'}`
const files = (dir, ext) => readdirSync(path.join(root, dir)).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(dir, f))
const bundled = ['unit', 'proofing'].flatMap((d) => files(path.join('tests', '.tmp', 'js', 'run', d), '.test.mjs'))
const typescript = ['e2e', 'hardening'].flatMap((d) => files(path.join('tests', d), '.test.ts'))

const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1
const first = run(['--enable-source-maps', '--test', concurrency, ...bundled])
const second = run(['--import', 'tsx', '--test', concurrency, ...typescript])
process.exitCode = first || second
