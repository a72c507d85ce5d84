/**
 * Which faces of the book and code fonts a tree needs, so the EPUB carries no font
 * file that nothing is set in (the italic faces alone would add ~100 KB).
 */
import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { visitParents } from 'unist-util-visit-parents'
import type { FontFace } from './fonts.ts'

/** Elements set in the italic face. */
export const ITALIC = new Set(['em', 'i', 'cite', 'dfn', 'var', 'address'])
/** Elements set in the bold face. */
export const BOLD = new Set(['strong', 'b', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** The faces of `faces` that `tree` sets text in. Regular and bold are always kept (title page). */
export function facesUsed(tree: Root, faces: readonly FontFace[]): FontFace[] {
  let italic = false
  let boldItalic = false
  visitParents(tree, 'element', (node: Element, ancestors) => {
    const chain = [...ancestors.filter((a): a is Element => a.type === 'element').map((a) => a.tagName), node.tagName]
    const isItalic = chain.some((t) => ITALIC.has(t))
    if (isItalic) italic = true
    if (isItalic && chain.some((t) => BOLD.has(t))) boldItalic = true
  })
  return faces.filter((f) => f.style === 'normal' || (f.weight === 400 ? italic : boldItalic))
}

const CODE = new Set(['code', 'pre', 'kbd', 'samp'])

/** The faces of the code font `tree` sets text in (none without code), and the text set in them. */
export function codeFacesUsed(tree: Root, faces: readonly FontFace[]): { faces: FontFace[]; text: string } {
  let text = ''
  let bold = false
  visitParents(tree, 'element', (node: Element, ancestors) => {
    if (!CODE.has(node.tagName)) return undefined
    text += toString(node)
    if (ancestors.some((a) => a.type === 'element' && BOLD.has(a.tagName))) bold = true
    // Code inside code is in this text already.
    return 'skip'
  })
  if (text === '') return { faces: [], text }
  return { faces: faces.filter((f) => f.weight === 400 || bold), text }
}

/**
 * Every face a document set from `tree` can print in: the book font's
 * regular and bold (title page, headings, running heads, contents), its
 * italics when the text has any, the code font's when it has code; and the
 * text set in the code font, which its subset needs. The EPUB carries only
 * these faces, and a print page declares only these: each face declared is
 * fetched and decoded by Chromium at every render, and the four a plain
 * article never uses (two italics, two monospaced) were a third of a `watch`
 * rebuild's wait for fonts.
 */
export function documentFaces(tree: Root, book: readonly FontFace[], code: readonly FontFace[]): { faces: FontFace[]; codeText: string } {
  const coded = codeFacesUsed(tree, code)
  return { faces: [...facesUsed(tree, book), ...coded.faces], codeText: coded.text }
}
