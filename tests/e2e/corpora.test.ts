/**
 * Real texts beyond the seed: the four al-Muqtabas issues (Arabic, headings,
 * footnotes, verse; built with --lang ar because their front matter has no
 * lang) and Sorani documentation pages (code spans, lists, links, raw HTML).
 * Every EPUB must pass EPUBCheck with no error and no warning.
 */
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { CORPORA, tempDir } from '../helpers/paths.ts'
import { MUQTABAS_ARGS, sharedBuild } from '../helpers/shared-build.ts'
import { chapkhana, epubcheck, pdfinfo, unzipEpub } from '../helpers/tools.ts'

const muqtabas = readdirSync(path.join(CORPORA, 'muqtabas'))
  .filter((n) => /^al-muqtabas-issue-\d+\.md$/.test(n))
  .map((n) => path.join(CORPORA, 'muqtabas', n))
const docs = ['content/content-basics', 'getting-started/introduction', 'api/create-a-new-page'].map((p) =>
  path.join(CORPORA, 'documentation-kurdish', 'pages', p, 'index.md')
)

describe('al-Muqtabas (Arabic, --lang ar)', () => {
  let out = ''
  before(() => {
    // Every issue in the corpus is in the build other test files share (shared-build.ts).
    assert.deepEqual([...muqtabas].sort(), MUQTABAS_ARGS.slice(2).sort())
    const r = sharedBuild(MUQTABAS_ARGS)
    assert.equal(r.code, 0, r.stderr)
    out = r.out
  })
  for (const source of muqtabas) {
    const slug = path.basename(source, '.md')
    it(`${slug}: EPUBCheck 0/0, Arabic and right-to-left, notes as pop-ups, chapters split`, async () => {
      const verdict = epubcheck(path.join(out, `${slug}.epub`))
      assert.deepEqual([verdict.fatals, verdict.errors, verdict.warnings], [0, 0, 0], verdict.output)
      const files = await unzipEpub(path.join(out, `${slug}.epub`))
      const opf = files.get('OEBPS/content.opf')!.toString('utf8')
      assert.match(opf, /<dc:language>ar<\/dc:language>/)
      const text = [...files.entries()].filter(([n]) => n.endsWith('.xhtml')).map(([, b]) => b.toString('utf8')).join('\n')
      assert.match(text, /epub:type="noteref"/)
      assert.match(text, /<aside [^>]*epub:type="footnote"/)
      assert.match(pdfinfo(path.join(out, `${slug}.pdf`)).Tagged ?? '', /yes/)
    })
  }
})

describe('Sorani documentation pages (--lang ckb, title from the first heading)', () => {
  const out = tempDir('chapkhana-docs-')
  before(() => {
    const r = chapkhana(['build', '--lang', 'ckb', '--out', out, ...docs])
    assert.equal(r.code, 0, r.stderr)
  })
  for (const source of docs) {
    const slug = path.basename(path.dirname(source))
    it(`${slug}: EPUBCheck 0/0 and code kept left-to-right`, async () => {
      const verdict = epubcheck(path.join(out, `${slug}.epub`))
      assert.deepEqual([verdict.fatals, verdict.errors, verdict.warnings], [0, 0, 0], verdict.output)
      const files = await unzipEpub(path.join(out, `${slug}.epub`))
      const text = [...files.entries()].filter(([n]) => n.endsWith('.xhtml')).map(([, b]) => b.toString('utf8')).join('\n')
      if (text.includes('<code')) assert.match(text, /<code dir="ltr">/)
    })
  }
})
