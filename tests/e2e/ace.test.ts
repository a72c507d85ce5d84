/**
 * Ace by DAISY, the accessibility checker publishers and libraries use, on
 * the seed article (Sorani) and one al-Muqtabas issue (Arabic, headings and
 * footnotes): no failed check of any impact, best practices included.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { SEED, CORPORA, tempDir } from '../helpers/paths.ts'
import { ace, chapkhana } from '../helpers/tools.ts'

const out = tempDir('chapkhana-ace-')
const muqtabas = path.join(CORPORA, 'muqtabas', 'al-muqtabas-issue-65.md')

describe('Ace by DAISY', () => {
  before(() => {
    const seed = chapkhana(['build', '--format', 'epub', '--out', out, SEED])
    assert.equal(seed.code, 0, seed.stderr)
    const arabic = chapkhana(['build', '--format', 'epub', '--lang', 'ar', '--out', out, muqtabas])
    assert.equal(arabic.code, 0, arabic.stderr)
  })

  for (const slug of ['nato-coalition-leadership', 'al-muqtabas-issue-65']) {
    it(`${slug}: zero violations, the cover image described by its title`, () => {
      const result = ace(path.join(out, `${slug}.epub`), path.join(out, `ace-${slug}`))
      const list = result.violations.map((v) => `${v.file}: [${v.impact}] ${v.rule}: ${v.description}`).join('\n')
      assert.deepEqual(result.violations, [], `Ace found (see ${result.report}):\n${list}`)
      assert.equal(result.outcome, 'pass')
    })
  }
})
