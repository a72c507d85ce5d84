#!/usr/bin/env node
// Bundles the compiled-from-source CLI into dist/bundle/ with esbuild: Node
// then resolves a few dozen files instead of hundreds of small modules, which
// is most of what `chapkhana --help` and `chapkhana lint` cost. Each command's
// modules stay a separate chunk (code splitting keeps `await import()` lazy).
// puppeteer is bundled too: loaded from node_modules it resolved, read and
// compiled about a hundred small CommonJS and ES modules (cosmiconfig, semver,
// ws, …), ~0.8 s of CPU on the critical path of every build that prints,
// since Chromium starts only once it is loaded; bundled, ~0.45 s. It reads its
// configuration (.puppeteerrc.cjs) through cosmiconfig, whose CommonJS code
// asks for `__filename`/`__dirname`: the banner gives each chunk its own.
// subset-font is bundled (it finds harfbuzz's
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
  alias: { fontverter: path.join(root, 'scripts', 'fontverter-sfnt.cjs') },
  // Some bundled CommonJS packages call require() or read __filename and
  // __dirname; ESM has none of its own. `define` only replaces the free
  // names, so a bundled ES module's own `const __dirname` stays its own.
  banner: {
    js: [
      "import { createRequire as __chapkhanaRequire } from 'node:module';",
      "import { fileURLToPath as __chapkhanaPath } from 'node:url';",
      "import { dirname as __chapkhanaDir } from 'node:path';",
      'const require = __chapkhanaRequire(import.meta.url);',
      'const __chapkhanaFilename = __chapkhanaPath(import.meta.url);',
      'const __chapkhanaDirname = __chapkhanaDir(__chapkhanaFilename);'
    ].join(' ')
  },
  define: { __filename: '__chapkhanaFilename', __dirname: '__chapkhanaDirname' },
  logLevel: 'warning'
})
