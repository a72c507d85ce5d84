/**
 * The print rendering: one HTML document with the title block, the table of
 * contents (when there are several chapters), the chapters with their
 * endnotes and the colophon, styled by `base.css` + `print.css`, with the page
 * box and its furniture from `page-css.ts`.
 */
import { pathToFileURL } from 'node:url'
import path from 'node:path'
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { decodedPath } from '../../document/resources.ts'
import { h } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { fontFaceCss } from '../../fonts/fonts.ts'
import { colophon, imageOf, titleBlock, type Edition } from '../edition.ts'
import { stylesheet } from '../styles.ts'
import { chapterLanguage } from '../chapter-split.ts'
import { printChapters, type PrintChapter } from './chapters.ts'
import { pageCss } from './page-css.ts'
import { tocNav, type PageMap } from './toc.ts'

export { PAGE, pageCss } from './page-css.ts'

/** The print document for one layout pass. */
export interface PrintLayout {
  readonly chapters: readonly PrintChapter[]
  /** Pages found by the previous pass (empty on the first). */
  readonly pages: PageMap
}

/** The first layout of an edition: its chapters, no page numbers yet. */
export function firstLayout(edition: Edition): PrintLayout {
  return { chapters: printChapters(edition), pages: new Map() }
}

/**
 * The print HTML is loaded from a temporary folder, so the article's images
 * are given as absolute `file:` URLs of the checked files (inside the folder
 * the render lock lets the page read).
 */
function localImages(edition: Edition, sections: readonly Element[]): void {
  for (const section of sections) {
    visit(section, 'element', (node: Element) => {
      if (node.tagName !== 'img' || !imageOf(edition, node.properties.src)) return
      node.properties.src = pathToFileURL(path.resolve(edition.baseDir, decodedPath(String(node.properties.src)))).href
    })
  }
}

/** The complete print HTML for `edition`, with fonts as `file:` URLs. */
export async function printHtml(edition: Edition, layout: PrintLayout = firstLayout(edition)): Promise<string> {
  const { chapters, pages } = layout
  const several = chapters.length > 1
  const css = [
    fontFaceCss((face) => pathToFileURL(face.file).href),
    await stylesheet('base'),
    await stylesheet('print'),
    pageCss(edition, chapters, pages)
  ].join('\n')
  // A chapter in another language than the book is set in its own language and direction.
  const sections = chapters.map((chapter) => h('section.chapter', { id: chapter.id, ...chapterLanguage(chapter.children) }, chapter.children))
  localImages(edition, sections)
  const doc: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: edition.lang, dir: edition.dir }, [
        h('head', [h('meta', { charset: 'utf-8' }), h('title', edition.meta.title), h('style', css)]),
        h('body', { className: several ? ['book'] : ['article'] }, [
          titleBlock(edition),
          ...(several ? [tocNav(edition, chapters, pages)] : []),
          h('main', sections),
          colophon(edition)
        ])
      ])
    ]
  }
  return unified().use(rehypeStringify).stringify(doc)
}
