/**
 * The corpus gate (`npm run test:corpora`, also run by `.ci/run`): every
 * document of the Sorani documentation corpus (`--lang ckb`), the four
 * al-Muqtabas issues (`--lang ar`) and the Persian article build into
 * editions whose EPUB passes EPUBCheck with 0 errors and 0 warnings and Ace
 * by DAISY with 0 violations. It is slow (a browser and Java per file), so it
 * is not part of `npm test`.
 *
 * `CORPUS_FORMATS=epub` skips the PDFs (the checks only read the EPUB);
 * `CORPUS_ACE=0` skips Ace when iterating on EPUBCheck findings;
 * `CORPUS_ONLY=fa` runs only the corpora built with that language.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { slugOf } from '../../src/source/read.ts'
import { CLI, CORPORA, ROOT, tempDir } from '../helpers/paths.ts'
import { aceAll, type AceResult } from '../helpers/ace.ts'
import { epubcheckOutput } from '../helpers/epubcheck.ts'

const formats = process.env.CORPUS_FORMATS ?? 'epub,pdf'
const withAce = process.env.CORPUS_ACE !== '0'

/**
 * Documents refused by design (path under tests/corpora), with the words the
 * refusal must print: a build never downloads, so a page that shows a remote
 * image is refused at the image's line and column.
 */
const REFUSED: ReadonlyMap<string, RegExp> = new Map([
  ['documentation-kurdish/pages/how-to/easy-raspberry-pi-install/index.md', /^\s*\d+:\d+(?:-\d+:\d+)?\s+error\s+Remote image "https:\/\/[^"]+" refused: a build never downloads/m]
])

/**
 * EPUBCheck's verdict on `file` (checked in the JVM the whole run shares:
 * a JVM start per file was most of the gate's time): the counts and the
 * messages, each cut to 200 characters (RSC-005 lists every allowed attribute).
 */
function epubcheck(file: string): { counts: number[]; messages: string[]; output: string } {
  const output = epubcheckOutput(file)
  const m = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output)
  if (!m) throw new Error(`EPUBCheck printed no summary for ${file}:\n${output}`)
  const messages = [...new Set(output.split('\n').filter((l) => /^(ERROR|WARNING|FATAL)/.test(l)).map((l) => l.slice(0, 200)))]
  return { counts: [Number(m[1]), Number(m[2]), Number(m[3])], messages, output }
}

/** What the build printed under the file `name` (its report block, up to the next blank line). */
function reportOf(stderr: string, name: string): string {
  const lines = stderr.split('\n')
  const start = lines.findIndex((l) => l.trim().endsWith(name))
  if (start < 0) return ''
  const end = lines.findIndex((l, i) => i > start && l.trim() === '')
  return lines.slice(start, end < 0 ? undefined : end).join('\n')
}

/** Run the compiled CLI with the gate's time allowance (a whole corpus under load takes many minutes). */
function build(args: readonly string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: '1764547200' }, encoding: 'utf8', timeout: 3_600_000, maxBuffer: 256 * 1024 * 1024 })
  return r.stderr
}

/** Every `index.md` under `dir`, sorted, so the gate sees pages added later. */
function indexPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => path.basename(p) === 'index.md')
    .map((p) => path.join(dir, p))
    .sort()
}

/**
 * Split `sources` into as few groups as possible in which no two share a
 * slug: the docs have `api/introduction` and `getting-started/introduction`,
 * which one build would refuse to write to the same `introduction.epub`.
 */
function bySlug(sources: readonly string[]): string[][] {
  const groups: { slugs: Set<string>; files: string[] }[] = []
  for (const source of sources) {
    const slug = slugOf(source)
    let group = groups.find((g) => !g.slugs.has(slug))
    if (!group) groups.push((group = { slugs: new Set(), files: [] }))
    group.slugs.add(slug)
    group.files.push(source)
  }
  return groups.map((g) => g.files)
}

const docs = indexPages(path.join(CORPORA, 'documentation-kurdish', 'pages'))
const muqtabas = readdirSync(path.join(CORPORA, 'muqtabas'))
  .filter((n) => n.endsWith('.md') && n !== 'LICENSE.md')
  .map((n) => path.join(CORPORA, 'muqtabas', n))
const persian = readdirSync(path.join(CORPORA, 'persian'))
  .filter((n) => n.endsWith('.md') && n !== 'README.md')
  .map((n) => path.join(CORPORA, 'persian', n))

/** One corpus: its files, the language they are built with. */
interface Corpus {
  readonly name: string
  readonly lang: string
  readonly files: readonly string[]
}

const corpora: readonly Corpus[] = [
  { name: 'Sorani documentation (ckb)', lang: 'ckb', files: docs },
  { name: 'al-Muqtabas (ar)', lang: 'ar', files: muqtabas },
  { name: 'Persian article (fa)', lang: 'fa', files: persian }
]

for (const corpus of corpora.filter((c) => !process.env.CORPUS_ONLY || c.lang === process.env.CORPUS_ONLY)) {
  describe(corpus.name, () => {
    const out = tempDir('chapkhana-gate-')
    const outDir = (source: string): string => path.join(out, String(groups.findIndex((g) => g.includes(source))))
    const groups = bySlug(corpus.files)
    let stderr = ''
    /** Ace's verdicts on every EPUB the corpus built, from one browser; made when the first is asked for. */
    let aceResults: Map<string, AceResult | Error> | undefined
    const aceOf = (epub: string): AceResult => {
      if (!aceResults) {
        const built = corpus.files.map((f) => path.join(outDir(f), `${slugOf(f)}.epub`)).filter((f) => existsSync(f))
        const results = aceAll(built.map((epub) => [epub, path.join(path.dirname(epub), `ace-${path.basename(epub, '.epub')}`)] as const))
        aceResults = new Map(built.map((epub, i) => [epub, results[i] ?? new Error(`no Ace result for ${epub}`)]))
      }
      const result = aceResults.get(epub) ?? new Error(`${epub} was not checked by Ace`)
      if (result instanceof Error) throw result
      return result
    }
    before(() => {
      assert.ok(corpus.files.length > 0, `no files in ${corpus.name}`)
      // One invocation per slug group, with --jobs, so one browser serves many files.
      for (const [i, group] of groups.entries()) {
        stderr += build(['build', '--force', '--jobs', '2', '--lang', corpus.lang, '--format', formats, '--out', path.join(out, String(i)), ...group])
      }
    })
    for (const source of corpus.files) {
      const slug = slugOf(source)
      const name = path.relative(CORPORA, source)
      const refused = REFUSED.get(path.relative(CORPORA, source))
      if (refused) {
        it(`${name}: refused, with its reason printed`, () => assert.match(reportOf(stderr, name), refused, stderr))
        continue
      }
      it(`${name}: EPUBCheck 0 errors 0 warnings${withAce ? ', Ace 0 violations' : ''}`, () => {
        const epub = path.join(outDir(source), `${slug}.epub`)
        assert.ok(existsSync(epub), `${name} was not built:\n${reportOf(stderr, name) || stderr}`)
        const verdict = epubcheck(epub)
        assert.deepEqual(verdict.counts, [0, 0, 0], `${name}:\n${verdict.messages.join('\n') || verdict.output}`)
        if (!withAce) return
        const result = aceOf(epub)
        const list = result.violations.map((v) => `${v.file}: [${v.impact}] ${v.rule}: ${v.description}`).join('\n')
        assert.deepEqual(result.violations, [], `Ace on ${name} (see ${result.report}):\n${list}`)
      })
    }
  })
}
