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
// Two more stand-ins, each for one importer only (`standIns` below):
// string-width for vfile-reporter (scripts/string-width-fast.mjs: no emoji
// pattern where no emoji can be) and pako for JSZip (scripts/pako-zlib.cjs:
// the EPUB zip deflated by Node's zlib instead of JavaScript).
import { build } from 'esbuild'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Package → [the package folder whose imports of it are redirected, the stand-in]. */
const STAND_INS = {
  'string-width': [path.join(root, 'node_modules', 'vfile-reporter') + path.sep, path.join(root, 'scripts', 'string-width-fast.mjs')],
  pako: [path.join(root, 'node_modules', 'jszip') + path.sep, path.join(root, 'scripts', 'pako-zlib.cjs')]
}

/** Redirects a package to its stand-in for one importer only; every other importer keeps the package. */
const standIns = {
  name: 'stand-ins',
  setup(build) {
    build.onResolve({ filter: /^(string-width|pako)$/ }, (args) => {
      const [importer, standIn] = STAND_INS[args.path]
      return args.importer.startsWith(importer) ? { path: standIn } : undefined
    })
  }
}
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
  plugins: [standIns],
  // Some bundled CommonJS packages call require(); ESM has none of its own.
  // Whitespace, comments and syntax only (names stay, for stacks): a third
  // less code for Node to read and parse at every start, and `lint` on the
  // seed 10 % less CPU (medians of 15 interleaved runs, docs/benchmarks.md).
  minifyWhitespace: true,
  minifySyntax: true,
  banner: { js: "import { createRequire as __chapkhanaRequire } from 'node:module'; const require = __chapkhanaRequire(import.meta.url);" },
  logLevel: 'warning'
})
