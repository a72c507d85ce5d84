/**
 * Lint reads a front matter closed by YAML's `...` exactly as one closed by
 * `---`: its keys are never proofread as prose, even when the document is
 * broken (no title) and lint goes on without the document reader.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { lintSource } from '../../src/lint/lint-source.ts'

const report = (text: string): string[] => lintSource(text, 'a.md', { lang: 'ckb' }).messages.filter((m) => m.source === 'chapkhana-proofing' || m.ruleId !== undefined).map((m) => `${m.line}:${m.column} ${m.ruleId}`)

describe('lint and a front matter closed by `...`', () => {
  for (const head of ['---\ntitle: "ناو"\nlang: ckb\n', '---\nlang: ckb\n']) {
    it(`finds the same as with \`---\` (${head.includes('title') ? 'a good' : 'a broken'} document)`, () => {
      const body = 'note: "دوو  بۆشایی ،"\n'
      const dashes = report(`${head}${body}---\n\nدەقێک  لێرە.\n`)
      const dots = report(`${head}${body}...\n\nدەقێک  لێرە.\n`)
      assert.deepEqual(dots, dashes)
      assert.ok(dashes.length > 0)
    })
  }
})
