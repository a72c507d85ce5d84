/**
 * The remark plugin as the build uses it: messages with places, rule ids and
 * severities; options settled once; the tree left untouched.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { reporter } from 'vfile-reporter'
import { documentFromText } from '../../src/source/read.ts'
import { PROOFING_SOURCE, remarkProofing, RULE_IDS, RULES, type ProofingOptions } from '../../src/proofing/index.ts'

const ARTICLE = '---\ntitle: تاقیکردنەوە\nlang: ckb\n---\n\nئەمە كتێبە,  باشە\n'

/** Run the plugin the way the build does and return the file. */
function run(text: string, options?: ProofingOptions, lang?: string) {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkProofing, options)
  const file = documentFromText(text, 'article.md', lang === undefined ? {} : { lang })
  const tree = processor.parse(file)
  const before = structuredClone(tree)
  processor.runSync(tree, file)
  return { file, tree, before, proofing: file.messages.filter((m) => m.source === PROOFING_SOURCE) }
}

describe('remarkProofing', () => {
  it('reports each finding with its place, rule id, source and severity', () => {
    const { proofing } = run(ARTICLE)
    assert.deepEqual(
      proofing.map((m) => [m.ruleId, m.line, m.column, m.fatal]),
      [
        ['arabic-kaf', 6, 6, true],
        ['ascii-punctuation', 6, 11, false],
        ['double-space', 6, 12, false]
      ]
    )
    assert.match(proofing[0]?.reason ?? '', /Arabic kaf ك .*Kurdish kaf ک/)
    assert.deepEqual(proofing[0]?.expected, ['ک'])
  })

  it('does not modify the tree', () => {
    const { tree, before } = run(ARTICLE)
    assert.deepEqual(tree, before)
  })

  it('reads the severity option once, and the document can override it', () => {
    const { proofing } = run(ARTICLE, { severity: { 'double-space': 'error', 'arabic-kaf': 'off' } })
    assert.deepEqual(
      proofing.map((m) => [m.ruleId, m.fatal]),
      [
        ['ascii-punctuation', false],
        ['double-space', true]
      ]
    )
    const own = ARTICLE.replace('lang: ckb\n', 'lang: ckb\nproofing:\n  double-space: off\n  arabic-kaf: warn\n')
    assert.deepEqual(
      run(own).proofing.map((m) => [m.ruleId, m.fatal]),
      [
        ['arabic-kaf', false],
        ['ascii-punctuation', false]
      ]
    )
  })

  it('reports a bad `proofing:` entry in the front matter at its line', () => {
    const bad = ARTICLE.replace('lang: ckb\n', 'lang: ckb\nproofing:\n  no-such-rule: off\n  double-space: loud\n')
    const config = run(bad).proofing.filter((m) => m.ruleId === 'proofing-config')
    assert.equal(config.length, 2)
    assert.equal(config[0]?.line, 4)
    assert.match(config[0]?.reason ?? '', /Unknown proofing rule `no-such-rule`/)
  })

  it('rejects a bad project option when the processor is made', () => {
    assert.throws(() => unified().use(remarkProofing, { severity: { 'no-such-rule': 'off' } }).freeze(), /unknown rule "no-such-rule"/)
    assert.throws(() => unified().use(remarkProofing, { severity: { tatweel: 'loud' as 'off' } }).freeze(), /off, warn or error/)
  })

  it('follows the document language: Arabic keeps ك', () => {
    const arabic = '---\ntitle: كتاب\n---\n\nهذا كتاب, جميل\n'
    assert.deepEqual(
      run(arabic, undefined, 'ar').proofing.map((m) => m.ruleId),
      ['ascii-punctuation']
    )
  })

  it('prints as file:line:column with vfile-reporter', () => {
    const report = reporter(run(ARTICLE).file, { color: false })
    assert.match(report, /^article\.md$/m)
    assert.match(report, /6:6-6:7\s+error\s+Arabic kaf .*arabic-kaf\s+chapkhana-proofing/)
  })

  it('documents a default severity and summary for every rule', () => {
    assert.equal(RULE_IDS.length, 13)
    for (const id of RULE_IDS) {
      assert.ok(RULES[id].severity === 'warn' || RULES[id].severity === 'error', id)
      assert.ok(RULES[id].summary.length > 10, id)
    }
  })
})
