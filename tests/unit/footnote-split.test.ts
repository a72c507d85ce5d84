/**
 * Cutting a long note between two page feet: the words are counted as the
 * markers count them, the first part keeps the note's id and label, the rest
 * starts exactly at the cut word, and no word is lost or printed twice.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Element } from 'hast'
import { h } from 'hastscript'
import { toString } from 'hast-util-to-string'
import { baytStarts, markWords, notePart, splitBlock, splitNote, wordId } from '../../src/writers/pdf/footnotes/words.ts'

/** A two-paragraph note with a label link, as the print writer makes it. */
function note(): Element {
  return h('li', { id: 'fn-1' }, [
    h('p', [h('a.endnote-number', { href: '#fnref-1' }, '(١)'), ' یەک دوو سێ ', h('em', 'چوار پێنج'), ' شەش']),
    h('p', ['حەوت هەشت نۆ']),
    h('span.note-end', { id: 'fn-1-end' })
  ])
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean)
/** The words of sibling nodes (paragraphs are not joined by a space in the tree). */
const wordsOf = (nodes: readonly unknown[]): string[] => words(nodes.map((n) => toString(n as Element)).join(' '))

describe('splitting a note', () => {
  it('marks every word in order, the label included', () => {
    const li = note()
    const ids = markWords(li, 'fn-1')
    assert.equal(ids.length, 10)
    assert.equal(ids[3], wordId('fn-1', 3))
  })

  for (const at of [1, 4, 5, 7, 9]) {
    it(`cuts before word ${at}: nothing lost, nothing twice, id and end marker on their sides`, () => {
      const all = wordsOf(note().children)
      const { head, rest } = splitNote(note(), at)
      assert.deepEqual(wordsOf(head.children), all.slice(0, at))
      assert.deepEqual(wordsOf(rest), all.slice(at))
      assert.equal(head.properties.id, 'fn-1')
      assert.ok(!JSON.stringify(rest).includes('"fn-1"'), 'the rest carries no copy of the note id')
      assert.ok(JSON.stringify(rest).includes('fn-1-end'), 'the end marker follows the last word')
    })
  }

  it('takes a middle part between two cuts', () => {
    const all = wordsOf(note().children)
    const { part } = notePart(note(), 2, 6)
    assert.deepEqual(wordsOf(part), all.slice(2, 6))
  })
})

describe('splitting a poem between bayts', () => {
  /** A three-bayt poem as rehype-verse marks it up, whitespace between the bayts as in the tree. */
  const poem = (): Element =>
    h('div.verse', { id: 'b4' }, [
      h('p.bayt', [h('span.hemistich', 'یەک دوو'), ' ', h('span.hemistich', 'سێ')]),
      '\n',
      h('p.bayt', [h('span.hemistich', 'چوار'), ' ', h('span.hemistich', 'پێنج شەش')]),
      '\n',
      h('p.bayt', [h('span.hemistich', 'حەوت'), ' ', h('span.hemistich', 'هەشت')])
    ])

  it('knows the word each bayt begins with, counted as the markers count', () => {
    const node = poem()
    assert.deepEqual(baytStarts(node), [0, 3, 6])
    assert.equal(markWords(poem(), 'b4').length, 8)
  })

  it('cuts before a bayt: whole bayts on each side, the poem kept as a poem', () => {
    const [head, rest] = splitBlock(poem(), [3], ['b4-from-w3'])
    assert.equal(head!.children.filter((c) => c.type === 'element').length, 1)
    assert.equal(rest!.children.filter((c) => c.type === 'element').length, 2)
    assert.ok(String(rest!.properties.className).includes('verse'))
    assert.deepEqual(wordsOf([head, rest]), words('یەک دوو سێ چوار پێنج شەش حەوت هەشت'))
  })
})
