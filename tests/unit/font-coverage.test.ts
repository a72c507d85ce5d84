/**
 * Characters no bundled face has (issue 14, item 14): one check on the tree
 * every rendering is made from, warning with file:line:col of the first
 * occurrence, grouped by script; the bundled faces' own letters never warn.
 */
import assert from 'node:assert/strict'
import { copyFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { charsetTable, facePoints, scriptOf } from '../../src/fonts/coverage.ts'
import { ALL_FACES } from '../../src/fonts/fonts.ts'
import { CORPORA, ROOT, SEED, tempDir } from '../helpers/paths.ts'

const coverage = async (file: string, lang?: string) => {
  const edition = await loadEdition(file, resolveConfig(lang ? { lang } : {}))
  return edition.file.messages.filter((m) => m.ruleId === 'font-coverage')
}

describe('characters no bundled face covers', () => {
  it('Hebrew and emoji warn once per script, at the line and column of their first occurrence, naming the characters', async () => {
    const file = path.join(tempDir(), 'scripts.md')
    copyFileSync(path.join(ROOT, 'tests', 'fixtures', 'font-coverage', 'article.md'), file)
    const messages = await coverage(file)
    const hebrew = messages.find((m) => m.reason.startsWith('Hebrew'))
    assert.ok(hebrew, messages.map((m) => m.reason).join('\n'))
    assert.equal(hebrew.file, file)
    assert.deepEqual([hebrew.line, hebrew.column], [9, 12])
    assert.match(hebrew.reason, /«ש ל ו ם» \(U\+05E9 U\+05DC U\+05D5 U\+05DD\)/)
    assert.match(hebrew.reason, /8 in all/)
    const text = messages.find((m) => m.reason.startsWith('Emoji'))
    const title = messages.find((m) => m.reason.startsWith('In the title'))
    assert.ok(text && title, 'one for the text, one for the title')
    assert.deepEqual([text.line, text.column], [11, 19], 'the first emoji of the text, in bold')
    assert.match(text.reason, /«🎉» \(U\+1F389\)/)
    assert.match(title.reason, /^In the title \(front matter\): Emoji «🙂»/)
    assert.equal(messages.length, 3, 'Latin, Arabic script, digits and the dash are Amiri\'s own')
  })

  it('the seed article and an al-Muqtabas issue, all in Amiri, raise no warning (GFM\'s ↩ is not the author\'s text)', async () => {
    assert.deepEqual(await coverage(SEED), [])
    assert.deepEqual(await coverage(path.join(CORPORA, 'muqtabas', 'al-muqtabas-issue-49.md'), 'ar'), [])
  })

  it('the table the bundle carries gives each face the code points fontkit reads; a face whose file changed is read again', () => {
    const table = charsetTable(ALL_FACES.map((face) => face.file))
    const unread = (): number[] => {
      throw new Error('read with fontkit although the table lists the file')
    }
    for (const face of ALL_FACES) {
      const read = facePoints(face, undefined)
      assert.ok(read.length > 200, `${face.name}: ${read.length} code points`)
      assert.deepEqual(facePoints(face, table, unread), read, face.name)
    }
    // The same ranges under other files' hashes: every face is read again.
    const stale = Object.fromEntries(Object.values(table).map((ranges, i) => [String(i).padStart(64, '0'), ranges]))
    const asked: string[] = []
    for (const face of ALL_FACES) facePoints(face, stale, (file) => (asked.push(file), []))
    assert.deepEqual(asked, ALL_FACES.map((face) => face.file))
  })

  it('names the kind of character for the message', () => {
    assert.equal(scriptOf('א'), 'Hebrew')
    assert.equal(scriptOf('😀'), 'emoji')
    assert.equal(scriptOf('Ω'), 'Greek')
    assert.equal(scriptOf('∰'), 'symbol')
  })
})
