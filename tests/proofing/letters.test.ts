/**
 * Letter rules, each reported and fixed in Sorani and left alone where the
 * letter is right (Arabic, Persian).
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findings, fixed } from './helpers.ts'

describe('arabic-kaf', () => {
  it('reports ك in Sorani and fixes it to ک', () => {
    const found = findings('ئەمە كتێبێکی باشە.\n', 'ckb', 'arabic-kaf')
    assert.equal(found.length, 1)
    assert.equal(found[0]?.actual, 'ك')
    assert.equal(found[0]?.expected, 'ک')
    assert.equal(found[0]?.severity, 'error')
    assert.equal(fixed('ئەمە كتێبێکی باشە.\n', 'ckb'), 'ئەمە کتێبێکی باشە.\n')
  })
  it('fixes swash kaf ڪ too', () => {
    assert.equal(fixed('ڪورد\n', 'ckb'), 'کورد\n')
  })
  it('leaves ك alone in Arabic and Persian documents', () => {
    assert.deepEqual(findings('هذا كتاب جميل.\n', 'ar'), [])
    assert.equal(fixed('هذا كتاب جميل.\n', 'ar'), 'هذا كتاب جميل.\n')
    assert.deepEqual(findings('این كتاب\n', 'fa', 'arabic-kaf'), [])
  })
})

describe('arabic-yeh', () => {
  it('fixes ي and ى to ی in Sorani', () => {
    const md = 'كوردي و مێژوى\n'
    assert.deepEqual(
      findings(md, 'ckb', 'arabic-yeh').map((f) => f.actual),
      ['ي', 'ى']
    )
    assert.equal(fixed(md, 'ckb'), 'کوردی و مێژوی\n')
  })
  it('keeps Arabic ي and ى (alef maksura is a letter of Arabic)', () => {
    assert.deepEqual(findings('على الرأي العربي\n', 'ar'), [])
  })
  it('leaves a yeh with a V mark to the false-friend rule', () => {
    assert.deepEqual(findings('بي\u065A\n', 'ckb', 'arabic-yeh'), [])
    assert.equal(fixed('بي\u065A\n', 'ckb'), 'بێ\n')
  })
})

describe('heh-ae', () => {
  it('turns heh + ZWNJ into ە, once, with no stray-ZWNJ report', () => {
    const md = 'ماڵه\u200Cوه\u200C\n'
    assert.equal(findings(md, 'ckb', 'heh-ae').length, 2)
    assert.deepEqual(findings(md, 'ckb', 'stray-zwnj'), [])
    assert.equal(fixed(md, 'ckb'), 'ماڵەوە\n')
  })
  it('turns teh marbuta into ە in Sorani only', () => {
    assert.equal(fixed('زانکۆی سلێمانی جامیعة\n', 'ckb'), 'زانکۆی سلێمانی جامیعە\n')
    assert.deepEqual(findings('المدرسة\n', 'ar'), [])
  })
  it('keeps a plain heh: the consonant h is a letter of Sorani', () => {
    assert.deepEqual(findings('هەموو شاه و ماه\n', 'ckb'), [])
  })
})

describe('false-friend-mark', () => {
  it('turns ل ی و ر with a V-like mark into ڵ ێ ۆ ڕ', () => {
    const md = 'ما\u0644\u065A بی\u0306 بو\u0302 \u0631\u032Cێگا\n'
    const found = findings(md, 'ckb', 'false-friend-mark')
    assert.equal(found.length, 4)
    assert.deepEqual(
      found.map((f) => f.expected),
      ['ڵ', 'ێ', 'ۆ', 'ڕ']
    )
    assert.equal(fixed(md, 'ckb'), 'ماڵ بێ بۆ ڕێگا\n')
  })
  it('leaves harakat alone: they may be an Arabic quotation', () => {
    assert.deepEqual(findings('لَا إِلَهَ\n', 'ckb', 'false-friend-mark'), [])
  })
  it('does not apply to Arabic', () => {
    assert.deepEqual(findings('ل\u065A\n', 'ar', 'false-friend-mark'), [])
  })
})

describe('presentation-form', () => {
  const md = 'ﻛﺘﻴﺐ\n'
  it('decomposes presentation forms to letters (Sorani letters in Sorani)', () => {
    const found = findings(md, 'ckb', 'presentation-form')
    assert.equal(found.length, 1)
    assert.equal(found[0]?.expected, 'کتیب')
    assert.equal(fixed(md, 'ckb'), 'کتیب\n')
  })
  it('decomposes them in Arabic too, to Arabic letters', () => {
    assert.equal(fixed(md, 'ar'), 'كتيب\n')
    assert.equal(fixed('ﻻ\n', 'ar'), 'لا\n')
  })
  it('keeps the word ligatures ﷲ and ﷺ, which are symbols', () => {
    assert.deepEqual(findings('رسول ﷲ ﷺ\n', 'ar'), [])
  })
})

describe('tatweel', () => {
  it('removes tatweel stretching a word', () => {
    const md = 'کـــتێب\n'
    assert.equal(findings(md, 'ckb', 'tatweel').length, 1)
    assert.equal(fixed(md, 'ckb'), 'کتێب\n')
  })
  it('keeps tatweel that attaches a suffix to a Latin word or marks a final h', () => {
    assert.deepEqual(findings('APIـی بلودیت و شاهـ\n', 'ckb', 'tatweel'), [])
    assert.deepEqual(findings('١٩١١ـ١٩١٢\n', 'ar', 'tatweel'), [])
  })
})

describe('stray-zwnj', () => {
  it('removes a ZWNJ after a non-joining letter, at a word edge and doubled', () => {
    const md = 'کورد\u200Cستان \u200Cکتێب کتێب\u200C. کتێب\u200C\u200Cەکان\n'
    const found = findings(md, 'ckb', 'stray-zwnj')
    assert.equal(found.length, 4)
    assert.equal(fixed(md, 'ckb'), 'کوردستان کتێب کتێب. کتێب\u200Cەکان\n')
  })
  it('keeps a ZWNJ that separates two joining letters', () => {
    assert.deepEqual(findings('کوردی\u200Cیە\n', 'ckb'), [])
    assert.deepEqual(findings('می\u200Cروم\n', 'fa'), [])
  })
})

describe('front matter values', () => {
  it('fixes letters in values but never keys or YAML syntax', () => {
    const md = '---\ntitle: "كورد"\nsubject: [كورد, ناتۆ]\nlang: ckb\n---\n\nدەق\n'
    assert.equal(findings(md, undefined, 'arabic-kaf').length, 2)
    assert.equal(fixed(md, undefined), '---\ntitle: "کورد"\nsubject: [کورد, ناتۆ]\nlang: ckb\n---\n\nدەق\n')
  })
})
