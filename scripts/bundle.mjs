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
// More stand-ins, each for one importer only (`standIns` below):
// string-width for vfile-reporter (scripts/string-width-fast.mjs: no emoji
// pattern where no emoji can be) and pako for JSZip (scripts/pako-zlib.cjs:
// the EPUB zip deflated by Node's zlib instead of JavaScript); and one for
// @puppeteer/browsers: proxy-agent, needed only to download a browser
// (scripts/proxy-agent-none.mjs); and one for puppeteer-core: debug, whose
// logger for a namespace is made once instead of once per DevTools message
// (scripts/debug-once.mjs); and one for epub-gen-memory: node-fetch, which it
// calls only for an image or face given by address, never by chapkhana
// (scripts/node-fetch-none.cjs); and one for puppeteer-core: ws, for a
// browser reached over a WebSocket, where chapkhana uses a pipe
// (scripts/ws-none.mjs). unist-util-visit-parents is loaded without
// the per-node naming of its visitors (scripts/visit-unnamed.mjs).
import { build } from 'esbuild'
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { visitUnnamed } from './visit-unnamed.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Package → [the package folder whose imports of it are redirected, the stand-in]. */
const STAND_INS = {
  'string-width': [path.join(root, 'node_modules', 'vfile-reporter') + path.sep, path.join(root, 'scripts', 'string-width-fast.mjs')],
  pako: [path.join(root, 'node_modules', 'jszip') + path.sep, path.join(root, 'scripts', 'pako-zlib.cjs')],
  'proxy-agent': [path.join(root, 'node_modules', '@puppeteer', 'browsers') + path.sep, path.join(root, 'scripts', 'proxy-agent-none.mjs')],
  debug: [path.join(root, 'node_modules', 'puppeteer-core') + path.sep, path.join(root, 'scripts', 'debug-once.mjs')],
  'node-fetch': [path.join(root, 'node_modules', 'epub-gen-memory') + path.sep, path.join(root, 'scripts', 'node-fetch-none.cjs')],
  ws: [path.join(root, 'node_modules', 'puppeteer-core') + path.sep, path.join(root, 'scripts', 'ws-none.mjs')]
}

/** Redirects a package to its stand-in for one importer only; every other importer keeps the package. */
const standIns = {
  name: 'stand-ins',
  setup(build) {
    // The filter names exactly the packages above, so that a stand-in added there is never left out here.
    build.onResolve({ filter: new RegExp(`^(${Object.keys(STAND_INS).join('|')})$`) }, (args) => {
      const [importer, standIn] = STAND_INS[args.path]
      return args.importer.startsWith(importer) ? { path: standIn } : undefined
    })
  }
}
/**
 * The code points of every face chapkhana sets text in, read with fontkit
 * now (src/fonts/coverage.ts, `charsetTable`, from the modules tsc compiled
 * before this runs), so that no build imports fontkit for them; a face whose
 * file changed after this is read again at run time.
 */
async function faceCharsets() {
  const compiled = (file) => import(pathToFileURL(path.join(root, 'dist', 'src', 'fonts', file)).href)
  const [{ ALL_FACES }, { charsetTable }] = await Promise.all([compiled('fonts.js'), compiled('coverage.js')])
  return charsetTable(ALL_FACES.map((face) => face.file))
}
const outdir = path.join(root, 'dist', 'bundle')
rmSync(outdir, { recursive: true, force: true })
/** What both bundles below share: the same sources, stand-ins and minifying. */
const shared = {
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  alias: { fontverter: path.join(root, 'scripts', 'fontverter-sfnt.cjs') },
  plugins: [standIns, visitUnnamed],
  // Whitespace, comments and syntax only (names stay, for stacks): a third
  // less code for Node to read and parse at every start, and `lint` on the
  // seed 10 % less CPU (medians of 15 interleaved runs, docs/benchmarks.md).
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning'
}
const result = await build({
  ...shared,
  // The cover encoder's thread (src/writers/cover/png-thread.ts) is an entry
  // of its own, beside main.mjs, where png-thread finds it.
  entryPoints: [
    { in: path.join(root, 'src', 'cli', 'main.ts'), out: 'main' },
    { in: path.join(root, 'src', 'writers', 'cover', 'png-worker.ts'), out: 'png-worker' }
  ],
  splitting: true,
  format: 'esm',
  outExtension: { '.js': '.mjs' },
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
  define: { __filename: '__chapkhanaFilename', __dirname: '__chapkhanaDirname', CHAPKHANA_FACE_CHARSETS: JSON.stringify(await faceCharsets()) }
})
// `lint` alone, as one CommonJS file (src/cli/lint-main.ts): bin/chapkhana.js
// loads it with V8's code cache, which Node 20 offers CommonJS scripts only.
// Measured on the seed (31 interleaved runs, fastest): 279 ms from the split
// ES modules, 257 ms from one CommonJS file, 242 ms with its code cache.
// `import.meta.url` (paths.ts finds the package by it) is the file's own URL.
const lint = await build({
  ...shared,
  entryPoints: [{ in: path.join(root, 'src', 'cli', 'lint-main.ts'), out: 'lint' }],
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  banner: { js: "const __chapkhanaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__chapkhanaUrl' },
  // subset-font is read on the way and shaken out; were it kept, its
  // require.resolve would find harfbuzz from dist/bundle as the ESM chunks do.
  logOverride: { 'require-resolve-not-external': 'silent' }
})
Object.assign(result.metafile.outputs, lint.metafile.outputs)
// Which sources each chunk holds (minified chunks keep no `// node_modules/…`
// comments): tests/e2e/cli-start.test.ts tells by it which packages a command loaded.
const inputs = Object.fromEntries(Object.entries(result.metafile.outputs).map(([file, out]) => [path.basename(file), Object.keys(out.inputs)]))
writeFileSync(path.join(outdir, 'inputs.json'), `${JSON.stringify(inputs)}\n`)
