/**
 * Merging the PDFs of a book's parts into one file that keeps what a single
 * rendering has: one tagged structure tree, every named destination, and
 * links between parts.
 *
 * Each part is a tagged PDF of its own (a StructTreeRoot whose Document
 * element holds its elements, a ParentTree keyed by the pages'
 * `/StructParents` and the annotations' `/StructParent`). The first part is
 * the base; every later part is copied into it with ONE `PDFObjectCopier`,
 * pages first and by reference, so that the structure elements' `/Pg`, the
 * marked-content references and the destinations copied afterwards point at
 * the copied pages (pdf-lib's own `copyPages` copies a page's dictionary, not
 * its reference, and a later reference to the page would copy it again).
 * Its ParentTree keys are moved past the base's, its Document element's
 * children join the base's Document element, and its RoleMap, IDTree and
 * `/Dests` join the base's. Marked-content ids are per page and stay.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib'
import { A4 } from './postprocess.ts'
import { loadPdf } from './pdf-lib.ts'
import { nameTree, numberTree } from './pdf-trees.ts'

/** One part to merge: its PDF, and whether a blank verso goes before it. */
export interface MergePart {
  readonly bytes: Uint8Array
  /** `bytes` parsed already and unchanged (the layout loop measured them): not parsed again. */
  readonly pdf?: PDFDocument
  readonly blankBefore: boolean
}

const name = PDFName.of

/** The structure root of `pdf` and its Document element (the root's only child). */
function structure(pdf: PDFDocument): { root: PDFDict; document: PDFDict; documentRef: PDFRef } | undefined {
  const root = pdf.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict)
  const k = root?.get(name('K'))
  const documentRef = k instanceof PDFArray && k.size() === 1 ? k.get(0) : k
  const document = documentRef instanceof PDFRef ? pdf.context.lookupMaybe(documentRef, PDFDict) : undefined
  return root && document && documentRef instanceof PDFRef ? { root, document, documentRef } : undefined
}

/** The `/K` of a structure element as an array of its children (made one when it was a single child). */
function kidsArray(context: PDFContext, elem: PDFDict): PDFArray {
  const k = elem.get(name('K'))
  if (k instanceof PDFArray) return k
  const array = context.obj(k ? [k] : []) as PDFArray
  elem.set(name('K'), array)
  return array
}

/** Add `delta` to the number under `key` of `dict`, when there is one. */
function shift(dict: PDFDict, key: string, delta: number): void {
  const value = dict.get(name(key))
  if (value instanceof PDFNumber) dict.set(name(key), PDFNumber.of(value.asNumber() + delta))
}

/** Put the entries of `from` into the dictionary `key` of `into` (created when missing); the first holder of a name keeps it. */
function mergeDict(context: PDFContext, into: PDFDict, key: string, entries: Iterable<[PDFName, PDFObject]>): void {
  let target = into.lookupMaybe(name(key), PDFDict)
  for (const [k, v] of entries) {
    if (!target) {
      target = context.obj({}) as PDFDict
      into.set(name(key), context.register(target))
    }
    if (!target.has(k)) target.set(k, v)
  }
}

/** Append `part` to `base`: pages, structure, destinations (see the file comment). */
async function appendPart(base: PDFDocument, part: MergePart, nextKey: number): Promise<number> {
  const src = part.pdf ?? (await loadPdf(part.bytes))
  const copier = PDFObjectCopier.for(src.context, base.context)
  if (part.blankBefore) base.addPage([A4.width, A4.height])
  // Pages first, by reference: every later reference to a page then finds its copy.
  for (const page of src.getPages()) {
    const ref = copier.copy(page.ref)
    const leaf = base.context.lookup(ref)
    if (!(leaf instanceof PDFPageLeaf)) throw new Error(`merge: page ${page.ref.toString()} did not copy as a page`)
    shift(leaf, 'StructParents', nextKey)
    for (const annot of leaf.lookupMaybe(name('Annots'), PDFArray)?.asArray() ?? []) {
      const dict = base.context.lookupMaybe(annot, PDFDict)
      if (dict) shift(dict, 'StructParent', nextKey)
    }
    base.addPage(PDFPage.of(leaf, ref, base))
  }
  const dests = src.catalog.lookupMaybe(name('Dests'), PDFDict)
  if (dests) mergeDict(base.context, base.catalog, 'Dests', [...dests.entries()].map(([k, v]): [PDFName, PDFObject] => [k, copier.copy(v)]))
  const from = structure(src)
  const into = structure(base)
  if (!from || !into) return nextKey
  // The part's top elements leave its Document element (whose /P would copy its whole root) for the base's.
  const children = kidsArray(src.context, from.document).asArray()
  const target = kidsArray(base.context, into.document)
  for (const child of children) {
    const elem = src.context.lookupMaybe(child, PDFDict)
    elem?.delete(name('P'))
    const copied = copier.copy(child)
    base.context.lookupMaybe(copied, PDFDict)?.set(name('P'), into.documentRef)
    target.push(copied)
  }
  const entries = numberTree(src.context, from.root.lookupMaybe(name('ParentTree'), PDFDict))
  const parentTree = into.root.lookupMaybe(name('ParentTree'), PDFDict)
  const nums = parentTree?.lookupMaybe(name('Nums'), PDFArray)
  for (const [key, value] of nums ? entries : []) {
    nums?.push(PDFNumber.of(key + nextKey))
    nums?.push(copier.copy(value))
  }
  const used = from.root.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? Math.max(-1, ...entries.map(([k]) => k)) + 1
  const roles = from.root.lookupMaybe(name('RoleMap'), PDFDict)
  if (roles) mergeDict(base.context, into.root, 'RoleMap', roles.entries())
  const ids = nameTree(src.context, from.root.lookupMaybe(name('IDTree'), PDFDict))
  if (ids.length > 0) {
    const tree = into.root.lookupMaybe(name('IDTree'), PDFDict) ?? (base.context.obj({}) as PDFDict)
    into.root.set(name('IDTree'), tree)
    const flat = nameTree(base.context, tree)
    tree.delete(name('Kids'))
    tree.set(name('Names'), base.context.obj([...flat, ...ids.map((o) => copier.copy(o))]))
  }
  return nextKey + used
}

/**
 * One PDF from the parts' PDFs, in order, with a blank page before each part
 * that asks for one; returns the merged document (not yet saved).
 */
export async function mergeParts(parts: readonly MergePart[]): Promise<PDFDocument> {
  const [first, ...rest] = parts
  if (!first) throw new Error('merge: no parts')
  const base = first.pdf ?? (await loadPdf(first.bytes))
  const root = structure(base)?.root
  // The base's ParentTree becomes one flat /Nums, the form the parts are appended to.
  if (root) {
    const tree = root.lookupMaybe(name('ParentTree'), PDFDict)
    if (tree?.has(name('Kids'))) {
      const flat = numberTree(base.context, tree)
      tree.delete(name('Kids'))
      tree.set(name('Nums'), base.context.obj(flat.flatMap(([k, v]) => [PDFNumber.of(k), v])))
    }
  }
  let nextKey = root?.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0
  for (const part of rest) nextKey = await appendPart(base, part, nextKey)
  if (root) root.set(name('ParentTreeNextKey'), PDFNumber.of(nextKey))
  return base
}
