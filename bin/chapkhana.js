#!/usr/bin/env node
// The `chapkhana` command: runs the bundled CLI (dist/bundle, one file per
// command: fast to start), or the compiled modules when the bundle is missing
// or older than them (`npm run build:ts` alone). `npm start` makes both.
import { existsSync, statSync } from 'node:fs'
const bundle = new URL('../dist/bundle/main.mjs', import.meta.url)
const compiled = new URL('../dist/src/cli/main.js', import.meta.url)
const mtime = (url) => (existsSync(url) ? statSync(url).mtimeMs : -1)
const main = mtime(bundle) >= mtime(compiled) && mtime(bundle) > 0 ? bundle : compiled
if (!existsSync(main)) {
  process.stderr.write('chapkhana: not compiled yet; run `npm start` (or `npm run build:ts`) once\n')
  process.exit(1)
}
await import(main.href)
