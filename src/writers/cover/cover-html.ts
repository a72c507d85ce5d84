/**
 * The cover as an HTML page, made only from the edition's facts: title,
 * author, date and edition line in the document's language, direction and
 * digits, set in the book's own face. The page reads nothing but the
 * faces chapkhana ships: by their PostScript names from the browser's own
 * fontconfig (`browser/fontconfig.ts`, which refuses any other font of those
 * names), else from their files. So the screenshot is the same on every
 * machine and never touches the network. The faces were embedded as `data:`
 * URLs subset to the cover's letters: the same pixels, but the subsetting
 * (harfbuzz's WebAssembly compiled and run on Node's only thread) held the
 * cover back ~0.15 s on a cold build, where the cover is on the article's
 * critical path (docs/benchmarks.md).
 */
import type { Element, Root } from 'hast'
import { h, s } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { pathToFileURL } from 'node:url'
import { SYSTEM_FACES } from '../../browser/fontconfig.ts'
import { BOOK_FONT, fontFaceCss, type FontFace } from '../../fonts/fonts.ts'
import { dateLabel, editionLabel, type EditionFacts } from '../../publication/edition.ts'
import { fileStamp } from '../../util/file-stamp.ts'
import { ramp, type Rgb } from './png.ts'

/** Pixel size of the generated cover: the 1:1.6 most e-book stores ask for. */
export const COVER_SIZE = { width: 1600, height: 2560 } as const

/**
 * The size a cover is laid out at, in CSS pixels, and for a printed cover
 * its page size in millimetres (the pixels are then scaled to fill it).
 */
export interface CoverLayout {
  readonly width: number
  readonly height: number
  readonly page?: { readonly widthMm: number; readonly heightMm: number }
}

/** The texts printed on the cover. */
export interface CoverTexts {
  readonly title: string
  readonly author?: string
  readonly publisher?: string
  /** The edition date, written out; none when the front matter gives no date. */
  readonly date?: string
  /** "Edition 2", in the document's words and digits. */
  readonly edition: string
}

/** What the cover says, in the edition's language and digits. */
export function coverTexts(edition: EditionFacts): CoverTexts {
  const { meta } = edition
  return {
    title: meta.title,
    ...(meta.author ? { author: meta.author.join(edition.locale.listSeparator) } : {}),
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    ...(meta.undated ? {} : { date: dateLabel(edition) }),
    edition: editionLabel(edition)
  }
}

/**
 * Title size in pixels from its length: short titles stand large, long ones
 * step down so they keep to about four balanced lines (JavaScript is off in
 * the page, so nothing can measure; the steps are set for Amiri Bold in the
 * 1240 px measure).
 */
export function titleSize(title: string): number {
  const n = [...title].length
  if (n <= 12) return 220
  if (n <= 28) return 180
  if (n <= 60) return 150
  if (n <= 110) return 118
  return 92
}

/** Deep ink, warm paper and a muted gold for rules (paper on ink: contrast above 11:1). */
const COLOURS = { ink: [0x17, 0x30, 0x3f], paper: [0xf3, 0xea, 0xd8], gold: [0xc2, 0xa1, 0x5f] } as const satisfies Record<string, Rgb>
const hex = (c: Rgb): string => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`
const INK = hex(COLOURS.ink)
const PAPER = hex(COLOURS.paper)
const GOLD = hex(COLOURS.gold)

/**
 * Every colour the cover can contain: the three flat ones and the steps of
 * anti-aliasing between the ink and each of the others (the letters and
 * rules only ever touch the ink), 15 in all, so the image fits a 4-bit PNG.
 */
export const COVER_PALETTE: readonly Rgb[] = [...ramp(COLOURS.ink, COLOURS.paper, 10), ...ramp(COLOURS.ink, COLOURS.gold, 6).slice(1)]

/** An eight-pointed star (two squares), the quiet ornament between title and dateline. */
function ornament(): Element {
  const line = { fill: 'none', stroke: GOLD, strokeWidth: 5 }
  return s('svg.ornament', { xmlns: 'http://www.w3.org/2000/svg', viewBox: '0 0 100 100', ariaHidden: 'true' }, [
    s('path', { d: 'M50 8 L92 50 L50 92 L8 50 Z', ...line }),
    s('path', { d: 'M20 20 H80 V80 H20 Z', ...line }),
    s('circle', { cx: 50, cy: 50, r: 9, fill: GOLD })
  ])
}

function css(texts: CoverTexts, fonts: string, layout: CoverLayout): string {
  const { width, height, page } = layout
  // Printed: one page exactly the cover's size, nothing around it, the
  // design zoomed from its pixels to the page's width (Chromium's own print
  // scale shifted a right-to-left page off the paper).
  const zoom = page ? (page.widthMm * 96) / 25.4 / width : 1
  const print = page ? `@page { size: ${page.widthMm}mm ${page.heightMm}mm; margin: 0; }\nhtml { zoom: ${zoom.toFixed(6)}; }\n` : ''
  return `${fonts}
${print}html, body { margin: 0; padding: 0; }
body {
  width: ${width}px; height: ${height}px; overflow: hidden;
  background: ${INK}; color: ${PAPER};
  font-family: "${BOOK_FONT.family}";
  -webkit-font-smoothing: antialiased;
}
.frame {
  position: absolute; inset: 90px;
  border: 4px solid ${GOLD};
  outline: 2px solid ${GOLD}; outline-offset: -22px;
  display: flex; flex-direction: column; align-items: center;
  padding: 200px 150px 170px; box-sizing: border-box; text-align: center;
}
.publisher { font-size: 64px; letter-spacing: 0; color: ${GOLD}; margin: 0; }
.main { flex: 1; display: flex; flex-direction: column; justify-content: center; align-items: center; width: 100%; }
h1 {
  margin: 0; font-weight: 700; font-size: ${titleSize(texts.title)}px; line-height: 1.45;
  text-wrap: balance; overflow-wrap: anywhere;
}
.rule { width: 360px; height: 0; border-top: 3px solid ${GOLD}; margin: 90px 0; }
.author { margin: 0; font-size: 92px; line-height: 1.5; text-wrap: balance; }
.ornament { width: 120px; height: 120px; margin-bottom: 60px; }
.dateline { margin: 0; font-size: 64px; line-height: 1.5; color: ${PAPER}; }
.sep { display: inline-block; width: 16px; height: 16px; background: ${GOLD}; transform: rotate(45deg); margin: 0 44px; vertical-align: 0.3em; }
`
}

/** The faces the cover sets text in. */
export const COVER_FACES: readonly FontFace[] = BOOK_FONT.faces.filter((f) => f.style === 'normal')

/**
 * What a cover's pixels depend on besides its page: the faces' files (the page
 * names them, it does not hold them), for the remembered cover's key.
 */
export async function coverFacesIdentity(): Promise<string> {
  return (await Promise.all(COVER_FACES.map((face) => fileStamp(face.file)))).join('\0')
}

/**
 * The complete cover HTML for `texts`, direction `dir` and language `lang`,
 * with the faces asked for by name, then by file (the page must be allowed
 * `FACE_DIRS`), laid out at `layout` (by default the e-book cover's `COVER_SIZE`).
 */
export async function coverHtml(texts: CoverTexts, lang: string, dir: 'rtl' | 'ltr', layout: CoverLayout = COVER_SIZE): Promise<string> {
  const fonts = fontFaceCss((face) => pathToFileURL(face.file).href, COVER_FACES, { local: SYSTEM_FACES })
  const doc: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang, dir }, [
        h('head', [h('meta', { charset: 'utf-8' }), h('title', texts.title), h('style', css(texts, fonts, layout))]),
        h('body', [
          h('div.frame', [
            ...(texts.publisher ? [h('p.publisher', texts.publisher)] : []),
            h('div.main', [h('h1', texts.title), h('div.rule'), ...(texts.author ? [h('p.author', texts.author)] : [])]),
            ornament(),
            // Not a middle dot between date and edition: beside Arabic-Indic digits
            // it reads as the zero ٠.
            h('p.dateline', texts.date === undefined ? [h('span', texts.edition)] : [h('span', texts.date), h('span.sep', { ariaHidden: 'true' }), h('span', texts.edition)])
          ])
        ])
      ])
    ]
  }
  return unified().use(rehypeStringify).stringify(doc)
}
