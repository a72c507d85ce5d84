/**
 * The corpus gate (`npm run test:corpora`, also run by `.ci/run`): every
 * document of the Sorani documentation corpus (`--lang ckb`), the four
 * al-Muqtabas issues (`--lang ar`) and the Persian article build into
 * editions whose EPUB passes EPUBCheck with 0 errors and 0 warnings and Ace
 * by DAISY with 0 violations. It is slow (a browser and Java per file), so it
 * is not part of `npm test`.
 *
 * `CORPUS_FORMATS=epub` skips the PDFs (the checks only read the EPUB);
 * `CORPUS_ACE=0` skips Ace when iterating on EPUBCheck findings.
 */
import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { slugOf } from '../../src/document/read.ts'
import { CORPORA, tempDir } from '../helpers/paths.ts'
import { ace, chapkhana, epubcheck } from '../helpers/tools.ts'

const formats = process.env.CORPUS_FORMATS ?? 'epub,pdf'
const withAce = process.env.CORPUS_ACE !== '0'

/**
 * Documents refused by design (path under tests/corpora), with the words the
 * refusal must print: a build never downloads, so a page that shows a remote
 * image is refused at the image's line and column.
 */
const REFUSED: ReadonlyMap<string, RegExp> = new Map([
  ['documentation-kurdish/pages/how-to/easy-raspberry-pi-install/index.md', /easy-raspberry-pi-install\/index\.md:\d+:\d+.*Remote image "https:\/\/[^"]+" refused/]
])

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

for (const corpus of corpora) {
  describe(corpus.name, () => {
    const out = tempDir('chapkhana-gate-')
    const outDir = (source: string): string => path.join(out, String(groups.findIndex((g) => g.includes(source))))
    const groups = bySlug(corpus.files)
    let stderr = ''
    before(() => {
      assert.ok(corpus.files.length > 0, `no files in ${corpus.name}`)
      // One invocation per slug group, with --jobs, so one browser serves many files.
      for (const [i, group] of groups.entries()) {
        const r = chapkhana(['build', '--force', '--jobs', '2', '--lang', corpus.lang, '--format', formats, '--out', path.join(out, String(i)), ...group], { env: { SOURCE_DATE_EPOCH: '1764547200' } })
        stderr += r.stderr
      }
    })
    for (const source of corpus.files) {
      const slug = slugOf(source)
      const name = path.relative(CORPORA, source)
      const refused = REFUSED.get(path.relative(CORPORA, source))
      if (refused) {
        it(`${name}: refused, with its reason printed`, () => assert.match(stderr, refused))
        continue
      }
      it(`${name}: EPUBCheck 0 errors 0 warnings${withAce ? ', Ace 0 violations' : ''}`, () => {
        const epub = path.join(outDir(source), `${slug}.epub`)
        const said = stderr.split('\n').filter((l) => l.includes(source)).join('\n')
        assert.ok(existsSync(epub), `${name} was not built:\n${said || stderr}`)
        const verdict = epubcheck(epub)
        // RSC-005 lines list every allowed attribute: the first 200 characters say what is wrong.
        const problems = verdict.output.split('\n').filter((l) => /^(ERROR|WARNING|FATAL)/.test(l)).map((l) => l.slice(0, 200))
        assert.deepEqual([verdict.fatals, verdict.errors, verdict.warnings], [0, 0, 0], `${name}:\n${[...new Set(problems)].join('\n') || stderr}`)
        if (!withAce) return
        const result = ace(epub, path.join(outDir(source), `ace-${slug}`))
        const list = result.violations.map((v) => `${v.file}: [${v.impact}] ${v.rule}: ${v.description}`).join('\n')
        assert.deepEqual(result.violations, [], `Ace on ${name} (see ${result.report}):\n${list}`)
      })
    }
  })
}
