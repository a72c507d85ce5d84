/**
 * Pages filled to their text block: a page that cites notes ends where its
 * text and notes fill it, inside a paragraph when needed (between two lines,
 * two at least on either side), not a third empty because the next paragraph
 * and its note did not fit whole. The fixture `tests/fixtures/page-fill/`
 * reproduces al-Muqtabas 60's pages 8–9: page 2 ends before a heading and a
 * 23-line paragraph that cites a note in its last third.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { destinationPositions } from '../../src/writers/pdf/positions.ts'
import { pageFills } from '../helpers/page-fill.ts'
import { CLI, ROOT, tempDir } from '../helpers/paths.ts'
import { pdftotext } from '../helpers/tools.ts'
import { checkStructure, elementsOf } from '../helpers/pdf-structure.ts'

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'page-fill', 'input.md')
/** How short a page may end: a paragraph of three lines cannot be cut (two lines each side), and a little. */
export const SHORT = 3 * 22

/** Page text without bidi controls and with single spaces. */
const flat = (text: string): string => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ')

describe('pages filled to their text block', () => {
  it('ends a page inside a paragraph, between two of its lines, with each note on its reference page', async () => {
    const out = tempDir()
    const r = spawnSync(process.execPath, [CLI, 'build', '--format', 'pdf', '--out', out, FIXTURE], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 })
    assert.equal(r.status, 0, r.stderr.slice(-2000))
    assert.doesNotMatch(r.stderr, /did not settle/)
    const pdf = path.join(out, 'input.pdf')
    const fills = await pageFills(pdf)
    // Every page but the chapter's last is full to its notes or to the foot of its text block.
    for (const fill of fills.slice(0, -1)) assert.ok(fill.short < SHORT, `page ${fill.page} ends ${fill.short.toFixed(0)} pt short`)
    const at = await destinationPositions(readFileSync(pdf))
    // The long paragraph after the heading begins on page 2 and goes on at the top of page 3.
    const rest = [...at].find(([id]) => /^(?!notes-at-).*-from-w\d+$/.test(id))
    assert.ok(rest, 'a paragraph was cut between pages')
    assert.equal(rest[1].page, at.get('h-1')!.page + 1, 'its rest opens the page after the heading')
    // Both notes on the page of their reference.
    for (const label of ['a', 'b']) assert.equal(at.get(`fn-${label}`)?.page, at.get(`fnref-${label}`)?.page, `note ${label}`)
    // No word lost or doubled where the paragraph was cut: the words around the cut, once each.
    const text = flat(pdftotext(pdf))
    // One paragraph for a reader: the two parts are one tagged `P` across the pages, and the tree stays whole.
    const bytes = readFileSync(pdf)
    const paragraphs = await elementsOf(bytes, 'P')
    assert.ok(paragraphs.some((p) => p.pages.join() === `${rest[1].page - 1},${rest[1].page}`), 'a P spans the two pages of the cut')
    assert.deepEqual(paragraphs.filter((p) => p.lang?.includes('-x-')), [], 'no marking language is left')
    assert.deepEqual((await checkStructure(bytes)).problems, [])
    for (const word of ['بەتایبەت کوشتنی سولەیمانی', 'پەرچەکرداری میلیشیا']) assert.equal(text.split(word).length - 1, 1, `«${word}» printed once`)
  })
})
