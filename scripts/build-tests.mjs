#!/usr/bin/env node
// Compiles test files once for a run: esbuild bundles each tests/<dir>/*.test.ts
// given (default: unit, proofing, e2e and hardening) with the sources it imports into
// tests/.tmp/js/run/<dir>/*.test.mjs (shared code in chunks beside them; npm
// packages stay imports). Node then runs plain JavaScript: under tsx's
// loader every module of every test process went through its resolve and
// load hooks, 1–2.5 s of CPU per file for the unit tests (measured on
// markdown.test.ts: 4.2 s with tsx, 1.3 s bundled; hardening/fuzz.test.ts:
// 16.2 s with tsx, 12.9 s bundled).
//   node scripts/build-tests.mjs [dir…]
import { build } from 'esbuild'
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['unit', 'proofing', 'e2e', 'hardening']
// One level down: src/pipeline/cache.ts fingerprints the folder above its module's.
const outdir = path.join(root, 'tests', '.tmp', 'js', 'run')
rmSync(outdir, { recursive: true, force: true })
const entryPoints = dirs.flatMap((d) =>
  readdirSync(path.join(root, 'tests', d))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(root, 'tests', d, f))
)
// The cover encoder's thread, at run/png-worker.mjs beside the shared chunks that start it.
entryPoints.push({ in: path.join(root, 'src', 'writers', 'cover', 'png-worker.ts'), out: 'png-worker' })
await build({
  entryPoints,
  outbase: path.join(root, 'tests'),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  outExtension: { '.js': '.mjs' },
  // A bundled CommonJS helper (scripts/pako-zlib.cjs) calls require(); ESM has none of its own.
  banner: { js: "import { createRequire as __testRequire } from 'node:module'; const require = __testRequire(import.meta.url);" },
  logLevel: 'warning'
})
