/**
 * One edition of one article: the validated document and its tree, plus the
 * furniture every rendering prints around the text (title block, colophon),
 * built as hast from the document's own language and direction.
 */
import path from 'node:path'
import type { Element, Root } from 'hast'
import { decodedPath, type ImageResource } from '../document/resources.ts'
import { h } from 'hastscript'
import type { VFile } from 'vfile'
import { languageInfo, type Direction, type LanguageWords } from '../config/languages.ts'
import type { DocumentMeta, HeadingEntry } from '../document/types.ts'
import { BOOK_FONT } from '../fonts/fonts.ts'
import { toArabicIndic } from '../markdown/digits.ts'

/** Everything a renderer needs; renderers never look elsewhere for facts. */
export interface Edition {
  readonly file: VFile
  readonly tree: Root
  readonly meta: DocumentMeta
  readonly lang: string
  readonly dir: Direction
  readonly slug: string
  readonly words: LanguageWords
  readonly headings: readonly HeadingEntry[]
  /** Directory of the source article (local images resolve against it). */
  readonly baseDir: string
  /** A book's chapter sources (none for an article). */
  readonly chapters: readonly VFile[]
  /** Every file the edition was made from (sources, images, a folder book's folder), for the build cache. */
  readonly inputs: readonly string[]
  /** The checked images, by the absolute path their `src` names (see `imageOf`). */
  readonly images: ReadonlyMap<string, EditionImage>
}

/** One image the text shows. */
export interface EditionImage {
  /** The file (links followed). */
  readonly file: string
  readonly mediaType: string
}

/** The image an `<img src>` of the edition's tree shows, if it is a checked local one. */
export function imageOf(edition: Edition, src: unknown): EditionImage | undefined {
  return typeof src === 'string' ? edition.images.get(path.resolve(edition.baseDir, decodedPath(src))) : undefined
}

/** Make an edition from a file that went through `toHast`. */
export function makeEdition(
  file: VFile,
  tree: Root,
  baseDir: string,
  chapters: readonly VFile[] = [],
  inputs: readonly string[] = [file.path],
  images: readonly ImageResource[] = []
): Edition {
  const { meta, lang, dir, slug } = file.data
  if (!meta || !lang || !dir || !slug) throw new TypeError('makeEdition: the file was not read with readDocument')
  const words = languageInfo(lang)?.words
  if (!words) throw new TypeError(`makeEdition: unknown language ${lang}`)
  return { file, tree, meta, lang, dir, slug, words, headings: file.data.headings ?? [], baseDir, chapters, inputs, images: new Map(images.map((i) => [i.wanted, { file: i.file, mediaType: i.mediaType }])) }
}

/** A number in the document's digits. */
export function localNumber(edition: Edition, n: number): string {
  return toArabicIndic(n, edition.lang)
}

/** The edition date, written out in the document's language and digits. */
export function dateLabel(edition: Edition): string {
  const date = new Date(`${edition.meta.date}T12:00:00Z`)
  // Ask for the document's digits: CLDR writes `ar` dates in Latin digits,
  // which would disagree with the edition number and page numbers beside them.
  const digits = languageInfo(edition.lang)?.digits
  const numberingSystem = digits === 'arabic-indic' ? 'arab' : digits === 'persian' ? 'arabext' : 'latn'
  try {
    return new Intl.DateTimeFormat(edition.lang, { dateStyle: 'long', timeZone: 'UTC', numberingSystem }).format(date)
  } catch {
    return edition.meta.date
  }
}

/** "Edition 2" in the document's language. */
export function editionLabel(edition: Edition): string {
  return `${edition.words.edition} ${localNumber(edition, edition.meta.edition)}`
}

/**
 * What stands between the date and the edition: the Arabic comma where the
 * digits are Arabic-Indic or Persian, because a middle dot beside those
 * digits reads as their zero (٠ ۰).
 */
export function separator(edition: Edition): string {
  return languageInfo(edition.lang)?.digits === 'latin' ? ' · ' : '، '
}

/**
 * "Date · Edition N" for the title block and the reader page, or only the
 * edition when the front matter gives no date: the metadata date of an
 * undated text is not the author's, so it is never printed.
 */
export function dateline(edition: Edition): (Element | string)[] {
  if (edition.meta.undated) return [editionLabel(edition)]
  return [h('time', { dateTime: edition.meta.date }, dateLabel(edition)), separator(edition), editionLabel(edition)]
}

/** The title block opening page 1 (and the EPUB title page). */
export function titleBlock(edition: Edition): Element {
  return h('header.title-block', [
    h('h1.title', edition.meta.title),
    ...(edition.meta.author ? [h('p.author', edition.meta.author.join('، '))] : []),
    h('p.dateline', dateline(edition))
  ])
}

/** The corrections since the previous edition, when the document asked for them and there are some. */
/** The corrections since the previous edition, when the front matter asks for them (colophon, reader page). */
export function correctionsBlock(edition: Edition): Element[] {
  const corrections = edition.file.data.corrections
  if (!corrections || corrections.items.length === 0) return []
  const { words } = edition
  const item = (c: (typeof corrections.items)[number]): Element => {
    if ('note' in c) return h('li', c.note)
    // The template orders old and new as the language's grammar wants; each side is isolated.
    const parts = words.correction.split(/(\{old\}|\{new\})/).filter((p) => p !== '')
    return h('li', parts.map((p) => (p === '{old}' ? h('bdi.old', c.before) : p === '{new}' ? h('bdi.new', c.after) : p)))
  }
  return [
    h('p.corrections-heading', `${words.correctionsSince} ${localNumber(edition, corrections.since)}`),
    h('ul.corrections', corrections.items.map(item))
  ]
}

/** The closing colophon: edition, date, corrections when asked for, typefaces and their licence. */
export function colophon(edition: Edition): Element {
  const { words } = edition
  return h('footer.colophon', { role: 'contentinfo' }, [
    h('p', [edition.meta.title]),
    h('p', edition.meta.undated ? [editionLabel(edition)] : [editionLabel(edition), separator(edition), h('time', { dateTime: edition.meta.date }, dateLabel(edition))]),
    ...correctionsBlock(edition),
    h('p', [
      `${words.typeface}: `,
      h('span', { dir: 'ltr', lang: 'en' }, `${BOOK_FONT.displayName} (${BOOK_FONT.licence})`)
    ]),
    h('p', [h('span', { dir: 'ltr', lang: 'en' }, 'chapkhana')])
  ])
}
