/**
 * Proofing real texts: the Sorani documentation corpus (real slips), the
 * seed article (only typography may change) and al-Muqtabas, an Arabic
 * journal whose ك ي ة ى are correct and must not be reported.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import type { Nodes } from 'mdast'
import type { VFileMessage } from 'vfile-message'
import { benchLint, corpusFiles } from '../../scripts/bench/lint-corpora.ts'
import { PROOFING_SOURCE } from '../../src/proofing/index.ts'
import { fixSource, parseMarkdown } from '../../src/lint/fix.ts'
import { lintSource } from '../../src/lint/lint-source.ts'
import { lettersOf, ROOT, CORPORA } from './helpers.ts'

const DOCS = path.join(CORPORA, 'documentation-kurdish/pages')
const MUQTABAS = path.join(CORPORA, 'muqtabas/al-muqtabas-issue-29.md')
const SEED = path.join(ROOT, 'content/nato-coalition-leadership.md')

/** Proofing messages of `file` read with `lang`. */
function proof(file: string, lang?: string): VFileMessage[] {
  const text = readFileSync(file, 'utf8')
  return lintSource(text, file, lang === undefined ? {} : { lang }).messages.filter((m) => m.source === PROOFING_SOURCE)
}

/** Count of messages per rule id. */
function byRule(messages: readonly VFileMessage[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const m of messages) out[m.ruleId ?? ''] = (out[m.ruleId ?? ''] ?? 0) + 1
  return out
}

describe('documentation-kurdish corpus', () => {
  it('finds the real slips: ASCII ; and , between Sorani words, a space before the full stop', () => {
    const found = proof(path.join(DOCS, 'getting-started/introduction/index.md'), 'ckb')
    const at = found.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.actual} → ${m.expected?.[0] ?? ''}`)
    assert.deepEqual(at, [
      'ascii-punctuation 6:71 ; → ؛',
      'ascii-punctuation 6:147 , → ،',
      'ascii-punctuation 6:291 ; → ؛',
      'space-before-punctuation 6:343   → ',
      // Line 9 follows an `<h2>` with no blank line between: prose all the same (remark-html-blocks).
      'ascii-punctuation 9:11 , → ،',
      'ascii-punctuation 9:28 , → ،',
      'space-after-punctuation 9:28 , → , '
    ])
  })

  it('finds a doubled space and an Arabic kaf', () => {
    const page = proof(path.join(DOCS, 'api/create-a-new-page/index.md'), 'ckb')
    assert.ok(page.some((m) => m.ruleId === 'double-space' && m.line === 8 && m.column === 23 && m.actual === '  '))
    const intro = proof(path.join(DOCS, 'api/introduction/index.md'), 'ckb')
    const kaf = intro.find((m) => m.ruleId === 'arabic-kaf')
    assert.equal(kaf?.line, 6)
    assert.equal(kaf?.fatal, true, 'a wrong letter is an error')
  })

  it('reports exactly these findings over the whole corpus, none inside code or HTML', async () => {
    const files = (await corpusFiles()).filter((f) => f.path.includes('documentation-kurdish'))
    const all: VFileMessage[] = []
    for (const f of files) {
      const text = readFileSync(f.path, 'utf8')
      const messages = proof(f.path, 'ckb')
      all.push(...messages)
      // Offsets of code, inline code and HTML in this file.
      const opaque: [number, number][] = []
      const walk = (node: Nodes): void => {
        if ((node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') && node.position) {
          opaque.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0])
        }
        if ('children' in node) for (const child of node.children) walk(child)
      }
      // Articles are read with CRLF as LF (same book from a Windows file), so offsets count LF.
      walk(parseMarkdown(text.replace(/\r\n?/g, '\n')))
      for (const m of messages) {
        const start = m.place && 'start' in m.place ? (m.place.start.offset ?? 0) : 0
        assert.ok(!opaque.some(([a, b]) => start >= a && start < b), `${f.path}:${m.line}:${m.column} is inside code or HTML`)
      }
    }
    // The prose lines inside raw HTML blocks (`<div dir="rtl">`, after `<h2>…</h2>`) are Markdown too (remark-html-blocks), so they are proofed.
    assert.deepEqual(byRule(all), {
      'double-space': 88,
      'space-before-punctuation': 49,
      'ascii-punctuation': 53,
      'arabic-kaf': 1,
      'arabic-yeh': 3,
      'space-after-punctuation': 27,
      'straight-quotes': 2
    })
  })
})

describe('the seed article', () => {
  const text = readFileSync(SEED, 'utf8')

  it('has only its three straight quotations to fix', () => {
    assert.deepEqual(byRule(proof(SEED)), { 'straight-quotes': 3 })
  })

  it('changes nothing but typographic marks: every letter stays', () => {
    const result = fixSource(text, 'ckb')
    assert.equal(result.rejected, false)
    assert.equal(result.changes.length, 3)
    assert.ok(result.changes.every((c) => c.ruleId === 'straight-quotes'))
    assert.notEqual(result.text, text)
    assert.equal(lettersOf(result.text), lettersOf(text))
    assert.ok(result.text.includes('«سناپ باک»'))
    assert.ok(result.text.includes('«سەرکردایەتیکردن لە پشتەوە»'))
    // The front matter's YAML quotes and list commas are syntax, not prose.
    assert.equal(result.text.split('\n---\n')[0], text.split('\n---\n')[0])
    assert.equal(fixSource(result.text, 'ckb').text, result.text)
    // After the fix the article lints clean: no warning or error of any kind.
    assert.deepEqual(
      lintSource(result.text, SEED).messages.filter((m) => m.fatal !== undefined),
      []
    )
  })
})

describe('al-Muqtabas (Arabic)', () => {
  const text = readFileSync(MUQTABAS, 'utf8')

  it('reports no Sorani letter rule, though the text is full of ك ي ة ى', () => {
    for (const letter of ['ك', 'ي', 'ة', 'ى']) assert.ok(text.split(letter).length > 100, `${letter} is common in Arabic`)
    const counts = byRule(proof(MUQTABAS, 'ar'))
    for (const rule of ['arabic-kaf', 'arabic-yeh', 'heh-ae', 'false-friend-mark']) assert.equal(counts[rule], undefined, rule)
    assert.deepEqual(counts, { 'double-space': 810, 'space-before-punctuation': 13, 'straight-quotes': 2 })
  })

  it('fixes the typography without touching a letter', () => {
    const result = fixSource(text, 'ar')
    assert.equal(result.rejected, false)
    assert.equal(lettersOf(result.text), lettersOf(text))
    assert.ok(result.text.includes('«والسماء ذات الحبك»'))
  })
})

describe('every corpus file', () => {
  it('fixes idempotently without changing the Markdown structure', async () => {
    for (const f of await corpusFiles()) {
      const text = readFileSync(f.path, 'utf8')
      const once = fixSource(text, f.lang)
      assert.equal(once.rejected, false, f.path)
      assert.equal(fixSource(once.text, f.lang).text, once.text, f.path)
    }
  })

  it('the lint benchmark reads every corpus file (its time is reported by npm run bench, never asserted here)', async () => {
    const { files } = await benchLint()
    assert.equal(files, (await corpusFiles()).length)
    assert.ok(files >= 70)
  })
})
