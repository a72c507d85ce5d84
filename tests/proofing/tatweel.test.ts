/**
 * Tatweel (U+0640) inside an Arabic-script word is reported and removed
 * whatever letter it follows: after a non-joining letter (ە ا د ر ز و) it
 * joins nothing and draws a loose stroke, and everywhere it breaks search.
 * The deliberate ones stay: a suffix on a Latin word (`APIـی`), a final هـ
 * abbreviation (`١٣٢٩هـ`), a tatweel between digits or alone.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findings, fixed } from './helpers.ts'

describe('tatweel inside a word', () => {
  it('is reported after a non-joining letter (بەــــڵام) and removed', () => {
    const md = 'بەــــڵام ئەمە\n'
    const found = findings(md, 'ckb', 'tatweel')
    assert.equal(found.length, 1)
    assert.match(found[0]?.reason ?? '', /never joins/)
    assert.equal(fixed(md, 'ckb'), 'بەڵام ئەمە\n')
  })

  for (const [lang, word, plain] of [
    ['ar', 'قـــال', 'قال'],
    ['ar', 'الدار ــ', 'الدار ــ'],
    ['ar', 'داـر', 'دار'],
    ['fa', 'آزادـی', 'آزادی'],
    ['ckb', 'ڕووــبار', 'ڕووبار'],
    ['ckb', 'کـــتێب', 'کتێب']
  ] as const) {
    it(`${lang}: «${word}» becomes «${plain}»`, () => {
      assert.equal(fixed(`${word}\n`, lang), `${plain}\n`)
    })
  }

  it('keeps the deliberate ones: Latin word + suffix, final هـ, between digits, alone', () => {
    for (const [md, lang] of [
      ['APIـی بلودیت و URLـەکە\n', 'ckb'],
      ['شاهـ و سنة ١٣٢٩هـ\n', 'ar'],
      ['١٩١١ـ١٩١٢\n', 'ar'],
      ['ــ و ـ\n', 'fa']
    ] as const) {
      assert.deepEqual(findings(md, lang, 'tatweel'), [], md)
    }
  })
})
