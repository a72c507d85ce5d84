/**
 * `fixSource`: what it may change (prose), what it must not (code, URLs,
 * HTML, front matter syntax, line endings, BOM), and that a second run
 * changes nothing.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixSource } from '../../src/lint/fix.ts'
import { findings, fixed } from './helpers.ts'

const MESSY = [
  '---',
  'title: "كوردستان"',
  'lang: ckb',
  'proofing:',
  '  double-space: warn',
  '---',
  '',
  '# سەردێڕ ، یەک',
  '',
  'ئەمە "دەقێكی" تاقیکردنەوەیە,  لەگەڵ  `code, "x"  ك` و [بەستەر, ی](https://example.com/a,b?c=ك) .',
  '',
  '> وتەی "یەکەم"   لێرەیە ؟',
  '> دێڕی دووەم ,  کۆتایی',
  '',
  '```js',
  'const a = "ك" ,  b',
  '```',
  '',
  '<div title="ك, ی">ك, ی</div>',
  '',
  '| ستوون , یەک | دوو |',
  '| --- | --- |',
  '| ك | https://x.org/ك?a=1 |',
  ''
].join('\n')

describe('fixSource', () => {
  it('fixes prose and nothing else', () => {
    const out = fixed(MESSY, 'ckb')
    assert.match(out, /^title: "کوردستان"$/m)
    assert.match(out, /^# سەردێڕ، یەک$/m)
    assert.match(out, /^ئەمە «دەقێکی» تاقیکردنەوەیە، لەگەڵ `code, "x" {2}ك` و \[بەستەر، ی\]\(https:\/\/example\.com\/a,b\?c=ك\)\.$/m)
    assert.match(out, /^> وتەی «یەکەم» لێرەیە؟$/m)
    assert.match(out, /^> دێڕی دووەم، کۆتایی$/m)
    // Code blocks, raw HTML and URLs keep every byte.
    assert.ok(out.includes('```js\nconst a = "ك" ,  b\n```'))
    assert.ok(out.includes('<div title="ك, ی">ك, ی</div>'))
    assert.ok(out.includes('https://x.org/ك?a=1'))
    assert.match(out, /^\| ستوون، یەک \| دوو \|$/m)
  })

  it('is idempotent', () => {
    const once = fixed(MESSY, 'ckb')
    assert.notEqual(once, MESSY)
    assert.equal(fixed(once, 'ckb'), once)
    assert.deepEqual(findings(once, 'ckb').filter((f) => f.edits.length > 0), [])
  })

  it('keeps CRLF line endings and the BOM', () => {
    const crlf = `\uFEFF${MESSY.replace(/\n/g, '\r\n')}`
    const out = fixSource(crlf, 'ckb').text
    assert.ok(out.startsWith('\uFEFF---\r\n'))
    assert.equal(out.split('\r\n').length, crlf.split('\r\n').length)
    assert.doesNotMatch(out.replace(/\r\n/g, ''), /[\r\n]/)
    assert.equal(out.replace(/\r\n/g, '\n'), `\uFEFF${fixed(MESSY, 'ckb')}`)
  })

  it('lists every change with its rule and place', () => {
    const { changes } = fixSource('سڵاو , چۆنی\n', 'ckb')
    assert.deepEqual(
      changes.map((c) => [c.ruleId, c.line, c.column, c.actual, c.expected]),
      [
        ['ascii-punctuation', 1, 6, ',', '،'],
        ['space-before-punctuation', 1, 5, ' ', '']
      ]
    )
  })

  it('does not fix rules turned off by the project or the document', () => {
    assert.equal(fixed('سڵاو, چۆنی\n', 'ckb', { severity: { 'ascii-punctuation': 'off' } }), 'سڵاو, چۆنی\n')
    const md = '---\nlang: ckb\nproofing:\n  straight-quotes: off\n---\n\n"سڵاو"  و\n'
    assert.equal(fixed(md, undefined), '---\nlang: ckb\nproofing:\n  straight-quotes: off\n---\n\n"سڵاو" و\n')
    assert.equal(fixed('---\nproofing: off\n---\n\nكورد  ,\n', 'ckb'), '---\nproofing: off\n---\n\nكورد  ,\n')
  })

  it('leaves escapes and character references alone rather than break them', () => {
    const md = 'وتی \\"سڵاو\\" و &quot;باش&quot;\n'
    assert.equal(fixed(md, 'ckb'), 'وتی «سڵاو» و &quot;باش&quot;\n')
  })

  it('never moves a space next to emphasis markers, but still reports it', () => {
    // Without the space `**.**` would no longer open emphasis after a letter.
    const md = 'وشە **.** و _ئەمە_ ،\n'
    assert.equal(fixed(md, 'ckb'), md)
    const found = findings(md, 'ckb', 'space-before-punctuation')
    assert.equal(found.length, 2)
    assert.equal(fixSource(md, 'ckb').changes.length, 0)
  })
})
