#!/usr/bin/env node
// Bundles the compiled-from-source CLI into dist/bundle/ with esbuild: Node
// then resolves a few dozen files instead of hundreds of small modules, which
// is most of what `chapkhana --help` and `chapkhana lint` cost. Each command's
// modules stay a separate chunk (code splitting keeps `await import()` lazy).
// puppeteer stays outside: it finds files of its own (browser revisions) next
// to its modules at run time. subset-font is bundled (it finds harfbuzz's
// wasm through require.resolve, which the banner's require answers from
// node_modules) with its format converter replaced by a stand-in that knows
// sfnt only (scripts/fontverter-sfnt.cjs): the real one compiles WOFF2
// WebAssembly on import, ~0.1 s of every cold build, for a format chapkhana
// never writes.
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
  external: ['puppeteer'],
  alias: { fontverter: path.join(root, 'scripts', 'fontverter-sfnt.cjs') },
  // Some bundled CommonJS packages call require(); ESM has none of its own.
  banner: { js: "import { createRequire as __chapkhanaRequire } from 'node:module'; const require = __chapkhanaRequire(import.meta.url);" },
  logLevel: 'warning'
})
