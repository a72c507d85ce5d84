/**
 * Ace by DAISY, the accessibility checker publishers and libraries use, on
 * the seed article (Sorani) and one al-Muqtabas issue (Arabic, headings and
 * footnotes): no failed check of any impact, best practices included.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { tempDir } from '../helpers/paths.ts'
import { MUQTABAS_65_EPUB_ARGS, SEED_EPUB_ARGS, sharedBuild } from '../helpers/shared-build.ts'
import { ace } from '../helpers/tools.ts'

const out = tempDir('chapkhana-ace-')
/** The seed's and al-Muqtabas 65's EPUBs, built once for this file and others (shared-build.ts). */
let seedOut = ''
let arabicOut = ''

describe('Ace by DAISY', () => {
  before(() => {
    const seed = sharedBuild(SEED_EPUB_ARGS)
    assert.equal(seed.code, 0, seed.stderr)
    seedOut = seed.out
    const arabic = sharedBuild(MUQTABAS_65_EPUB_ARGS)
    assert.equal(arabic.code, 0, arabic.stderr)
    arabicOut = arabic.out
  })

  for (const slug of ['nato-coalition-leadership', 'al-muqtabas-issue-65']) {
    it(`${slug}: zero violations, the cover image described by its title`, () => {
      const from = slug === 'nato-coalition-leadership' ? seedOut : arabicOut
      // The report goes to this file's own folder: the shared one is only read.
      const result = ace(path.join(from, `${slug}.epub`), path.join(out, `ace-${slug}`))
      const list = result.violations.map((v) => `${v.file}: [${v.impact}] ${v.rule}: ${v.description}`).join('\n')
      assert.deepEqual(result.violations, [], `Ace found (see ${result.report}):\n${list}`)
      assert.equal(result.outcome, 'pass')
    })
  }
})
