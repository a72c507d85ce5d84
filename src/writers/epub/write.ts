/**
 * Writing the EPUB 3 with epub-gen-memory: chapkhana's templates (see
 * `templates.ts`) make the package right-to-left and reproducible, the XHTML
 * is serialised by chapkhana (epub-gen-memory would re-encode every letter as
 * `&#x…;` and drop `dir`/`lang`), and fonts are added from disk, subset to
 * the glyphs the book uses, so nothing is fetched.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { EPub } from 'epub-gen-memory'
import { h } from 'hastscript'
import { toString } from 'hast-util-to-string'
import { documentFaces } from '../../fonts/faces-used.ts'
import { BOOK_FONT, CODE_FONT, fontFaceCss, subsetFace } from '../../fonts/fonts.ts'
import { writeFileAtomic } from '../../util/atomic.ts'
import { sourceDateEpoch } from '../../config/limits.ts'
import { colophon, titleBlock, type Edition } from '../../publication/edition.ts'
import { stylesheet } from '../../publication/styles.ts'
import { allDigits } from '../../locale/index.ts'
import { chapterLanguage } from '../../publication/chapter-split.ts'
import { splitChapters } from './chapters.ts'
import { packImages } from './images.ts'
import { epubCover } from './cover.ts'
import type { CoverSource } from '../../publication/cover-image.ts'
import type { OutputArgs } from '../../publication/output-args.ts'
import { navXhtml, tocEntries } from './nav.ts'
import { ncxNavMap } from './ncx.ts'
import { conformance, PACKAGE_PREFIXES, spineOf } from './package-meta.ts'
import { modifiedDate } from '../../publication/modified.ts'
import * as templates from './templates.ts'
import { xhtmlDocument } from './xhtml.ts'
import { NO_LULL, type Lull } from '../../util/lull.ts'

/** epub-gen-memory keeps its zip protected; chapkhana adds fonts and fixes dates in it. */
class ChapkhanaEpub extends EPub {
  get archive(): EPub['zip'] {
    return this.zip
  }
}

/** A stable `urn:uuid:` for the article: a UUID v5-style hash of its slug. */
export function bookIdentifier(slug: string): string {
  const hex = createHash('sha1').update(`chapkhana:article:${slug}`).digest('hex')
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`
}

/** The date every zip entry carries: `SOURCE_DATE_EPOCH`, else the edition date. */
export function zipDate(edition: Edition, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = sourceDateEpoch(env)
  const date = epoch !== undefined && epoch > 0 ? new Date(epoch * 1000) : new Date(`${edition.meta.date}T00:00:00Z`)
  // A zip entry cannot be dated before 1980 (DOS time); older dates would wrap
  // into the future (al-Muqtabas, 1911, came out as 2039).
  return new Date(Math.max(date.getTime(), ZIP_EPOCH))
}

const ZIP_EPOCH = Date.UTC(1980, 0, 1, 12)

const EPUB_NAMESPACE = '@namespace epub "http://www.idpf.org/2007/ops";'

/** Every character the book prints, for font subsetting. */
function bookText(edition: Edition, parts: readonly string[]): string {
  // Digits of every style, so page-independent numbering never misses a glyph.
  return [toString(edition.tree), ...parts, `${allDigits()}.،:·- `].join(' ')
}

/** What the EPUB needs beyond the common output arguments. */
export interface EpubArgs extends OutputArgs {
  /** The edition's cover (drawn by the cover writer only when the article has none of its own). */
  readonly cover: CoverSource
  /** When to do the work (between its pieces): while the PDF's Chromium prints, in a build that makes one. */
  readonly lull?: Pick<Lull, 'wait'>
}

/** Build the EPUB bytes for `edition`. */
export async function buildEpub({ edition, generator, cover: coverImage, lull = NO_LULL }: Omit<EpubArgs, 'target'>): Promise<Buffer> {
  await lull.wait()
  const chapters = splitChapters(edition)
  // The cover may still be drawing (or its image being made small on its own
  // thread): everything that does not show it, the font subsets above all, is
  // made meanwhile, while Node would otherwise wait (a cold build starts here
  // while Chromium is still starting).
  const covered = epubCover(edition, coverImage)
  covered.catch(() => undefined)
  const images = await packImages(edition, chapters)
  const titleChildren = [titleBlock(edition)]
  const titleXhtml = xhtmlDocument(edition, [h('section', { 'epub:type': 'titlepage', className: ['title-page'] }, titleChildren)], { title: edition.meta.title, bodyType: 'frontmatter' })
  const colophonXhtml = xhtmlDocument(edition, [colophon(edition)], { title: edition.meta.title, bodyType: 'backmatter' })
  const entries = tocEntries(edition, chapters)
  const chapterFiles: { id: string; filename: string; title: string; xhtml: string }[] = []
  for (const c of chapters) {
    // A chapter in another language than the book is that language's document.
    const language = chapterLanguage(c.children)
    chapterFiles.push({
      id: c.id,
      filename: c.filename,
      title: c.title,
      xhtml: xhtmlDocument(edition, [h('section', { 'epub:type': 'chapter', role: 'doc-chapter', ariaLabel: c.title, ...language }, c.children)], { title: c.title, bodyType: 'bodymatter', ...(language ? { language } : {}) })
    })
    // A book's chapters are a run of 100+ ms: made while Chromium prints (util/lull.ts).
    await lull.wait()
  }

  const text = bookText(edition, [edition.meta.title, toString(titleBlock(edition)), toString(colophon(edition)), ...Object.values(edition.words)])
  // Code has its own face, subset to the code's own characters.
  const { faces, codeText } = documentFaces(edition.tree, BOOK_FONT.faces, CODE_FONT.faces)
  const fonts: { face: (typeof faces)[number]; bytes: Buffer }[] = []
  for (const face of faces) {
    await lull.wait()
    fonts.push({ face, bytes: await subsetFace(face, face.family === CODE_FONT.family ? codeText : text) })
  }
  await lull.wait()
  // `@namespace` must precede every other rule, or the `epub|type` selectors
  // of epub.css (footnotes) are dropped as invalid.
  const css = [EPUB_NAMESPACE, fontFaceCss((face) => `fonts/${face.name}`, faces), await stylesheet('base'), await stylesheet('epub')].join('\n')

  const cover = await covered
  const nav = navXhtml(edition, entries, [
    { type: 'cover', href: cover.page.filename, text: edition.words.cover },
    { type: 'titlepage', href: 'title.xhtml', text: edition.words.titlePage },
    { type: 'toc', href: 'toc.xhtml#toc', text: edition.words.contents },
    { type: 'bodymatter', href: chapters[0]!.filename, text: chapters[0]!.title }
  ])

  const pages = [
    { id: cover.page.id, filename: cover.page.filename, title: edition.words.cover, xhtml: cover.page.xhtml },
    { id: 'titlepage', filename: 'title.xhtml', title: edition.meta.title, xhtml: titleXhtml },
    ...chapterFiles,
    { id: 'colophon', filename: 'colophon.xhtml', title: edition.meta.title, xhtml: colophonXhtml }
  ]
  const book = {
    identifier: bookIdentifier(edition.slug),
    title: edition.meta.title,
    lang: edition.lang,
    dir: edition.dir,
    authors: edition.meta.author ?? [],
    date: edition.meta.date,
    modified: modifiedDate(edition),
    prefixes: PACKAGE_PREFIXES,
    conformance: conformance(edition),
    publisher: edition.meta.publisher,
    description: edition.meta.description ?? edition.file.data.teaser,
    subjects: edition.meta.subject ?? [],
    rights: edition.meta.rights,
    // The cover is an image (of the title, which is its text alternative).
    visual: true,
    cover: true,
    accessibilitySummary:
      images.length === 0
        ? 'Text with headings, a table of contents and reading order; the one image, the cover, has the title as its text alternative.'
        : conformance(edition)
          ? 'Text with headings, a table of contents and reading order; the cover has the title as its text alternative, and the images in the text carry the descriptions their authors wrote.'
          : 'Text with headings, a table of contents and reading order; the cover has the title as its text alternative, but some images in the text have no description.',
    generator,
    items: [
      ...pages.map((p) => ({ id: p.id, href: p.filename, mediaType: 'application/xhtml+xml' })),
      { id: cover.image.id, href: cover.image.href, mediaType: cover.image.mediaType, properties: 'cover-image' },
      ...images.map((i) => ({ id: i.id, href: i.href, mediaType: i.mediaType })),
      ...fonts.map((f, i) => ({ id: `font-${i + 1}`, href: `fonts/${f.face.name}`, mediaType: 'font/ttf' }))
    ],
    // Cover, title, then the contents, then the text: never the contents first.
    spine: spineOf([pages[0]!.id, pages[1]!.id], pages.slice(2).map((p) => p.id), entries.length),
    ncx: ncxNavMap(entries),
    navXhtml: nav
  }
  const epub = new ChapkhanaEpub(
    {
      title: edition.meta.title,
      lang: edition.lang,
      date: edition.meta.date,
      css,
      contentOPF: templates.contentOPF,
      tocNCX: templates.tocNCX,
      tocXHTML: templates.tocXHTML,
      chapterXHTML: templates.chapterXHTML,
      fonts: [],
      verbose: false,
      ignoreFailedDownloads: false,
      // Read by chapkhana's templates; epub-gen-memory passes it through.
      ...({ book } as object)
    },
    pages.map((p) => ({ title: p.title, filename: p.filename, content: '<p></p>', ...({ xhtml: p.xhtml } as object) }))
  )
  await lull.wait()
  await epub.render()
  const zip = epub.archive
  const oebps = zip.folder('OEBPS')!
  for (const { face, bytes } of fonts) oebps.file(`fonts/${face.name}`, bytes)
  oebps.file(cover.image.href, cover.image.bytes)
  for (const image of images) oebps.file(image.href, image.bytes)
  const date = zipDate(edition)
  zip.forEach((_path, entry) => {
    entry.date = date
  })
  await lull.wait()
  return zip.generateAsync({ type: 'nodebuffer', mimeType: 'application/epub+zip', compression: 'DEFLATE', compressionOptions: { level: 9 } })
}

/** Write `out/<slug>.epub` atomically; returns the path written. */
export async function writeEpub({ target, ...args }: EpubArgs): Promise<string> {
  const { signal } = args
  const bytes = await buildEpub(args)
  signal?.throwIfAborted()
  return writeFileAtomic(path.resolve(target), bytes)
}
