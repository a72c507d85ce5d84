/**
 * The edition word diff: Myers gives a shortest script, Arabic-script
 * punctuation is a token of its own, paragraphs align before words do.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { diffSequences } from '../../src/diff/edit-script.ts'
import { tokenize } from '../../src/diff/tokens.ts'
import { diffSources } from '../../src/diff/word-diff.ts'
import { diffHtml, diffText } from '../../src/diff/render-diff.ts'

const doc = (...paragraphs: string[]): string => `---\ntitle: t\nlang: ckb\n---\n\n${paragraphs.join('\n\n')}\n`

function lcs(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0)
  for (const x of a) {
    let diag = 0
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!)
      diag = up
    }
  }
  return row[b.length]!
}

describe('Myers diff', () => {
  it('rebuilds both sides and keeps a longest common subsequence (property)', () => {
    const seq = fc.array(fc.constantFrom('a', 'b', 'c', 'ە', '،'), { maxLength: 14 })
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const ops = diffSequences(a, b)
        const left = ops.flatMap((o) => (o.type === 'insert' ? [] : a.slice(o.aStart, o.aEnd)))
        const right = ops.flatMap((o) => (o.type === 'delete' ? [] : b.slice(o.bStart, o.bEnd)))
        const kept = ops.filter((o) => o.type === 'equal').reduce((n, o) => n + o.aEnd - o.aStart, 0)
        assert.deepEqual(left, a)
        assert.deepEqual(right, b)
        assert.equal(kept, lcs(a, b))
      }),
      { numRuns: 500 }
    )
  })
})

describe('tokens', () => {
  it('splits Arabic-script punctuation off words and keeps ZWNJ inside a word', () => {
    assert.deepEqual(tokenize('«سڵاو»، چۆنی؟ می‌خواهم؛ باشە').map((t) => t.text), ['«', 'سڵاو', '»', '،', 'چۆنی', '؟', 'می‌خواهم', '؛', 'باشە'])
  })

  it('ignores bidi marks and compares NFC', () => {
    const [a] = tokenize('\u200Fكتاب')
    assert.equal(a?.text, 'كتاب')
    assert.equal(tokenize('e\u0301')[0]?.key, '\u00e9')
  })
})

describe('diffSources', () => {
  it('finds exactly the one word changed, in its paragraph, with its line', () => {
    const d = diffSources(doc('یەکەم دێڕ.', 'ئەم بژارەیە خرایە روو.'), doc('یەکەم دێڕ.', 'ئەم بژاردەیە خرایە روو.'))
    assert.equal(d.wordsChanged, 1)
    assert.equal(d.paragraphs.length, 1)
    assert.equal(d.paragraphs[0]?.paragraph.line, 8)
    assert.deepEqual(d.paragraphs[0]?.changes.map((c) => [c.before, c.after]), [['بژارەیە', 'بژاردەیە']])
  })

  it('sees a changed comma as a change of its own, and ignores the front matter', () => {
    const d = diffSources(doc('یەک، دوو'), doc('یەک؛ دوو').replace('title: t', 'title: other\nedition: 9'))
    assert.deepEqual(d.paragraphs[0]?.changes.map((c) => [c.before, c.after]), [['،', '؛']])
  })

  it('reports added and removed paragraphs', () => {
    const d = diffSources(doc('یەک', 'دوو'), doc('یەک', 'سێ چوار', 'دوو'))
    assert.equal(d.paragraphs[0]?.kind, 'added')
    assert.equal(d.wordsChanged, 2)
    assert.equal(diffSources(doc('a b', 'c'), doc('c')).paragraphs[0]?.kind, 'removed')
  })

  it('is the empty diff for equal texts, whatever the line ends', () => {
    const d = diffSources(doc('یەک دوو'), doc('یەک دوو').replace(/\n/g, '\r\n'))
    assert.equal(d.paragraphs.length, 0)
    assert.equal(d.wordsChanged, 0)
  })
})

describe('showing a diff', () => {
  const d = diffSources(doc('ئەم بژارەیە خرایە روو.'), doc('ئەم بژاردەیە خرایە روو.'))

  it('terminal: -/+ lines with «…» inside first-strong isolates, no colour unless asked, a summary', () => {
    const text = diffText(d, { colour: false, from: 'edition 2', to: 'the current text' })
    assert.ok(text.includes('- \u2068«بژارەیە»\u2069\n'))
    assert.ok(text.includes('+ \u2068«بژاردەیە»\u2069\n'))
    assert.ok(text.trimEnd().endsWith('1 word changed in 1 paragraph'))
    assert.doesNotMatch(text, /\u001b\[/)
    assert.match(diffText(d, { colour: true, from: 'a', to: 'b' }), /\u001b\[31m- /)
  })

  it('HTML: a standalone page with lang/dir from the document and <del>/<ins> in the text', () => {
    const html = diffHtml(d, { title: 'ناونیشان <x>', lang: 'ckb', dir: 'rtl', from: 'edition 2', to: 'edition 3' })
    assert.match(html, /^<!DOCTYPE html>\n<html lang="ckb" dir="rtl">/)
    assert.ok(html.includes('<p>ئەم <del>بژارەیە</del> <ins>بژاردەیە</ins> خرایە روو.</p>'))
    assert.ok(html.includes('ناونیشان &lt;x&gt;'))
    assert.doesNotMatch(html, /(src|href)=|@import|url\(/, 'no external requests')
  })
})
