#!/usr/bin/env node
// The `chapkhana` command: runs the bundled CLI (dist/bundle, one file per
// command: fast to start), or the compiled modules when the bundle is missing
// or older than them (`npm run build:ts` alone). `npm start` makes both.
// `lint` runs from its own CommonJS bundle with V8's code cache (code-cache.js).
import { existsSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import v8 from 'node:v8'
import { V8_FLAGS } from './v8-flags.js'

// Before any of chapkhana's code is loaded (v8-flags.js says why).
v8.setFlagsFromString(V8_FLAGS)

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
