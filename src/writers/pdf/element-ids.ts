/**
 * Structure element ids in reading order. Chromium names a tagged element it
 * must refer to (a table's header cell, which its data cells list in
 * `/Headers`) `node` + the DOM node number of its renderer process: a counter
 * that runs on across every document the process laid out, so the same text
 * printed after another rendering (a draft, the cover, an earlier part) got
 * other ids and the PDF other bytes. Here every such id is numbered anew in
 * the order the structure tree reads, and the `/Headers` and the `/IDTree`
 * follow: the same text, the same bytes.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib'
import { nameTree } from './pdf-trees.ts'

const name = PDFName.of

/** An id Chromium made from a DOM node number. */
const CHROMIUM_ID = /^node\d+$/

const text = (value: PDFObject | undefined): string | undefined => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined)

/** The structure elements under `root` (a dict with `/K`), depth first, in reading order. */
function elements(pdf: PDFDocument, root: PDFDict): PDFDict[] {
  const found: PDFDict[] = []
  const visit = (item: PDFObject | undefined): void => {
    if (item instanceof PDFArray) return item.asArray().forEach(visit)
    const elem = item instanceof PDFRef ? pdf.context.lookupMaybe(item, PDFDict) : item instanceof PDFDict ? item : undefined
    // Marked-content and object references (`/Type /MCR`, `/OBJR`) end a branch.
    if (!elem || !elem.has(name('S'))) return
    found.push(elem)
    visit(elem.get(name('K')))
  }
  visit(root.get(name('K')))
  return found
}

/** The attribute dictionaries of `elem` (`/A` is one, or an array of them and revision numbers). */
function attributes(pdf: PDFDocument, elem: PDFDict): PDFDict[] {
  const a = elem.get(name('A'))
  const all = a instanceof PDFArray ? a.asArray() : a ? [a] : []
  return all.map((x) => (x instanceof PDFRef ? pdf.context.lookupMaybe(x, PDFDict) : x instanceof PDFDict ? x : undefined)).filter((x): x is PDFDict => x !== undefined)
}

/** Entries of the name tree `tree` as key and value, its nodes below the root removed from the file. */
function takeNames(pdf: PDFDocument, tree: PDFDict): [string, PDFObject][] {
  const flat = nameTree(pdf.context, tree)
  const out: [string, PDFObject][] = []
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const key = text(flat[i])
    if (key !== undefined) out.push([key, flat[i + 1]!])
  }
  const drop = (node: PDFDict): void => {
    for (const kid of node.lookupMaybe(name('Kids'), PDFArray)?.asArray() ?? []) {
      const child = pdf.context.lookupMaybe(kid, PDFDict)
      if (child) drop(child)
      if (kid instanceof PDFRef) pdf.context.delete(kid)
    }
  }
  drop(tree)
  return out
}

/**
 * Number Chromium's structure ids of `pdf` in reading order (`node00000001`,
 * …) and rewrite the `/Headers` that name them and the structure root's
 * `/IDTree`; returns how many were renamed. Other ids (the notes' own) stay.
 */
export function stableElementIds(pdf: PDFDocument): number {
  const root = pdf.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict)
  if (!root) return 0
  const all = elements(pdf, root)
  // An id printed twice (two parts rendered by different browsers) keeps its first element's new name.
  const renamed = new Map<string, string>()
  for (const elem of all) {
    const id = text(elem.get(name('ID')))
    if (id === undefined || !CHROMIUM_ID.test(id)) continue
    const fresh = renamed.get(id) ?? `node${String(renamed.size + 1).padStart(8, '0')}`
    renamed.set(id, fresh)
    elem.set(name('ID'), PDFString.of(fresh))
  }
  if (renamed.size === 0) return 0
  for (const elem of all) {
    for (const attrs of attributes(pdf, elem)) {
      const headers = attrs.lookupMaybe(name('Headers'), PDFArray)
      if (!headers) continue
      const fresh = (h: PDFObject): PDFObject => {
        const id = renamed.get(text(h) ?? '')
        return id === undefined ? h : PDFString.of(id)
      }
      attrs.set(name('Headers'), pdf.context.obj(headers.asArray().map(fresh)))
    }
  }
  const tree = root.lookupMaybe(name('IDTree'), PDFDict)
  if (tree) {
    // One flat, sorted /Names: the renamed keys no longer fit the old leaves' /Limits.
    const entries = takeNames(pdf, tree).map(([key, value]): [string, PDFObject] => [renamed.get(key) ?? key, value])
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    tree.delete(name('Kids'))
    tree.delete(name('Limits'))
    tree.set(name('Names'), pdf.context.obj(entries.flatMap(([key, value]) => [PDFString.of(key), value])))
  }
  return renamed.size
}
