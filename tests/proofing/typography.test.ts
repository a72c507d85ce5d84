/**
 * Punctuation, spacing, quotation and digit rules: each reported and fixed,
 * and each shown to leave alone what only looks like its problem.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findings, fixed } from './helpers.ts'

describe('ascii-punctuation', () => {
  it('turns , ; ? between Sorani words into ، ؛ ؟', () => {
    const md = 'سڵاو, چۆنی? باشم; سوپاس\n'
    assert.deepEqual(
      findings(md, 'ckb', 'ascii-punctuation').map((f) => `${f.actual}→${f.expected}`),
      [',→،', '?→؟', ';→؛']
    )
    assert.equal(fixed(md, 'ckb'), 'سڵاو، چۆنی؟ باشم؛ سوپاس\n')
  })
  it('applies to Arabic too, whose comma is the same', () => {
    assert.equal(fixed('قال, ثم مضى\n', 'ar'), 'قال، ثم مضى\n')
  })
  it('leaves Latin text, numbers and code alone', () => {
    const md = 'Hello, world; ok? ژمارەی 5,000 و `a, b` و PHP, MySQL\n'
    assert.deepEqual(findings(md, 'ckb', 'ascii-punctuation'), [])
  })
})

describe('space-before-punctuation', () => {
  it('removes spaces before ، ؛ ؟ . : !', () => {
    const md = 'سڵاو ، چۆنی ؟ ئەمە : باشە !\n'
    assert.equal(findings(md, 'ckb', 'space-before-punctuation').length, 4)
    assert.equal(fixed(md, 'ckb'), 'سڵاو، چۆنی؟ ئەمە: باشە!\n')
  })
  it('keeps a file extension, an ellipsis and a line-initial mark', () => {
    assert.deepEqual(findings('فایلی .md بکەرەوە و وشە ...\n', 'ckb', 'space-before-punctuation'), [])
  })
})

describe('space-after-punctuation', () => {
  it('adds the space after ، and after a full stop between two words', () => {
    const md = 'سڵاو،چۆنی. بکەن.بۆ\n'
    assert.equal(findings(md, 'ckb', 'space-after-punctuation').length, 2)
    assert.equal(fixed(md, 'ckb'), 'سڵاو، چۆنی. بکەن. بۆ\n')
  })
  it('fixes an ASCII comma glued to the next word in one go', () => {
    assert.equal(fixed('بکەن,لە سەر\n', 'ckb'), 'بکەن، لە سەر\n')
  })
  it('keeps abbreviations, decimals and domain names', () => {
    assert.deepEqual(findings('ئەی.پی.ئەی و ٢.٥ و ٣،٥ و example.com\n', 'ckb', 'space-after-punctuation'), [])
  })
})

describe('double-space', () => {
  it('collapses spaces inside a line', () => {
    const md = 'سڵاو  چۆنی   باشم\n'
    assert.deepEqual(
      findings(md, 'ckb', 'double-space').map((f) => f.actual),
      ['  ', '   ']
    )
    assert.equal(fixed(md, 'ckb'), 'سڵاو چۆنی باشم\n')
  })
  it('keeps hard breaks and indentation', () => {
    const md = 'سڵاو  \nچۆنی\n\n- یەک\n  دوو\n'
    assert.deepEqual(findings(md, 'ckb', 'double-space'), [])
    assert.equal(fixed(md, 'ckb'), md)
  })
  it('keeps emphasis emphasis', () => {
    assert.equal(fixed('**Browser**  کرتە بکەن و  **بەهێز**\n', 'ckb'), '**Browser** کرتە بکەن و **بەهێز**\n')
  })
  it('applies to every language', () => {
    assert.equal(fixed('two  spaces\n', 'en'), 'two spaces\n')
  })
})

describe('straight-quotes', () => {
  it('turns "…" around Sorani text into «…»', () => {
    const md = 'گوتی "سڵاو" و ڕۆیشت.\n'
    const found = findings(md, 'ckb', 'straight-quotes')
    assert.equal(found.length, 1)
    assert.equal(found[0]?.actual, '"سڵاو"')
    assert.equal(fixed(md, 'ckb'), 'گوتی «سڵاو» و ڕۆیشت.\n')
  })
  it('uses ‹…› inside a quotation, and removes padding inside the marks', () => {
    assert.equal(fixed('"ئەو گوتی \' سڵاو \' و ڕۆیشت"\n', 'ckb'), '«ئەو گوتی ‹سڵاو› و ڕۆیشت»\n')
    assert.equal(fixed('وتی «ئەو "سڵاو"ی کرد»\n', 'ckb'), 'وتی «ئەو ‹سڵاو›ی کرد»\n')
  })
  it('pairs a quotation glued to the word before it', () => {
    assert.equal(fixed('وتی"سڵاو"\n', 'ckb'), 'وتی«سڵاو»\n')
  })
  it('sees a quotation through emphasis', () => {
    assert.equal(fixed('"**بەهێز**" بوو\n', 'ckb'), '«**بەهێز**» بوو\n')
  })
  it('leaves Latin quotations, apostrophes and attributes alone', () => {
    const md = 'هێرشی "brute force" و don\'t و <a title="سڵاو">x</a>\n'
    assert.deepEqual(findings(md, 'ckb', 'straight-quotes'), [])
  })
})

describe('mixed-digits', () => {
  it('fixes Persian digits in a Sorani document that also uses Arabic-Indic ones', () => {
    const md = 'ساڵی ۱۹۹۱ و ساڵی ٢٠٠٣\n'
    const found = findings(md, 'ckb', 'mixed-digits')
    assert.equal(found.length, 1)
    assert.equal(found[0]?.actual, '۱۹۹۱')
    assert.equal(fixed(md, 'ckb'), 'ساڵی ١٩٩١ و ساڵی ٢٠٠٣\n')
  })
  it('counts ASCII prose digits as mixing, but never rewrites them', () => {
    assert.equal(fixed('ساڵی 2020 و ۱۲ مانگ\n', 'ckb'), 'ساڵی 2020 و ١٢ مانگ\n')
  })
  it('fixes Persian documents towards Persian digits', () => {
    assert.equal(fixed('سال ۱۳۹۹ و ١٤٠٠\n', 'fa'), 'سال ۱۳۹۹ و ۱۴۰۰\n')
  })
  it('leaves one consistent system alone, and ignores Latin runs, code, URLs and dates', () => {
    assert.deepEqual(findings('ساڵی ۱۹۹۱ و ۲۰۰۳\n', 'ckb', 'mixed-digits'), [])
    const md = '---\ndate: 2026-11-24\n---\n\nPHP 7.4 و HTML5 و `x = 1` و https://e.com/2 و ۱۲\n'
    assert.deepEqual(findings(md, 'ckb', 'mixed-digits'), [])
  })
})
