/**
 * The print rendering: one HTML document with the title block, the article
 * and the colophon, styled by `base.css` + `print.css`, with the page box and
 * its furniture (running head, page numbers in the document's digits,
 * mirrored margins) generated from the document's facts.
 */
import { pathToFileURL } from 'node:url'
import type { Root } from 'hast'
import { h } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { languageInfo } from '../../config/languages.ts'
import { fontFaceCss } from '../../fonts/fonts.ts'
import { colophon, titleBlock, type Edition } from '../edition.ts'
import { cssString, stylesheet } from '../styles.ts'

/** Page geometry in millimetres. The inner margin is the one at the spine. */
export const PAGE = { top: 24, bottom: 24, inner: 27, outer: 18 } as const

function counterStyle(lang: string): string {
  const digits = languageInfo(lang)?.digits
  return digits === 'arabic-indic' ? 'arabic-indic' : digits === 'persian' ? 'persian' : 'decimal'
}

/** `@page` rules for an edition. */
export function pageCss(edition: Edition): string {
  const counter = `counter(page, ${counterStyle(edition.lang)})`
  const box = `font-family: "Chapkhana Amiri"; font-size: 9pt; color: #444; direction: ${edition.dir};`
  // A left-hand page has the spine on its right, whatever the script: the
  // browser decides which pages are left ones from the document direction.
  return `
@page { size: 210mm 297mm; margin: ${PAGE.top}mm ${PAGE.outer}mm ${PAGE.bottom}mm ${PAGE.outer}mm; }
@page :left {
  margin-left: ${PAGE.outer}mm; margin-right: ${PAGE.inner}mm;
  @top-center { content: ${cssString(edition.meta.title)}; ${box} }
  @bottom-left { content: ${counter}; ${box} }
}
@page :right {
  margin-left: ${PAGE.inner}mm; margin-right: ${PAGE.outer}mm;
  @top-center { content: ${cssString(edition.meta.title)}; ${box} }
  @bottom-right { content: ${counter}; ${box} }
}
@page :first {
  @top-center { content: none; }
  @bottom-left { content: none; }
  @bottom-right { content: none; }
}`
}

/** The complete print HTML for `edition`, with fonts as `file:` URLs. */
export async function printHtml(edition: Edition, tree: Root = edition.tree): Promise<string> {
  const css = [
    fontFaceCss((face) => pathToFileURL(face.file).href),
    await stylesheet('base'),
    await stylesheet('print'),
    pageCss(edition)
  ].join('\n')
  const doc: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: edition.lang, dir: edition.dir }, [
        h('head', [
          h('meta', { charset: 'utf-8' }),
          h('title', edition.meta.title),
          h('style', css)
        ]),
        h('body', [titleBlock(edition), h('main', tree.children as never), colophon(edition)])
      ])
    ]
  }
  return unified().use(rehypeStringify).stringify(doc)
}
