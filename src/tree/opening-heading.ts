/**
 * The heading a text opens with, even inside wrapper elements: Sorani
 * documentation wraps whole pages in `<div dir="rtl">`, so its `# heading`
 * is not a child of the root. Articles whose title is that heading print it
 * once (in the title block), and book chapters keep it as their title.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import type { VFile } from 'vfile'
import { proseText } from './plugins/rehype-heading-ids.ts'
import '../types/document.ts'

// Elements that only wrap a text (direction, language, a class); a block
// quote or a list is content, so a heading inside it opens nothing.
const WRAPPERS = new Set(['div', 'section', 'article', 'main', 'header'])
const HEADING = /^h[1-6]$/

/** The opening heading and the wrappers around it, outermost first. */
export interface Opening {
  readonly heading: Element
  readonly wrappers: readonly Element[]
}

const blank = (node: RootContent | ElementContent): boolean =>
  node.type === 'comment' || node.type === 'doctype' || (node.type === 'text' && node.value.trim() === '')

/** The heading `tree` opens with, before any other content, or undefined. */
export function openingHeading(tree: Root): Opening | undefined {
  const wrappers: Element[] = []
  let children: (RootContent | ElementContent)[] = tree.children
  for (;;) {
    const first = children.find((n) => !blank(n))
    if (!first || first.type !== 'element') return undefined
    if (HEADING.test(first.tagName)) return { heading: first, wrappers }
    if (!WRAPPERS.has(first.tagName) || first.properties.dataFootnotes !== undefined) return undefined
    wrappers.push(first)
    children = first.children
  }
}

/** Take `node` out of `parent` (the root or an element). */
function detach(parent: Root | Element, node: Element): void {
  const at = parent.children.indexOf(node)
  if (at !== -1) parent.children.splice(at, 1)
}

/**
 * Move the opening heading out of its wrappers to the root, just before
 * them, with the direction and language the nearest wrapper gave it; returns
 * it. A book splits chapters at root headings.
 */
export function hoistOpeningHeading(tree: Root): Element | undefined {
  const opening = openingHeading(tree)
  if (!opening) return undefined
  const { heading, wrappers } = opening
  const outer = wrappers[0]
  if (!outer) return heading
  for (const key of ['dir', 'lang'] as const) {
    const from = [...wrappers].reverse().find((w) => w.properties[key] !== undefined)
    if (heading.properties[key] === undefined && from) heading.properties[key] = from.properties[key]
  }
  detach(wrappers.at(-1) ?? tree, heading)
  tree.children.splice(tree.children.indexOf(outer), 0, heading)
  return heading
}

/**
 * An article whose text opens with its own title as `# heading` (the title
 * was taken from it, or repeats it) prints that title once, in the title
 * block: the heading leaves the text and the heading list, so no rendering
 * shows it twice (two H1 in the PDF tags, two identical bookmarks).
 */
export function liftTitleHeading(tree: Root, file: VFile): void {
  const title = file.data.meta?.title
  const opening = openingHeading(tree)
  if (!title || !opening || opening.heading.tagName !== 'h1') return
  const same = (s: string): string => s.replace(/\s+/g, ' ').trim()
  if (same(proseText(opening.heading)) !== same(title)) return
  detach(opening.wrappers.at(-1) ?? tree, opening.heading)
  const id = opening.heading.properties.id
  file.data.headings = (file.data.headings ?? []).filter((h) => h.id !== id)
}
