/**
 * Facts of the package document that are decisions rather than copies of the
 * front matter: which accessibility claim it can make, which vocabularies it
 * declares, and which spine items belong to the reading order (when it was
 * modified: `../modified.ts`, shared with the PDF).
 */
import type { Element } from 'hast'
import { visit } from 'unist-util-visit'
import type { Edition } from '../../publication/edition.ts'

/**
 * Vocabularies the package uses beyond the reserved ones (`a11y:`, `dcterms:`
 * need no declaration). `ibooks:specified-fonts` makes Apple Books use the
 * embedded Amiri instead of its own choice of face.
 */
export const PACKAGE_PREFIXES = 'schema: http://schema.org/ ibooks: http://vocabulary.itunes.apple.com/rdf/ibooks/vocabulary-extensions-1.0/'

/** The EPUB Accessibility 1.1 claim: what it conforms to and who says so. */
export interface Conformance {
  readonly conformsTo: string
  readonly certifiedBy: string
}

/**
 * The conformance claim, made only when chapkhana can stand behind it: the
 * structure, language, navigation and reading order are its own; the one
 * thing only the author can give is a description of each image, so a text
 * with an image without `alt` makes no claim. EPUB Accessibility 1.1 requires
 * `a11y:certifiedBy` beside `dcterms:conformsTo`: the publisher when the front
 * matter names one, else chapkhana, whose checks the claim rests on.
 */
export function conformance(edition: Edition): Conformance | undefined {
  let described = true
  visit(edition.tree, 'element', (node: Element) => {
    if (node.tagName === 'img' && String(node.properties.alt ?? '').trim() === '') described = false
  })
  if (!described) return undefined
  return { conformsTo: 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA', certifiedBy: edition.meta.publisher ?? 'chapkhana' }
}

/** One `itemref` of the spine. */
export interface SpineRef {
  readonly id: string
  readonly linear: boolean
}

/**
 * Cover, title page, contents, then the text and the colophon. A contents
 * page with a single entry tells the reader nothing the title page did not:
 * it stays in the book (the nav, the `toc` landmark) but out of the reading
 * order, so paging from the title leads straight into the text.
 */
export function spineOf(front: readonly string[], rest: readonly string[], tocEntries: number): SpineRef[] {
  return [...front.map((id) => ({ id, linear: true })), { id: 'nav', linear: tocEntries > 1 }, ...rest.map((id) => ({ id, linear: true }))]
}
