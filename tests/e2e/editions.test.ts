/**
 * End to end, with the real Chromium: an editor's loop on a copy of the seed
 * article. Build, release edition 2, fix one word, release edition 3, see the
 * word in `diff`, rebuild edition 2 byte for byte; and every bad path fails
 * clearly without changing a thing.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import { parse } from 'yaml'
import { SEED, tempDir } from '../helpers/paths.ts'
import { chapkhana, epubcheck, pdftotext } from '../helpers/tools.ts'

const dir = tempDir('chapkhana-editions-')
const slug = 'nato-coalition-leadership'
const article = path.join('content', `${slug}.md`)
const history = path.join('content', `${slug}.history.yaml`)
const at = (p: string): string => path.join(dir, p)
const out = (name: string): string => at(path.join('out', name))
const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex')
const env = { SOURCE_DATE_EPOCH: '1790000000', NO_COLOR: '1' }
const run = (...args: string[]) => chapkhana(args, { cwd: dir, env })
const OLD = 'بژارەیە'
const NEW = 'بژاردەیە'

/** Run `args`, expect failure with `message`, and check nothing on disk changed. */
function refuses(args: string[], message: RegExp): void {
  const watched = [article, history].map(at).filter(existsSync)
  const before = watched.map((f) => readFileSync(f))
  const r = run(...args)
  assert.equal(r.code, 1, `expected exit 1:\n${r.stderr}`)
  assert.match(r.stderr, message)
  watched.forEach((f, i) => assert.deepEqual(readFileSync(f), before[i], `${f} must be untouched`))
}

describe('editions: release, diff, rebuild', () => {
  before(() => {
    mkdirSync(at('content'))
    copyFileSync(SEED, at(article))
    const r = run('build', article)
    assert.equal(r.code, 0, r.stderr)
  })

  it('release records edition 2: front matter stamped surgically, history beside the article, stable output names', () => {
    const original = readFileSync(at(article), 'utf8')
    const r = run('release', article, '--date', '2026-11-25')
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /released edition 2 \(2026-11-25\)/)
    assert.equal(readFileSync(at(article), 'utf8'), original.replace('date: 2026-11-24', 'date: 2026-11-25').replace('edition: 1', 'edition: 2'))
    const recorded = parse(readFileSync(at(history), 'utf8')) as { editions: { edition: number; sha256: string; source: string; outputs: Record<string, { sha256: string }> }[] }
    assert.equal(recorded.editions.length, 1)
    assert.equal(recorded.editions[0]?.edition, 2)
    assert.equal(recorded.editions[0]?.source, readFileSync(at(article), 'utf8'))
    assert.equal(recorded.editions[0]?.sha256, sha(at(article)))
    for (const format of ['epub', 'pdf']) {
      assert.equal(sha(out(`${slug}-ed2.${format}`)), recorded.editions[0]?.outputs[format]?.sha256)
      assert.equal(sha(out(`${slug}.${format}`)), sha(out(`${slug}-ed2.${format}`)), 'the latest is edition 2')
    }
  })

  it('refuses to release an unchanged text, an --edition not above the last, a bad --date', () => {
    refuses(['release', article], /nothing to release: the text is the same as edition 2/)
    writeFileSync(at(article), readFileSync(at(article), 'utf8').replace(OLD, NEW).replace('edition: 2', 'edition: 2\ncorrections: true'))
    refuses(['release', article, '--edition', '2'], /--edition 2: must be a whole number greater than 2/)
    refuses(['release', article, '--date', '2026-02-30'], /--date "2026-02-30": expected a calendar date/)
  })

  it('release records edition 3 with the correction in its colophon; editions 2 and 3 differ', () => {
    const r = run('release', article, '--date', '2026-12-01')
    assert.equal(r.code, 0, r.stderr)
    assert.match(readFileSync(at(article), 'utf8'), /^edition: 3$/m)
    for (const format of ['epub', 'pdf']) {
      assert.notEqual(sha(out(`${slug}-ed2.${format}`)), sha(out(`${slug}-ed3.${format}`)))
      assert.equal(sha(out(`${slug}.${format}`)), sha(out(`${slug}-ed3.${format}`)))
    }
    const text = pdftotext(out(`${slug}-ed3.pdf`))
    assert.ok(text.includes('ڕاستکردنەوەکان لە دوای چاپی'), 'corrections heading in the colophon')
    assert.ok(text.includes(`«${OLD}» کرا بە «${NEW}»`), `the correction in the colophon:\n${text.slice(-400)}`)
    const verdict = epubcheck(out(`${slug}-ed3.epub`))
    assert.deepEqual([verdict.fatals, verdict.errors], [0, 0], verdict.output)
  })

  it('a build after the release gives the released bytes, and a reader page with the earlier edition and the correction', () => {
    const r = run('build', article)
    assert.equal(r.code, 0, r.stderr)
    for (const format of ['epub', 'pdf']) assert.equal(sha(out(`${slug}.${format}`)), sha(out(`${slug}-ed3.${format}`)), format)
    const page = readFileSync(out(`${slug}.html`), 'utf8')
    assert.ok(page.includes(`href="${slug}-ed2.epub"`), 'edition 2 offered for download')
    assert.ok(page.includes('ڕاستکردنەوەکان لە دوای چاپی'), 'corrections heading on the reader page')
    assert.ok(page.includes(`<bdi class="old">${OLD}</bdi>`) && page.includes(`<bdi class="new">${NEW}</bdi>`), 'the correction itself')
  })

  it('diff --from 2 shows exactly that word, old and new, and writes an HTML page', () => {
    const r = run('diff', article, '--from', '2', '--html', 'diff.html')
    assert.equal(r.code, 0, r.stderr)
    const changed = r.stdout.split('\n').filter((l) => /^[-+] /.test(l))
    assert.deepEqual(changed, [`- \u2068«${OLD}»\u2069`, `+ \u2068«${NEW}»\u2069`])
    assert.match(r.stdout, /1 word changed in 1 paragraph\n$/)
    const html = readFileSync(at('diff.html'), 'utf8')
    assert.match(html, /<html lang="ckb" dir="rtl">/)
    assert.ok(html.includes(`<del>${OLD}</del> <ins>${NEW}</ins>`))
    const latest = run('diff', article)
    assert.match(latest.stdout, /no words changed/)
  })

  it('release --rebuild 2 gives the bytes released, whatever SOURCE_DATE_EPOCH is now', () => {
    const recorded = { epub: sha(out(`${slug}-ed2.epub`)), pdf: sha(out(`${slug}-ed2.pdf`)) }
    const r = chapkhana(['release', '--rebuild', '2', article, '--out', 'rebuilt'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1' } })
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /epub: sha256 matches edition 2/)
    assert.equal(sha(at(`rebuilt/${slug}-ed2.epub`)), recorded.epub)
    assert.equal(sha(at(`rebuilt/${slug}-ed2.pdf`)), recorded.pdf)
    refuses(['release', '--rebuild', '7', article], /edition 7 was never released \(released: 2, 3\)/)
  })

  it('a release whose build fails records nothing and writes no edition outputs', () => {
    writeFileSync(at(article), `${readFileSync(at(article), 'utf8')}\n![](missing.png)\n`)
    refuses(['release', article], /missing\.png/)
    assert.ok(!existsSync(out(`${slug}-ed4.epub`)) && !existsSync(out(`${slug}-ed4.pdf`)))
    assert.ok(!existsSync(`${at(history)}.lock`), 'the lock is released')
    writeFileSync(at(article), readFileSync(at(article), 'utf8').replace('\n![](missing.png)\n', ''))
  })

  it('a damaged history: clear error with its line, never overwritten', () => {
    writeFileSync(at(article), readFileSync(at(article), 'utf8').replace(NEW, 'بژاردە'))
    const good = readFileSync(at(history), 'utf8')
    writeFileSync(at(history), good.replace('sha256: ', 'sha256: 00'))
    refuses(['release', article], /^content\/nato-coalition-leadership\.history\.yaml\n\d+:\d+\s+error\s+edition 2: `sha256` must be 64 hex digits.*history-damaged\s+chapkhana$/m)
    refuses(['diff', article], /history\.yaml\n\d+:\d+\s+error\s+edition 2:/)
    writeFileSync(at(history), good)
  })

  it('an unknown article: clear error, nothing written', () => {
    refuses(['release', 'content/no-such-piece.md'], /^content\/no-such-piece\.md\n\s*error\s+no such article; check the path/m)
    refuses(['diff', 'content/no-such-piece.md'], /no such article/)
    assert.ok(!existsSync(at('content/no-such-piece.history.yaml')))
  })
})
