#!/usr/bin/env node
// Bundles the compiled-from-source CLI into dist/bundle/ with esbuild: Node
// then resolves a few dozen files instead of hundreds of small modules, which
// is most of what `chapkhana --help` and `chapkhana lint` cost. Each command's
// modules stay a separate chunk (code splitting keeps `await import()` lazy).
// puppeteer and subset-font stay outside: they find files of their own
// (browser revisions, harfbuzz's wasm) next to their modules at run time.
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outdir = path.join(root, 'dist', 'bundle')
rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  external: ['puppeteer', 'subset-font'],
  // Some bundled CommonJS packages call require(); ESM has none of its own.
  banner: { js: "import { createRequire as __chapkhanaRequire } from 'node:module'; const require = __chapkhanaRequire(import.meta.url);" },
  logLevel: 'warning'
})
