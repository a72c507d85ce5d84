/**
 * Joining the trees of a book's chapters into one document tree, so every
 * renderer treats a book like an article with several chapters: each chapter
 * opens with one top-level heading (its title), ids are made unique per
 * chapter, in-chapter links follow them, notes stay with their chapter and
 * images are re-addressed from the book's folder.
 */
import path from 'node:path'
import type { Element, Root, RootContent } from 'hast'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { HeadingEntry } from '../types/document.ts'
import type { Direction } from '../locale/index.ts'
import { hoistOpeningHeading } from './opening-heading.ts'

/** One chapter, read and turned into hast. */
export interface ChapterPart {
  readonly file: VFile
  readonly tree: Root
  /** Folder of the chapter's source (its images resolve against it). */
  readonly baseDir: string
}

/** The joined book. */
export interface BookTree {
  readonly tree: Root
  readonly headings: HeadingEntry[]
}

const HEADING = /^h([1-6])$/
const isNotes = (node: RootContent): boolean => node.type === 'element' && node.tagName === 'section' && node.properties.dataFootnotes !== undefined
const depthOf = (node: RootContent): number => {
  const m = node.type === 'element' ? HEADING.exec(node.tagName) : null
  return m ? Number(m[1]) : 0
}

/** Give every id of `tree` the chapter's prefix and follow it in links. */
function prefixIds(tree: Root, prefix: string): void {
  visit(tree, 'element', (node: Element) => {
    const { id, href, ariaDescribedBy } = node.properties
    if (typeof id === 'string') node.properties.id = `${prefix}${id}`
    if (typeof href === 'string' && href.startsWith('#') && href.length > 1) node.properties.href = `#${prefix}${href.slice(1)}`
    if (Array.isArray(ariaDescribedBy)) node.properties.ariaDescribedBy = ariaDescribedBy.map((x) => `${prefix}${String(x)}`)
  })
}

/** Re-address relative image paths from the chapter's folder to the book's. */
function rebaseImages(tree: Root, from: string, to: string): void {
  if (path.resolve(from) === path.resolve(to)) return
  visit(tree, 'element', (node: Element) => {
    const src = node.properties.src
    if (node.tagName !== 'img' || typeof src !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(src)) return
    node.properties.src = path.relative(to, path.resolve(from, decodeURI(src))).split(path.sep).map(encodeURIComponent).join('/')
  })
}

/** Move every heading outside the notes by `shift` levels (capped at h6). */
function shiftHeadings(tree: Root, shift: number): void {
  if (shift === 0) return
  for (const node of tree.children) {
    if (isNotes(node)) continue
    visit(node, 'element', (el: Element) => {
      const m = HEADING.exec(el.tagName)
      if (m) el.tagName = `h${Math.min(6, Math.max(1, Number(m[1]) + shift))}`
    })
  }
}

/** Depths of every heading outside the notes, wherever it is nested. */
function headingDepths(tree: Root): number[] {
  const depths: number[] = []
  for (const node of tree.children) {
    if (isNotes(node)) continue
    visit(node, 'element', (el: Element) => {
      const d = depthOf(el)
      if (d > 0) depths.push(d)
    })
  }
  return depths
}

/**
 * Tag every top-level block of a chapter written in another language than
 * the book with its own language and direction, so each rendering (EPUB,
 * print, reader page) sets it in its own direction and speech reads it in
 * its own language.
 */
function tagLanguage(tree: Root, lang: string, dir: Direction): void {
  for (const node of tree.children) {
    if (node.type !== 'element') continue
    if (node.properties.lang === undefined) node.properties.lang = lang
    if (node.properties.dir === undefined) node.properties.dir = dir
  }
}

/**
 * Join `intro` (the book file's own text, possibly empty) and `parts` into one
 * tree; `bookDir` is the folder images are addressed from, `book` the book's
 * own language and direction (a chapter in another one is tagged with its own).
 */
export function joinChapters(intro: Root, introHeadings: readonly HeadingEntry[], parts: readonly ChapterPart[], bookDir: string, book?: { readonly lang: string; readonly dir: Direction }): BookTree {
  const children: RootContent[] = intro.children.filter((n) => n.type !== 'doctype')
  const headings: HeadingEntry[] = [...introHeadings]
  parts.forEach((part, index) => {
    const prefix = `c${index + 1}-`
    const { tree } = part
    prefixIds(tree, prefix)
    rebaseImages(tree, part.baseDir, bookDir)
    // A `# heading` inside a wrapper `<div dir="rtl">` still opens the chapter.
    hoistOpeningHeading(tree)
    const depths = headingDepths(tree)
    const top = depths.length > 0 ? Math.min(...depths) : 1
    const first = tree.children.find((n) => n.type === 'element')
    // A chapter that opens with its only top heading keeps it as its title;
    // any other gets its front-matter title as a new top heading.
    const ownTitle = first !== undefined && depthOf(first) === top && depths.filter((d) => d === top).length === 1
    const shift = ownTitle ? 1 - top : 2 - top
    shiftHeadings(tree, shift)
    const title = part.file.data.meta?.title ?? `${index + 1}`
    if (!ownTitle) {
      tree.children.unshift(h('h1', { id: `${prefix}title` }, title))
      headings.push({ depth: 1, id: `${prefix}title`, text: title })
    }
    const { lang, dir } = part.file.data
    if (book && lang && dir && (lang !== book.lang || dir !== book.dir)) tagLanguage(tree, lang, dir)
    for (const entry of part.file.data.headings ?? []) {
      headings.push({ ...entry, id: `${prefix}${entry.id}`, depth: Math.min(6, Math.max(1, entry.depth + shift)) })
    }
    for (const node of tree.children) if (node.type !== 'doctype') children.push(node)
  })
  return { tree: { type: 'root', children }, headings }
}
