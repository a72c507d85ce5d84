/** EPUB and print cut the same chapters and put every note in the chapter of its first reference. */
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { splitChapters } from '../../src/writers/epub/chapters.ts'
import { printChapters } from '../../src/writers/pdf/chapters.ts'
import { tempDir } from '../helpers/paths.ts'

describe('one chapter split for both editions', () => {
  it('a note with an Arabic label goes to the chapter that refers to it, in the EPUB and in print', async () => {
    const file = path.join(tempDir(), 'notes.md')
    writeFileSync(file, '---\ntitle: ت\nlang: ar\n---\n\n# الأول\n\nنص[^أ].\n\n# الثاني\n\nنص آخر[^2].\n\n[^أ]: ملاحظة أولى.\n\n[^2]: ملاحظة ثانية.\n')
    const edition = await loadEdition(file, resolveConfig({}))
    const holds = (chapters: readonly { children: unknown[] }[], text: string) => chapters.map((c) => JSON.stringify(c.children).includes(text))
    const epub = splitChapters(edition)
    const print = printChapters(edition)
    assert.equal(epub.length, 2)
    assert.equal(print.length, 2)
    for (const chapters of [epub, print]) {
      assert.deepEqual(holds(chapters, 'ملاحظة أولى'), [true, false])
      assert.deepEqual(holds(chapters, 'ملاحظة ثانية'), [false, true])
    }
  })
})
