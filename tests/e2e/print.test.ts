/**
 * The print edition as a book, checked with the real tools: the outline is
 * the document's headings, the table of contents names the right pages and
 * links to them, running heads follow the chapters, chapters open on a
 * recto, notes print at the foot of their reference's page with working
 * links both ways, verse is set as verse, and nothing
 * stretches Arabic script with tatweel. The seed article (one chapter) and
 * al-Muqtabas issue 29 (Arabic, nine chapters, notes and verse).
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { before, describe, it } from 'node:test'
import type { Element } from 'hast'
import { visit } from 'unist-util-visit'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { plainText } from '../../src/writers/pdf/chapters.ts'
import type { Edition } from '../../src/publication/edition.ts'
import { pdfDests, pdfLinks, pdfOutline, pdftotextRegion } from '../helpers/pdf.ts'
import { SEED, CORPORA, tempDir } from '../helpers/paths.ts'
import { MUQTABAS_ARGS, SEED_ARGS, sharedBuild, sharedOut } from '../helpers/shared-build.ts'
import { chapkhana, pdffonts, pdfinfo, pdftotext, pdfWords } from '../helpers/tools.ts'

const M29 = path.join(CORPORA, 'muqtabas', 'al-muqtabas-issue-29.md')
// Made once for this file and others (shared-build.ts); only read here.
const seedPdf = path.join(sharedOut(SEED_ARGS), 'nato-coalition-leadership.pdf')
const m29Pdf = path.join(sharedOut(MUQTABAS_ARGS), 'al-muqtabas-issue-29.pdf')
/** Top and bottom margins are 24 mm: words above or below are furniture. */
const MARGIN = (24 * 72) / 25.4
const PAGE_H = 841.89

const clean = (text: string) => text.replace(/[\u202a-\u202e\u200e\u200f]/g, '').replace(/\s+/g, ' ').trim()
const pageText = (file: string, page: number) => clean(pdftotext(file, page))
/** The running head: the text above the top margin, in logical order. */
const head = (file: string, page: number) => clean(pdftotextRegion(file, page, { x: 0, y: 0, w: 596, h: MARGIN }))
/** `pdftotext -bbox` gives right-to-left words in visual order: compare them reversed. */
const visual = (word: string) => [...word].reverse().join('')
/** Letters only: a reversed word puts its vowel marks on the wrong side. */
const letters = (text: string) => text.replace(/[\u064b-\u0652]/g, '')

/** Every heading of the edition as plain text (footnote numbers left out), in order. */
function headings(edition: Edition): { id: string; depth: number; text: string }[] {
  const plain = new Map<string, string>()
  visit(edition.tree, 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName) && typeof node.properties.id === 'string') plain.set(node.properties.id, plainText(node))
  })
  // The empty «# notes» chapter at the end of an issue (its notes moved to their chapters) is not printed.
  return edition.headings.map((h) => ({ id: h.id, depth: h.depth, text: plain.get(h.id) ?? h.text })).filter((h) => h.text !== 'notes')
}

describe('the print edition as a book', () => {
  let seed: Edition
  let m29: Edition
  before(async () => {
    for (const args of [SEED_ARGS, MUQTABAS_ARGS]) {
      const r = sharedBuild(args)
      assert.equal(r.code, 0, r.stderr)
    }
    const config = resolveConfig({ lang: 'ar' })
    seed = await loadEdition(SEED, config)
    m29 = await loadEdition(M29, config)
  })

  it('outline: the title, then every heading of the document, nested by level, on the page where it is printed', async () => {
    for (const [file, edition] of [[seedPdf, seed], [m29Pdf, m29]] as const) {
      const outline = await pdfOutline(file)
      const expected = [edition.meta.title, ...headings(edition).map((h) => h.text)]
      assert.deepEqual(outline.map((e) => clean(e.title)), expected.map(clean), path.basename(file))
      const depths = headings(edition).map((h) => h.depth)
      const top = Math.min(...depths)
      outline.slice(1).forEach((entry, i) => {
        assert.equal(entry.depth, depths[i]! - top + 1, `depth of ${entry.title}`)
        assert.ok(pageText(file, entry.page).includes(clean(entry.title)), `${entry.title} is on page ${entry.page}`)
      })
    }
  })

  it('the table of contents, after the title page, names the page of every chapter and section and links to it', async () => {
    const dests = await pdfDests(m29Pdf)
    const links = await pdfLinks(m29Pdf)
    const firstChapter = dests.get('chapter-1')!
    // Page 2, the title page's verso, holds the colophon.
    assert.ok(pageText(m29Pdf, 3).startsWith('المحتويات'), 'page 3 opens the contents')
    const titles = new Map(headings(m29).map((h) => [h.id, h.text]))
    const chapterTitles = headings(m29).filter((h) => h.depth === 1).map((h) => h.text)
    let entries = 0
    for (let page = 3; page < firstChapter; page++) {
      const words = pdfWords(m29Pdf, page)
      for (const link of links[page - 1]!.filter((l) => /^(chapter|h)-\d+$/.test(l.dest))) {
        const [, y0 = 0, , y1 = 0] = link.rect
        const line = words.filter((w) => (w.yMin + w.yMax) / 2 > PAGE_H - y1 && (w.yMin + w.yMax) / 2 < PAGE_H - y0)
        const number = line.find((w) => /^[٠-٩]+$/.test(w.text))
        assert.ok(number, `an entry linking to ${link.dest} has a page number in Arabic-Indic digits`)
        const named = Number(number.text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)))
        assert.equal(named, dests.get(link.dest), `the entry for ${link.dest} names the page its link leads to`)
        const chapter = /^chapter-(\d+)$/.exec(link.dest)
        const heading = chapter ? chapterTitles[Number(chapter[1]) - 1]! : titles.get(link.dest)!
        assert.ok(pageText(m29Pdf, named).includes(clean(heading)), `page ${named} holds ${heading}`)
        entries++
      }
    }
    // Every chapter and section heading (h1 and h2 here) has its entry.
    assert.equal(entries, headings(m29).filter((h) => h.depth <= 2).length)
  })

  it('each chapter opens a page with no running head; then the chapter title on the recto, the book title on the verso', async () => {
    const dests = await pdfDests(m29Pdf)
    const pages = Number(pdfinfo(m29Pdf).Pages)
    const starts = [...dests.entries()].filter(([name]) => /^chapter-\d+$/.test(name)).sort((a, b) => a[1] - b[1])
    assert.equal(starts.length, headings(m29).filter((h) => h.depth === 1).length)
    assert.equal(head(m29Pdf, 1), '', 'no head on the title page')
    assert.equal(head(m29Pdf, 2), '', 'no head on the colophon page')
    assert.equal(head(m29Pdf, 3), '', 'no head on the first contents page')
    let checked = 0
    starts.forEach(([name, start], i) => {
      assert.equal(head(m29Pdf, start), '', `no head on the opening page of ${name}`)
      const end = starts[i + 1]?.[1] ?? pages
      const title = headings(m29).filter((h) => h.depth === 1)[i]!.text
      assert.equal(start % 2, 1, `${name} opens on a recto`)
      for (let page = start + 1; page < end; page++) {
        // A blank verso before the next chapter carries nothing, no head either.
        if (pageText(m29Pdf, page) === '') {
          assert.equal(page, end - 1, `page ${page} is blank only before a chapter`)
          continue
        }
        // In a right-to-left book page 1 is a left-hand recto: odd pages are rectos.
        assert.equal(head(m29Pdf, page), clean(page % 2 === 1 ? title : m29.meta.title), `head of page ${page}`)
        checked++
      }
    })
    assert.ok(checked > 20, `${checked} pages with a chapter head`)
  })

  it('notes print at the foot of their reference\'s page, numbered, linked both ways', async () => {
    const dests = await pdfDests(m29Pdf)
    const links = (await pdfLinks(m29Pdf)).flatMap((onPage, i) => onPage.map((l) => ({ ...l, page: i + 1 })))
    const notes = [...dests.keys()].filter((n) => /^fn-[^-]+$/.test(n))
    assert.ok(notes.length >= 30, `${notes.length} notes`)
    for (const note of notes) {
      const ref = note.replace(/^fn-/, 'fnref-')
      const [notePage, refPage] = [dests.get(note)!, dests.get(ref)!]
      assert.ok(refPage, `${note} has its reference`)
      assert.equal(notePage, refPage, `${note} is printed on the page of its reference`)
      assert.ok(links.some((l) => l.dest === note && l.page === refPage), `the reference links to ${note}`)
      assert.ok(links.some((l) => l.dest === ref && l.page === notePage), `${note} links back to its reference`)
    }
  })

  it('verse: each bayt on one line, its two hemistichs in two columns with a common gutter, centred', () => {
    const poem = [
      ['ما كل يوم ينال المرءُ ما طلبا', 'ولا يسوغه المقدار ما وهبا'],
      ['واحزم الناس من أن نال فرصته', 'لم يجعل السبب الموصول مقتضبا'],
      ['وأنصف الناس في كل المواطن من', 'سقا المعادين بالكأس الذي شربا']
    ] as const
    const pages = Number(pdfinfo(m29Pdf).Pages)
    const page = Array.from({ length: pages }, (_, i) => i + 1).find((p) => pageText(m29Pdf, p).includes('طلبا'))!
    const words = pdfWords(m29Pdf, page)
    const body = words.filter((w) => w.yMin > MARGIN && w.yMax < PAGE_H - MARGIN)
    const block = { left: Math.min(...body.map((w) => w.xMin)), right: Math.max(...body.map((w) => w.xMax)) }
    const lines = poem.map(([sadr, ajuz]) => {
      const onLineOf = (anchor: { yMin: number }) => body.filter((w) => Math.abs(w.yMin - anchor.yMin) < 2).sort((a, b) => b.xMax - a.xMax)
      const firstOfAjuz = letters(ajuz.split(' ')[0]!)
      const anchor = body.find((w) => letters(visual(w.text)) === letters(sadr.split(' ').at(-1)!) && onLineOf(w).some((o) => letters(visual(o.text)) === firstOfAjuz))
      assert.ok(anchor, `the bayt ending its sadr with ${sadr.split(' ').at(-1)} is on page ${page}`)
      const line = onLineOf(anchor)
      // Right to left: the sadr is the right-hand column, the ʿajuz the left one.
      assert.equal(letters(line.map((w) => visual(w.text)).join(' ')), letters(`${sadr} ${ajuz}`), 'one bayt per line, sadr first')
      const sadrWords = line.slice(0, sadr.split(' ').length)
      const ajuzWords = line.slice(sadr.split(' ').length)
      return { sadrLeft: Math.min(...sadrWords.map((w) => w.xMin)), ajuzRight: Math.max(...ajuzWords.map((w) => w.xMax)), left: Math.min(...line.map((w) => w.xMin)), right: Math.max(...line.map((w) => w.xMax)) }
    })
    const gutter = Math.min(...lines.map((l) => l.sadrLeft)) - Math.max(...lines.map((l) => l.ajuzRight))
    assert.ok(gutter > 20, `a common gutter of ${gutter.toFixed(1)} pt between the columns`)
    const centre = (block.left + block.right) / 2
    const poemCentre = (Math.min(...lines.map((l) => l.left)) + Math.max(...lines.map((l) => l.right))) / 2
    assert.ok(Math.abs(poemCentre - centre) < 12, `the poem is centred (${poemCentre.toFixed(1)} vs ${centre.toFixed(1)})`)
  })

  it('justified by word spacing only: no tatweel appears that the source does not have', () => {
    const source = (readFileSync(M29, 'utf8').match(/\u0640/g) ?? []).length
    const printed = (pdftotext(m29Pdf).match(/\u0640/g) ?? []).length
    assert.ok(printed <= source, `${printed} tatweel printed, ${source} in the source`)
    assert.equal((pdftotext(seedPdf).match(/\u0640/g) ?? []).length, 0)
  })

  it('the book is reproducible byte for byte and every font is embedded and subset', () => {
    // The shared PDF was made with every format and three other issues: the PDF alone must be the same bytes.
    const again = tempDir('chapkhana-print-again-')
    const r = chapkhana(['build', '--lang', 'ar', '--format', 'pdf', '--out', again, M29])
    assert.equal(r.code, 0, r.stderr)
    assert.ok(readFileSync(path.join(again, 'al-muqtabas-issue-29.pdf')).equals(readFileSync(m29Pdf)), 'two builds differ')
    for (const font of pdffonts(m29Pdf)) {
      assert.ok(font.embedded && font.subset, `${font.name} embedded and subset`)
      assert.match(font.name, /\+Amiri-/)
    }
  })
})
