/**
 * `out/<slug>.html`: the reader page of one article or book. The title, the
 * cover, the date and edition, the first paragraph, download buttons with
 * sizes, earlier editions, then the text itself (the same tree as the EPUB
 * and PDF) in the document's language, direction and face. Also leaves the
 * record the collection page is rebuilt from (`record.ts`).
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { ElementContent, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { h } from 'hastscript'
import type { CoverSource } from '../../publication/cover-image.ts'
import { BOOK_FONT, type FontFace } from '../../fonts/fonts.ts'
import { facesUsed } from '../../fonts/faces-used.ts'
import { writeFileAtomic } from '../../util/atomic.ts'
import { correctionsBlock, dateLabel, dateline, editionLabel, separator, type Edition } from '../../publication/edition.ts'
import { pageFont, writePageFonts, writeSiteCss } from './assets.ts'
import { writePageCover } from './cover.ts'
import { downloadList, earlierEditions, editionsSection, offers } from './downloads.ts'
import { caretBackrefs, copyImages } from './images.ts'
import { renderPage } from './layout.ts'
import { saveRecord } from './record.ts'
import { cloneTree } from '../../tree/clone.ts'
import type { Lull } from '../../util/lull.ts'

/** One file written, as the build reports it. */
export interface SiteWritten {
  readonly path: string
  readonly bytes: number
  readonly ms: number
}

/** What `writeArticlePage` needs. */
export interface ArticlePageArgs {
  readonly edition: Edition
  /** The editions just written (their extensions say which formats to offer). */
  readonly written: readonly { readonly path: string }[]
  readonly outDir: string
  /** The edition's cover, as the EPUB got it. */
  readonly cover: CoverSource
  readonly signal?: AbortSignal
  /** The page's text made ahead (`prepareArticlePage`), while the PDF printed. */
  readonly prepared?: Promise<PreparedPage>
}

/** The part of a reader page that does not depend on the files written: its text. */
export interface PreparedPage {
  /** A clone of the edition's tree, its notes' ways back as carets (images not copied yet). */
  readonly tree: Root
  /** The faces its text is set in. */
  readonly faces: readonly FontFace[]
}

/** The edition's text as the page shows it, on a tree of its own. */
function pageTree(edition: Edition): Root {
  const tree = cloneTree(edition.tree)
  caretBackrefs(tree)
  return tree
}

/** Every character the page may show, for its fonts' subsets. */
function pageText(edition: Edition, content: readonly ElementContent[]): string {
  return [toString({ type: 'root', children: [...content] }), ...Object.values(edition.locale.words)].join(' ')
}

/**
 * Make what the reader page needs before the EPUB and PDF exist, while
 * Chromium prints (`lull`): its text, and its fonts' subsets for the
 * letters it will show (remembered, so `writeArticlePage` finds them; a
 * page whose download list brings a letter more makes its own). On the
 * 50-chapter book this was ~100 ms of Node's work after the last rendering.
 * Writes nothing.
 */
export async function prepareArticlePage(edition: Edition, lull: Pick<Lull, 'wait'>): Promise<PreparedPage> {
  await lull.wait()
  const tree = pageTree(edition)
  await lull.wait()
  const cover = { name: '' }
  const content = body(edition, cover, downloadList([], edition.lang), [], tree.children.filter((c): c is ElementContent => c.type !== 'doctype'))
  const text = pageText(edition, content)
  const faces = facesUsed(edition.tree, BOOK_FONT.faces)
  for (const face of faces) {
    await lull.wait()
    await pageFont(face, text)
  }
  return { tree, faces }
}

/** The body of the page: header with the edition's facts and downloads, then the text. */
function body(edition: Edition, cover: { name: string; width?: number; height?: number }, downloads: ElementContent, editions: ElementContent[], text: ElementContent[]): ElementContent[] {
  const { meta } = edition
  const words = edition.locale.words
  return [
    h('a.skip', { href: '#ch-text' }, words.skipToText),
    h('header.site-header', [h('nav', { ariaLabel: words.collection }, [h('a', { href: 'index.html' }, words.backToCollection)])]),
    h('main#ch-main', [
      h('section.edition', { ariaLabelledBy: 'ch-title' }, [
        h('img.cover', { src: cover.name, alt: `${words.coverOf} ${meta.title}`, ...(cover.width ? { width: cover.width, height: cover.height } : {}) }),
        h('div.facts', [
          h('h1#ch-title', meta.title),
          ...(meta.author ? [h('p.author', meta.author.join(edition.locale.listSeparator))] : []),
          h('p.dateline', dateline(edition)),
          ...(edition.file.data.teaser ? [h('p.teaser', edition.file.data.teaser)] : []),
          downloads,
          ...editions,
          // What changed since the previous edition, when the front matter asks for it.
          ...correctionsBlock(edition)
        ])
      ]),
      h('article#ch-text.text', { ariaLabelledBy: 'ch-title' }, text)
    ]),
    h('footer.site-footer', [
      h('p', [`${edition.words.typeface}: `, h('span', { dir: 'ltr', lang: 'en' }, `${BOOK_FONT.displayName} (${BOOK_FONT.licence})`), separator(edition), h('span', { dir: 'ltr', lang: 'en' }, 'chapkhana')])
    ])
  ]
}

const timedFile = async (file: string, start: number): Promise<SiteWritten> => ({ path: file, bytes: (await stat(file)).size, ms: performance.now() - start })

/**
 * Write `out/<slug>.html`, its cover and fonts, and the article's record for
 * the collection. Called after the EPUB and PDF exist, so their sizes are known.
 * Returns the page and the cover, for the report and the build record.
 */
export async function writeArticlePage({ edition, written, outDir, cover: coverImage, signal, prepared }: ArticlePageArgs): Promise<SiteWritten[]> {
  const start = performance.now()
  const formats = written.map((w) => path.extname(w.path).slice(1))
  const { tree, faces } = prepared ? await prepared : { tree: pageTree(edition), faces: facesUsed(edition.tree, BOOK_FONT.faces) }
  const cover = await writePageCover(edition, outDir, coverImage)
  const coverDone = await timedFile(cover.file, start)
  await copyImages(tree, edition, outDir)
  const words = edition.locale.words
  const available = await offers(outDir, edition.slug, formats)
  const editions = editionsSection(await earlierEditions(outDir, edition.slug, edition.meta.edition), edition.lang, edition.words.edition)
  const content = body(edition, cover, downloadList(available, edition.lang), editions, tree.children.filter((c): c is ElementContent => c.type !== 'doctype'))
  const text = pageText(edition, content)
  const fonts = await writePageFonts(outDir, edition.slug, text, faces)
  await writeSiteCss(outDir)
  const teaser = edition.file.data.teaser ?? ''
  const html = renderPage(
    {
      lang: edition.lang,
      dir: edition.dir,
      title: edition.meta.title,
      description: edition.meta.description ?? teaser.slice(0, 300),
      fontCss: fonts.css,
      og: { type: edition.chapters.length > 0 ? 'book' : 'article', image: cover.name, imageAlt: `${words.coverOf} ${edition.meta.title}` },
      alternates: available.map((o) => ({ type: o.type, href: o.href, title: `${edition.meta.title} (${o.label})` })),
      meta: { generator: 'chapkhana' }
    },
    content,
    'article-page'
  )
  signal?.throwIfAborted()
  const page = await writeFileAtomic(path.join(outDir, `${edition.slug}.html`), html)
  await saveRecord(outDir, {
    slug: edition.slug,
    source: path.resolve(edition.file.path),
    lang: edition.lang,
    dir: edition.dir,
    title: edition.meta.title,
    ...(edition.meta.author ? { author: edition.meta.author } : {}),
    date: edition.meta.date,
    // An undated text prints no date: its metadata date is not the author's.
    dateLabel: edition.meta.undated ? '' : dateLabel(edition),
    editionLabel: editionLabel(edition),
    teaser,
    cover: cover.name,
    book: edition.chapters.length > 0
  })
  return [await timedFile(page, start), coverDone]
}
