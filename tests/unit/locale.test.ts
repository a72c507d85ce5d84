/**
 * The locale: one object per language tag, with direction, digits, counter
 * style, separators and words from one data file per language.
 */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { isKnownLanguage, localeOf } from '../../src/locale/index.ts'
import { documentFromText } from '../../src/source/read.ts'
import { ROOT } from '../helpers/paths.ts'

describe('localeOf', () => {
  it('gives Sorani and Arabic Arabic-Indic digits, Persian its own, English none', () => {
    const ckb = localeOf('ckb')
    assert.equal(ckb.direction, 'rtl')
    assert.equal(ckb.digits, '٠١٢٣٤٥٦٧٨٩')
    assert.equal(ckb.numberingSystem, 'arab')
    assert.equal(ckb.counterStyle, 'arabic-indic')
    assert.equal(localeOf('ar').digits, '٠١٢٣٤٥٦٧٨٩')
    const fa = localeOf('fa-IR')
    assert.equal(fa.language, 'fa')
    assert.equal(fa.digits, '۰۱۲۳۴۵۶۷۸۹')
    assert.equal(fa.counterStyle, 'persian')
    const en = localeOf('en')
    assert.equal(en.direction, 'ltr')
    assert.equal(en.digits, null)
    assert.equal(en.counterStyle, 'decimal')
  })

  it('writes numbers in the language digits without grouping', () => {
    assert.equal(localeOf('ckb').number(1949), '١٩٤٩')
    assert.equal(localeOf('fa').number(12), '۱۲')
    assert.equal(localeOf('en').number(12345), '12345')
  })

  it('writes dates in the language digits, even for Arabic (CLDR would use ASCII)', () => {
    assert.match(localeOf('ar').date('2026-11-24'), /٢٠٢٦/)
    assert.match(localeOf('fa').date('2026-11-24'), /۲۰۲۶|۱۴۰۵/)
  })

  it('takes the script subtag: Sorani in Latin letters is left to right with ASCII digits', () => {
    const latin = localeOf('ckb-Latn')
    assert.equal(latin.direction, 'ltr')
    assert.equal(latin.digits, null)
    assert.equal(latin.listSeparator, ', ')
    assert.equal(localeOf('ckb').listSeparator, '، ')
  })

  it('separates facts with the Arabic comma beside native digits, a middle dot beside ASCII ones', () => {
    assert.equal(localeOf('ckb').factSeparator, '، ')
    assert.equal(localeOf('en').factSeparator, ' · ')
  })

  it('knows tags by their primary subtag and refuses others', () => {
    assert.ok(isKnownLanguage('ckb-IQ'))
    assert.ok(!isKnownLanguage('xx'))
    assert.ok(!isKnownLanguage(''))
    assert.throws(() => localeOf('xx'), /unknown language tag/)
  })

  it('has every word in every language file, none empty', () => {
    const dir = path.join(ROOT, 'src', 'locale', 'words')
    const english = Object.keys(JSON.parse(readFileSync(path.join(dir, 'en.json'), 'utf8')) as object).sort()
    for (const name of readdirSync(dir)) {
      const words = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, string>
      assert.deepEqual(Object.keys(words).sort(), english, name)
      for (const [key, value] of Object.entries(words)) assert.ok(value.trim() !== '', `${name}: ${key} is empty`)
    }
  })

  it('travels on file.data.locale, with the direction the document chose', () => {
    const file = documentFromText('---\ntitle: t\nlang: ckb\ndir: ltr\n---\n\nx\n', 'a.md')
    assert.equal(file.data.locale?.tag, 'ckb')
    assert.equal(file.data.locale?.direction, 'ltr')
    assert.equal(file.data.locale?.digits, '٠١٢٣٤٥٦٧٨٩')
  })
})

describe('locale CSS', () => {
  it('counts ordered lists in each language digits by :lang(), so a chapter in English counts 1 2 3', async () => {
    const { localeCss } = await import('../../src/locale/index.ts')
    const css = localeCss()
    assert.match(css, /^ol:lang\(ckb\) \{ list-style-type: arabic-indic; \}$/m)
    assert.match(css, /^ol:lang\(fa\) \{ list-style-type: persian; \}$/m)
    // EPUBCheck's CSS parser rejects :where() (CSS-008).
    assert.doesNotMatch(css, /:where/)
    assert.doesNotMatch(css, /lang\(en\)/)
    const { stylesheet } = await import('../../src/publication/styles.ts')
    assert.ok((await stylesheet('base')).includes(css), 'the shared stylesheet carries the rules')
    assert.doesNotMatch(readFileSync(path.join(ROOT, 'styles', 'base.css'), 'utf8'), /lang\|="(ckb|ar|fa)"/)
  })

  it('counts a language written in Latin or Cyrillic letters (ckb-Latn) in ASCII digits, after its own script’s rule', async () => {
    const { localeCss, localeOf } = await import('../../src/locale/index.ts')
    const rules = localeCss().split('\n')
    assert.equal(localeOf('ckb-Latn').counterStyle, 'decimal')
    for (const [tag, own] of [['ckb', 'arabic-indic'], ['fa', 'persian'], ['ar', 'arabic-indic']] as const) {
      const ownRule = rules.indexOf(`ol:lang(${tag}) { list-style-type: ${own}; }`)
      // :lang(ckb) also matches ckb-Latn: the later rule of equal weight wins.
      const latin = rules.indexOf(`ol:lang(${tag}-Latn), ol:lang(${tag}-Cyrl) { list-style-type: decimal; }`)
      assert.ok(ownRule >= 0 && latin > ownRule, `${tag}: ${rules.join('\n')}`)
    }
  })

  it('lists every digit a known language prints, for font subsets', async () => {
    const { allDigits } = await import('../../src/locale/index.ts')
    assert.equal(allDigits(), '0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹')
  })
})
