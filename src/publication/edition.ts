/**
 * One edition of one article: the validated document and its tree, plus the
 * furniture every rendering prints around the text (title block, colophon),
 * built as hast from the document's own language and direction.
 */
import path from 'node:path'
import type { Element, Root } from 'hast'
import { decodedPath, type ImageResource } from '../tree/resources.ts'
import { h } from 'hastscript'
import type { VFile } from 'vfile'
import { localeOfFile, type Direction, type Locale, type Words } from '../locale/index.ts'
import type { DocumentMeta, HeadingEntry } from '../types/document.ts'
import { codeFacesUsed } from '../fonts/faces-used.ts'
import { BOOK_FONT, CODE_FONT, type FontFamily } from '../fonts/fonts.ts'

/** Everything a renderer needs; renderers never look elsewhere for facts. */
export interface Edition {
  readonly file: VFile
  readonly tree: Root
  readonly meta: DocumentMeta
  readonly lang: string
  readonly dir: Direction
  readonly slug: string
  /** The document's locale; `lang`, `dir` and `words` are its tag, direction and words. */
  readonly locale: Locale
  readonly words: Words
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
  /** The bytes to carry instead of the file's (a cleaned SVG); the file's own when absent. */
  readonly bytes?: Buffer
}

/** The image an `<img src>` of the edition's tree shows, if it is a checked local one. */
export function imageOf(edition: Edition, src: unknown): EditionImage | undefined {
  return typeof src === 'string' ? edition.images.get(path.resolve(edition.baseDir, decodedPath(src))) : undefined
}

/**
 * What the front matter alone decides, known as soon as the document is read
 * (before its text is parsed): enough for its cover.
 */
export type EditionFacts = Pick<Edition, 'file' | 'meta' | 'lang' | 'dir' | 'slug' | 'locale' | 'words'>

/** The facts of a file read by `readDocument` (its text need not be parsed yet). */
export function editionFacts(file: VFile): EditionFacts {
  const { meta, lang, dir, slug } = file.data
  if (!meta || !lang || !dir || !slug) throw new TypeError('editionFacts: the file was not read with readDocument')
  const locale = localeOfFile(file)
  return { file, meta, lang, dir, slug, locale, words: locale.words }
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
  return { ...editionFacts(file), tree, headings: file.data.headings ?? [], baseDir, chapters, inputs, images: new Map(images.map((i) => [i.wanted, { file: i.file, mediaType: i.mediaType, ...(i.bytes ? { bytes: i.bytes } : {}) }])) }
}

/** What writes numbers and labels: an edition, or one chapter's own locale (`chapterLocale`). */
export interface HasLocale {
  readonly locale: Locale
}

/** A number in the document's (or the chapter's) digits. */
export function localNumber({ locale }: HasLocale, n: number): string {
  return locale.number(n)
}

/** The edition date, written out in the document's language and digits. */
export function dateLabel(edition: Pick<Edition, 'locale' | 'meta'>): string {
  // In the document's digits: CLDR writes `ar` dates in Latin digits,
  // which would disagree with the edition number and page numbers beside them.
  return edition.locale.date(edition.meta.date)
}

/** "Edition 2" in the document's language. */
export function editionLabel(edition: Pick<Edition, 'locale' | 'meta' | 'words'>): string {
  return `${edition.words.edition} ${localNumber(edition, edition.meta.edition)}`
}

/**
 * A note's label where the note is printed, around its number `text` as
 * written out (the text a note's reference shows): «(١)» where the digits are
 * Arabic-Indic or Persian, as Arabic-script books write it (a Latin full stop
 * after them, «١.», reads like «٠١» in Amiri), «1.» with Latin digits.
 */
export function noteLabelOf({ locale }: HasLocale, text: string): string {
  return locale.digits === null ? `${text}.` : `(${text})`
}

/**
 * What stands between the date and the edition: the Arabic comma where the
 * digits are Arabic-Indic or Persian, because a middle dot beside those
 * digits reads as their zero (٠ ۰).
 */
export function separator(edition: Edition): string {
  return edition.locale.factSeparator
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
    ...(edition.meta.author ? [h('p.author', edition.meta.author.join(edition.locale.listSeparator))] : []),
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

/** The typefaces the edition is set in, for its colophon. */
export function typefaces(edition: Edition): FontFamily[] {
  return codeFacesUsed(edition.tree, CODE_FONT.faces).faces.length > 0 ? [BOOK_FONT, CODE_FONT] : [BOOK_FONT]
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
      // The code face is named only where code is set in it.
      h('span', { dir: 'ltr', lang: 'en' }, typefaces(edition).map((f) => `${f.displayName} (${f.licence})`).join(', '))
    ]),
    h('p', [h('span', { dir: 'ltr', lang: 'en' }, 'chapkhana')])
  ])
}
