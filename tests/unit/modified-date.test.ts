/**
 * One modification time for an edition's files (issue 14, item 13 and its
 * sibling in print): the EPUB's dcterms:modified and the PDF's dates come from
 * SOURCE_DATE_EPOCH or the edition date, never from a 1910 journal's own date.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'
import { PDFDocument } from 'pdf-lib'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { modifiedDate } from '../../src/publication/modified.ts'
import { postprocessPdf } from '../../src/writers/pdf/postprocess.ts'
import { CORPORA, SEED } from '../helpers/paths.ts'

const journal = () => loadEdition(path.join(CORPORA, 'muqtabas', 'al-muqtabas-issue-49.md'), resolveConfig({ lang: 'ar' }))

describe('when an edition was modified', () => {
  it('SOURCE_DATE_EPOCH when set, else the edition date; a date from before EPUB 3 is never taken', async () => {
    const issue = await journal()
    assert.equal(issue.meta.date, '1910-02-12')
    assert.equal(modifiedDate(issue, { SOURCE_DATE_EPOCH: '1790000000' }), '2026-09-21T14:13:20Z')
    assert.ok(modifiedDate(issue, {}) >= '2011-10-11T00:00:00Z', modifiedDate(issue, {}))
    assert.equal(modifiedDate(issue, {}), modifiedDate(issue, {}), 'the same for every build')
    assert.equal(modifiedDate(await loadEdition(SEED, resolveConfig({})), {}), '2026-11-24T00:00:00Z')
  })

  it('the PDF of a 1910 journal issue is not dated 1910 (CreationDate and ModDate as the EPUB)', async () => {
    const issue = await journal()
    const blank = await PDFDocument.create()
    blank.addPage()
    const saved = process.env.SOURCE_DATE_EPOCH
    process.env.SOURCE_DATE_EPOCH = '1790000000'
    try {
      const pdf = await PDFDocument.load(await postprocessPdf(await blank.save(), issue, { producer: 'chapkhana test' }), { updateMetadata: false })
      assert.equal(pdf.getModificationDate()?.toISOString(), '2026-09-21T14:13:20.000Z')
      assert.equal(pdf.getCreationDate()?.toISOString(), '2026-09-21T14:13:20.000Z')
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH
      else process.env.SOURCE_DATE_EPOCH = saved
    }
  })
})
