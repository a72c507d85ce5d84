/**
 * The PDF outline (bookmarks), built by chapkhana from its own named
 * destinations rather than taken from Chromium. Chromium places a bookmark
 * at the top of the heading's ink; a heading pushed to the next page whose
 * tall marks still reach above its line box got a bookmark on the previous
 * page, and a heading laid out twice got its text twice. The named
 * destinations are where in-document links land (the table of contents
 * already prints every page right from them), so every heading is made a
 * link target (`outlineAnchors`) and each bookmark points where its link would.
 */
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib'
import { visit } from 'unist-util-visit'
import { plainText, type PrintChapter } from './chapters.ts'

/** One bookmark: the element it leads to, its nesting depth (1 = top) and its title. */
export interface Bookmark {
  readonly target: string
  readonly depth: number
  readonly title: string
}

/** Every heading of the printed chapters, nested by level from the top level found. */
export function bookmarksOf(chapters: readonly PrintChapter[]): Bookmark[] {
  const found: { target: string; level: number; title: string }[] = []
  for (const chapter of chapters) {
    visit({ type: 'root', children: chapter.children }, 'element', (node: Element) => {
      if (!/^h[1-6]$/.test(node.tagName) || typeof node.properties.id !== 'string') return
      found.push({ target: node.properties.id, level: Number(node.tagName[1]), title: plainText(node) })
    })
  }
  const top = Math.min(...found.map((b) => b.level))
  return found.map((b) => ({ target: b.target, depth: b.level - top + 1, title: b.title }))
}

/**
 * Links to every bookmarked heading, in a `hidden` block: Chromium writes a
 * named destination only for an element that some link points to, and it
 * collects those links from the whole document, shown or not. `others` are
 * further ids whose pages the layout needs (the contents).
 */
export function outlineAnchors(bookmarks: readonly Bookmark[], others: readonly string[] = []): Element {
  const links: ElementContent[] = [...bookmarks.map((b) => b.target), ...others].map((target) => h('a', { href: `#${target}`, tabIndex: -1 }))
  return h('nav.outline-anchors', { hidden: true, ariaHidden: 'true' }, links)
}

/** The destination array named `name` in the catalog's `/Dests`. */
function namedDest(pdf: PDFDocument, name: string): PDFArray | undefined {
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  const value: PDFObject | undefined = dests?.get(PDFName.of(name))
  const dest = value instanceof PDFRef ? pdf.context.lookup(value) : value
  if (dest instanceof PDFArray) return dest
  // A destination may also be written as a dictionary holding it under /D.
  return dest instanceof PDFDict ? dest.lookupMaybe(PDFName.of('D'), PDFArray) : undefined
}

interface Node {
  readonly dict: PDFDict
  readonly ref: PDFRef
  readonly children: Node[]
}

/**
 * Replace the outline of `pdf` by `title` (opening page 1) and `bookmarks`,
 * each pointing at its named destination; a bookmark whose destination is
 * missing is left out (its children move up). Returns how many were written.
 */
export function writeOutline(pdf: PDFDocument, title: string, bookmarks: readonly Bookmark[]): number {
  const { context } = pdf
  const first = pdf.getPage(0)
  const make = (text: string, dest: PDFArray): Node => {
    const dict = context.obj({}) as PDFDict
    dict.set(PDFName.of('Title'), PDFHexString.fromText(text))
    dict.set(PDFName.of('Dest'), dest)
    return { dict, ref: context.register(dict), children: [] }
  }
  const top = context.obj([first.ref, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(first.getHeight()), context.obj(null)]) as PDFArray
  const roots: Node[] = [make(title, top)]
  // The open ancestors of the next bookmark, by depth.
  const stack: { depth: number; node: Node }[] = []
  for (const bookmark of bookmarks) {
    const dest = namedDest(pdf, bookmark.target)
    if (!dest) continue
    const node = make(bookmark.title, context.obj(dest.asArray()) as PDFArray)
    while (stack.length > 0 && stack.at(-1)!.depth >= bookmark.depth) stack.pop()
    ;(stack.at(-1)?.node.children ?? roots).push(node)
    stack.push({ depth: bookmark.depth, node })
  }
  const outlines = context.obj({ Type: 'Outlines' }) as PDFDict
  const outlinesRef = context.register(outlines)
  const link = (parent: PDFDict, parentRef: PDFRef, kids: readonly Node[]): number => {
    let count = 0
    kids.forEach((kid, i) => {
      kid.dict.set(PDFName.of('Parent'), parentRef)
      if (i > 0) kid.dict.set(PDFName.of('Prev'), kids[i - 1]!.ref)
      if (i < kids.length - 1) kid.dict.set(PDFName.of('Next'), kids[i + 1]!.ref)
      // Open entries: a negative count would show sections folded.
      count += 1 + link(kid.dict, kid.ref, kid.children)
    })
    if (kids.length > 0) {
      parent.set(PDFName.of('First'), kids[0]!.ref)
      parent.set(PDFName.of('Last'), kids.at(-1)!.ref)
      parent.set(PDFName.of('Count'), PDFNumber.of(count))
    }
    return count
  }
  const written = link(outlines, outlinesRef, roots)
  pdf.catalog.set(PDFName.of('Outlines'), outlinesRef)
  return written - 1
}
