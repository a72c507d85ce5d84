#!/usr/bin/env node
// The `chapkhana` command: runs the compiled CLI (npm start / npm test compile it).
import { existsSync } from 'node:fs'
const main = new URL('../dist/src/cli/main.js', import.meta.url)
if (!existsSync(main)) {
  process.stderr.write('chapkhana: not compiled yet; run `npm start` (or `npm run build:ts`) once\n')
  process.exit(1)
}
await import(main.href)
