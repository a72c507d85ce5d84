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
import type { Element, ElementContent, Root, Text } from 'hast'
import fc from 'fast-check'
import { visitParents } from 'unist-util-visit-parents'
import { charsetTable, facePoints, scriptOf, uncoveredCharacters, type Uncovered } from '../../src/fonts/coverage.ts'
import { BOLD, ITALIC } from '../../src/fonts/faces-used.ts'
import { ALL_FACES, BOOK_FONT, type FontFace } from '../../src/fonts/fonts.ts'
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

  it('finds the same characters, counts and places as a walk that looks at every text\'s ancestors, on real and random trees', async () => {
    for (const [file, lang] of [
      [path.join(ROOT, 'tests', 'fixtures', 'font-coverage', 'article.md'), undefined],
      [SEED, undefined],
      [path.join(CORPORA, 'muqtabas', 'al-muqtabas-issue-49.md'), 'ar'],
      [path.join(ROOT, 'tests', 'fixtures', 'books', 'mixed-language', 'book.md'), undefined]
    ] as const) {
      const copy = path.join(tempDir(), path.basename(file))
      copyFileSync(file, copy)
      const { tree } = await loadEdition(file.endsWith('book.md') ? file : copy, resolveConfig(lang ? { lang } : {}))
      assert.deepEqual(uncoveredCharacters(tree), byAncestors(tree), file)
    }
    const text = fc.string({ unit: fc.constantFrom('a', 'ب', 'ש', 'Ω', '😀', '∰', ' ', '\n', '\u200c', '\ufe0f'), maxLength: 12 }).map((value): Text => ({ type: 'text', value, position: { start: { line: 3, column: 5 }, end: { line: 3, column: 5 + value.length } } }))
    const { node } = fc.letrec<{ node: ElementContent }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.record({
          type: fc.constant('element' as const),
          tagName: fc.constantFrom('p', 'strong', 'em', 'h2', 'a', 'span', 'th', 'cite'),
          properties: fc.constantFrom({}, { dataFootnoteBackref: '' }),
          children: fc.array(tie('node'), { maxLength: 4 })
        }) as fc.Arbitrary<ElementContent>
      )
    }))
    fc.assert(
      fc.property(fc.array(node, { maxLength: 5 }), (children) => {
        const tree: Root = { type: 'root', children }
        assert.deepEqual(uncoveredCharacters(tree), byAncestors(tree))
      }),
      { numRuns: 300 }
    )
  })
})

/** The walk `uncoveredCharacters` was until it carried the face down: each text's face from its ancestors. */
function byAncestors(tree: Root, faces: readonly FontFace[] = BOOK_FONT.faces): Uncovered[] {
  const groups = new Map<string, Uncovered>()
  const sets = new Map<FontFace, Set<number>>()
  visitParents(tree, 'text', (node: Text, ancestors) => {
    if (ancestors.some((a) => a.type === 'element' && a.properties.dataFootnoteBackref !== undefined)) return
    const tags = ancestors.filter((a): a is Element => a.type === 'element').map((a) => a.tagName)
    const weight = tags.some((t) => BOLD.has(t)) ? 700 : 400
    const style = tags.some((t) => ITALIC.has(t)) ? 'italic' : 'normal'
    const face = faces.find((f) => f.weight === weight && f.style === style) ?? faces[0]!
    const has = sets.get(face) ?? new Set(facePoints(face))
    sets.set(face, has)
    let offset = 0
    for (const c of node.value) {
      const here = offset
      offset += c.length
      if (has.has(c.codePointAt(0)!) || /[\s\p{Cc}\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u.test(c)) continue
      const script = scriptOf(c)
      let group = groups.get(script)
      if (!group) {
        const start = node.position?.start
        const before = node.value.slice(0, here).split('\n')
        const place = start ? (before.length === 1 ? { line: start.line, column: start.column + here } : { line: start.line + before.length - 1, column: before.at(-1)!.length + 1 }) : (ancestors.at(-1) as Element | undefined)?.position?.start
        group = { script, chars: [], count: 0, ...(place ? { place: { line: place.line, column: place.column } } : {}) }
        groups.set(script, group)
      }
      if (!group.chars.includes(c)) group.chars.push(c)
      group.count++
    }
  })
  return [...groups.values()]
}
