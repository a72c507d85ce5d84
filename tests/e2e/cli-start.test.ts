/**
 * The command line loads only what a command needs: `--help`, `--version`
 * and `lint` never load the browser, the PDF and EPUB writers or the
 * Markdown-to-HTML stack. Checked by the modules Node actually resolves (a
 * resolve hook lists them), never by a stopwatch; for the compiled modules
 * and for the bundle `bin/chapkhana.js` runs, which must answer alike.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { CLI as BIN, COMPILED_CLI as CLI, ROOT, SEED, tempDir } from '../helpers/paths.ts'

const BUNDLE = path.join(ROOT, 'dist', 'bundle', 'main.mjs')
const work = tempDir('chapkhana-start-')
after(() => rmSync(work, { recursive: true, force: true }))

/** A `--import` module that registers a resolve hook appending every resolved URL to `log`. */
function hookFor(log: string): string {
  const hooks = `import { appendFileSync } from 'node:fs'
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n')
  return result
}`
  const register = path.join(work, `register-${path.basename(log)}.mjs`)
  writeFileSync(register, `import { register } from 'node:module'\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)})\n`)
  return register
}

/** Run `entry` with `args`; the exit code, stdout and every module URL resolved. */
function run(entry: string, args: readonly string[]): { status: number | null; stdout: string; modules: string[] } {
  const log = path.join(work, `modules-${Math.random().toString(36).slice(2)}.txt`)
  writeFileSync(log, '')
  const r = spawnSync(process.execPath, ['--import', hookFor(log), entry, ...args], { cwd: work, encoding: 'utf8' })
  return { status: r.status, stdout: r.stdout, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) }
}

/** Packages a command that renders nothing must not load. */
const HEAVY = ['puppeteer', 'puppeteer-core', 'pdf-lib', 'epub-gen-memory', 'jszip', 'rehype-raw', 'remark-rehype', 'subset-font']

/**
 * The source paths inside each bundle chunk Node loaded, from the list the
 * bundler wrote beside them (`dist/bundle/inputs.json`): a heavy package
 * bundled into a chunk shows there, not as a file Node resolves.
 */
function bundledPaths(modules: readonly string[]): string[] {
  const chunks = modules.filter((m) => m.startsWith('file:') && m.includes('/dist/bundle/'))
  if (chunks.length === 0) return []
  const inputs = JSON.parse(readFileSync(path.join(path.dirname(BUNDLE), 'inputs.json'), 'utf8')) as Record<string, string[]>
  return chunks.flatMap((m) => inputs[path.basename(new URL(m).pathname)] ?? []).map((p) => `/${p}`)
}

const loaded = (modules: readonly string[]): string[] => {
  const paths = [...modules, ...bundledPaths(modules)]
  return HEAVY.filter((p) => paths.some((m) => m.includes(`/node_modules/${p}/`)))
}

for (const [name, entry] of [['compiled modules', CLI], ['bundle', BUNDLE]] as const) {
  describe(`chapkhana from the ${name}`, () => {
    it('is built', () => assert.ok(existsSync(entry), `${entry} is missing: run npm run build:ts`))

    it('answers --help and --version without loading any renderer', () => {
      const help = run(entry, ['--help'])
      assert.equal(help.status, 0)
      assert.match(help.stdout, /^chapkhana \S+: right-to-left Markdown/)
      assert.deepEqual(loaded(help.modules), [])
      const version = run(entry, ['--version'])
      assert.equal(version.status, 0)
      assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/)
      assert.deepEqual(loaded(version.modules), [])
    })

    it('lints the seed without loading any renderer', () => {
      const lint = run(entry, ['lint', SEED])
      assert.ok(lint.status === 0 || lint.status === 1, `lint exited ${lint.status}`)
      assert.ok(lint.modules.some((m) => m.includes('/proofing/') || entry === BUNDLE), 'the proofing modules ran')
      assert.deepEqual(loaded(lint.modules), [])
    })
  })
}

describe('the bundle', () => {
  it('carries the heavy packages inside its chunks, where the check above looks for them', () => {
    const build = run(BUNDLE, ['build', '--format', 'pdf', '--out', path.join(work, 'out'), SEED])
    assert.equal(build.status, 0)
    assert.deepEqual(loaded(build.modules).filter((p) => p.startsWith('puppeteer')), ['puppeteer-core'])
  })

  it("drives Chromium with puppeteer-core: a build never loads puppeteer's configuration search (cosmiconfig, js-yaml) when the system has a browser", () => {
    // puppeteer's entry searches for .puppeteerrc files from the working folder up when it
    // loads: ~25 ms before Chromium could start. Only a machine without a system browser asks it.
    const build = run(BUNDLE, ['build', '--format', 'pdf', '--out', path.join(work, 'out-core'), SEED])
    assert.equal(build.status, 0)
    const paths = [...build.modules, ...bundledPaths(build.modules)]
    assert.ok(paths.some((m) => m.includes('/node_modules/puppeteer-core/')), 'puppeteer-core drove the browser')
    assert.deepEqual(['puppeteer', 'cosmiconfig', 'js-yaml'].filter((p) => paths.some((m) => m.includes(`/node_modules/${p}/`))), [])
  })

  it('builds a text without raw HTML without loading an HTML parser (rehype-raw, parse5): only a text with some loads it', () => {
    const paths = (modules: readonly string[]): string[] => [...modules, ...bundledPaths(modules)]
    const parsers = (modules: readonly string[]): string[] => ['rehype-raw', 'parse5'].filter((p) => paths(modules).some((m) => m.includes(`/node_modules/${p}/`)))
    const plain = run(BUNDLE, ['build', '--format', 'epub', '--out', path.join(work, 'out-plain'), SEED])
    assert.equal(plain.status, 0)
    assert.deepEqual(parsers(plain.modules), [])
    const raw = path.join(work, 'raw-html.md')
    writeFileSync(raw, '---\ntitle: "HTML"\nlang: ckb\ndate: 2026-11-24\n---\n\nدەق <b>ئەستوور</b>.\n')
    const parsed = run(BUNDLE, ['build', '--format', 'epub', '--out', path.join(work, 'out-raw'), raw])
    assert.equal(parsed.status, 0)
    assert.deepEqual(parsers(parsed.modules), ['rehype-raw', 'parse5'])
  })

  it('finds the characters no face has without loading fontkit: the faces\' code points are in the bundle', () => {
    // Bundled, fontkit would be in a chunk the resolve hook sees; loaded from node_modules, it
    // would come through require(), which that hook does not see: a preload lists those.
    const modules = path.join(work, 'coverage-modules.txt')
    writeFileSync(modules, '')
    const log = path.join(work, 'required.txt')
    const preload = path.join(work, 'require-log.cjs')
    writeFileSync(log, '')
    writeFileSync(preload, `const Module = require('node:module')
const { appendFileSync } = require('node:fs')
const load = Module._load
Module._load = function (request, ...rest) {
  appendFileSync(${JSON.stringify(log)}, request + '\\n')
  return load.call(this, request, ...rest)
}
`)
    const project = path.join(work, 'coverage')
    mkdirSync(project, { recursive: true })
    copyFileSync(path.join(ROOT, 'tests', 'fixtures', 'font-coverage', 'article.md'), path.join(project, 'article.md'))
    const r = spawnSync(process.execPath, ['--import', hookFor(modules), '--require', preload, BUNDLE, 'build', '--format', 'html', 'article.md'], { cwd: project, encoding: 'utf8' })
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stderr, /9:12 +warning Hebrew characters «ש ל ו ם»/)
    const required = readFileSync(log, 'utf8').split('\n')
    assert.ok(required.includes('fs') || required.includes('node:fs'), 'the preload saw the requires')
    const resolved = readFileSync(modules, 'utf8').split('\n').filter(Boolean)
    const fontkit = [...required, ...resolved, ...bundledPaths(resolved)].filter((m) => /(^|\/)fontkit(\/|$)/.test(m))
    assert.deepEqual(fontkit, [])
  })

  it('resolves far fewer files than the compiled modules for the same command', () => {
    const compiled = run(CLI, ['lint', SEED]).modules.filter((m) => m.startsWith('file:')).length
    const bundled = run(BUNDLE, ['lint', SEED]).modules.filter((m) => m.startsWith('file:')).length
    assert.ok(bundled * 4 < compiled, `bundle resolved ${bundled} files, compiled modules ${compiled}`)
  })

  it('carries no HTTP client: epub-gen-memory\'s node-fetch (with whatwg-url and tr46) is a stand-in that refuses', () => {
    const inputs = JSON.parse(readFileSync(path.join(path.dirname(BUNDLE), 'inputs.json'), 'utf8')) as Record<string, string[]>
    const all = Object.values(inputs).flat()
    assert.ok(all.some((p) => p.includes('node_modules/epub-gen-memory/')), 'the EPUB packager is bundled')
    assert.ok(all.some((p) => p.endsWith('scripts/node-fetch-none.cjs')), 'its stand-in for node-fetch is bundled')
    assert.deepEqual(all.filter((p) => /node_modules\/(node-fetch|whatwg-url|tr46)\//.test(p)), [])
  })

  it('carries no WebSocket client: puppeteer-core\'s ws is a stand-in that refuses (the browser is reached over a pipe)', () => {
    const inputs = JSON.parse(readFileSync(path.join(path.dirname(BUNDLE), 'inputs.json'), 'utf8')) as Record<string, string[]>
    const all = Object.values(inputs).flat()
    assert.ok(all.some((p) => p.endsWith('scripts/ws-none.mjs')), 'its stand-in for ws is bundled')
    assert.deepEqual(all.filter((p) => /node_modules\/ws\//.test(p)), [])
  })

  it('prints the same help as the compiled modules', () => {
    assert.equal(run(BUNDLE, ['--help']).stdout, run(CLI, ['--help']).stdout)
  })
})

describe('lint from its own CommonJS bundle (bin/chapkhana.js, with the code cache)', () => {
  it('carries the proofing and no renderer', () => {
    const inputs = JSON.parse(readFileSync(path.join(path.dirname(BUNDLE), 'inputs.json'), 'utf8')) as Record<string, string[]>
    const sources = (inputs['lint.cjs'] ?? []).map((p) => `/${p}`)
    assert.ok(sources.some((p) => p.includes('/src/proofing/')), 'the proofing is in it')
    assert.deepEqual(HEAVY.filter((p) => sources.some((m) => m.includes(`/node_modules/${p}/`))), [])
  })

  it('answers as the compiled modules do, twice (the second time from the cache)', () => {
    const project = tempDir('chapkhana-lint-project-')
    mkdirSync(path.join(project, 'texts'))
    writeFileSync(path.join(project, 'texts', 'untagged.md'), '---\ntitle: x\n---\n\nنص "مقتبس" هنا.\n')
    writeFileSync(path.join(project, 'chapkhana.config.json'), JSON.stringify({ contentDir: 'texts', lang: 'ar', proofing: { 'straight-quotes': 'error' } }))
    const cases: { args: string[]; cwd?: string; env?: Record<string, string> }[] = [
      { args: ['lint', SEED] },
      { args: ['lint', path.join(work, 'missing.md')] },
      { args: ['lint', '--lang', 'not a tag', SEED] },
      { args: ['lint'], cwd: project },
      { args: ['lint', SEED], env: { SOURCE_DATE_EPOCH: 'yesterday' } }
    ]
    for (const c of cases) {
      const options = { cwd: c.cwd ?? work, encoding: 'utf8' as const, env: { ...process.env, ...c.env } }
      const compiled = spawnSync(process.execPath, [CLI, ...c.args], options)
      for (const time of ['first', 'second']) {
        const bin = spawnSync(process.execPath, [BIN, ...c.args], options)
        assert.deepEqual([bin.status, bin.stdout, bin.stderr], [compiled.status, compiled.stdout, compiled.stderr], `${c.args.join(' ')} (${time} run)`)
      }
    }
  })
})
