/**
 * Ace by DAISY, the accessibility checker publishers and libraries use, on
 * the seed article (Sorani) and one al-Muqtabas issue (Arabic, headings and
 * footnotes): no failed check of any impact, best practices included.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { tempDir } from '../helpers/paths.ts'
import { MUQTABAS_ARGS, SEED_ARGS, sharedBuild } from '../helpers/shared-build.ts'
import { aceAll, type AceResult } from '../helpers/tools.ts'

const out = tempDir('chapkhana-ace-')
const SLUGS = ['nato-coalition-leadership', 'al-muqtabas-issue-65'] as const
/** Ace's verdict on each EPUB, from one Ace process with one browser for both. */
const results = new Map<string, AceResult | Error>()

describe('Ace by DAISY', () => {
  before(() => {
    // The seed's and al-Muqtabas 65's EPUBs, built once for this file and others (shared-build.ts).
    const seed = sharedBuild(SEED_ARGS)
    assert.equal(seed.code, 0, seed.stderr)
    const arabic = sharedBuild(MUQTABAS_ARGS)
    assert.equal(arabic.code, 0, arabic.stderr)
    const epubs = [path.join(seed.out, `${SLUGS[0]}.epub`), path.join(arabic.out, `${SLUGS[1]}.epub`)]
    // The reports go to this file's own folder: the shared ones are only read.
    const verdicts = aceAll(SLUGS.map((slug, i) => [epubs[i]!, path.join(out, `ace-${slug}`)] as const))
    SLUGS.forEach((slug, i) => results.set(slug, verdicts[i] ?? new Error(`Ace gave no result for ${slug}`)))
  })

  for (const slug of SLUGS) {
    it(`${slug}: zero violations, the cover image described by its title`, () => {
      const result = results.get(slug)
      if (result === undefined || result instanceof Error) throw result ?? new Error(`no Ace result for ${slug}`)
      const list = result.violations.map((v) => `${v.file}: [${v.impact}] ${v.rule}: ${v.description}`).join('\n')
      assert.deepEqual(result.violations, [], `Ace found (see ${result.report}):\n${list}`)
      assert.equal(result.outcome, 'pass')
    })
  }
})
