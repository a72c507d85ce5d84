#!/usr/bin/env node
// The `chapkhana` command: runs the bundled CLI (dist/bundle, one file per
// command: fast to start), or the compiled modules when the bundle is missing
// or older than them (`npm run build:ts` alone). `npm start` makes both.
// `lint` runs from its own CommonJS bundle with V8's code cache (code-cache.js).
import { existsSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import v8 from 'node:v8'

// V8 hands a function to its optimising compiler (TurboFan, on background
// threads) once the function has run about 66 KB of bytecode (its
// `--interrupt-budget`, 67,584). A build is a short process that runs
// hundreds of functions (micromark, hast, pdf-lib, JSZip) just past that
// and is over before most of their optimised code pays back: in a perf
// profile of the 50-chapter book TurboFan's threads took 1.03 s of the
// build's ~8 s of CPU. Sixteen times the budget leaves TurboFan the really
// hot functions only: Node's CPU for that book 4.04 → 3.36 s and the build's
// wall time 5.57 → 5.30 s (medians of 6 interleaved cold builds; 64 times
// no better, no TurboFan at all worse: 4.64 s; docs/benchmarks.md). Set
// here, before any of chapkhana's code is loaded (NODE_OPTIONS takes only a
// short list of V8 flags); every output is the same bytes.
v8.setFlagsFromString('--interrupt-budget=1081344')
const bundle = new URL('../dist/bundle/main.mjs', import.meta.url)
const compiled = new URL('../dist/src/cli/main.js', import.meta.url)
const lint = new URL('../dist/bundle/lint.cjs', import.meta.url)
const mtime = (url) => (existsSync(url) ? statSync(url).mtimeMs : -1)
const main = mtime(bundle) >= mtime(compiled) && mtime(bundle) > 0 ? bundle : compiled
if (!existsSync(main)) {
  process.stderr.write('chapkhana: not compiled yet; run `npm start` (or `npm run build:ts`) once\n')
  process.exit(1)
}
const args = process.argv.slice(2)
// `main` answers --help and --version before any command: so does this.
if (main === bundle && args[0] === 'lint' && !args.some((a) => a === '--help' || a === '-h' || a === '--version') && mtime(lint) >= mtime(compiled)) {
  const { loadCached } = await import('./code-cache.js')
  const { exports, save } = loadCached(fileURLToPath(lint))
  process.exitCode = await exports.runLint(args.slice(1))
  save()
} else {
  await import(main.href)
}
