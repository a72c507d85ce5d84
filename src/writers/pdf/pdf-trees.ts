/**
 * Reading PDF number trees and name trees (ISO 32000-1, 7.9.6 and 7.9.7),
 * flat or nested: the structure tree's `/ParentTree` and `/IDTree` (the
 * merge of a book's parts, the structure ids in reading order).
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFContext, type PDFObject } from 'pdf-lib'

const name = PDFName.of

/** Entries of a number tree (flat `/Nums` or nested `/Kids`), in order. */
export function numberTree(context: PDFContext, tree: PDFDict | undefined, out: [number, PDFObject][] = []): [number, PDFObject][] {
  const nums = tree?.lookupMaybe(name('Nums'), PDFArray)
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
    const key = nums.get(i)
    if (key instanceof PDFNumber) out.push([key.asNumber(), nums.get(i + 1)])
  }
  const kids = tree?.lookupMaybe(name('Kids'), PDFArray)
  for (const kid of kids?.asArray() ?? []) numberTree(context, context.lookupMaybe(kid, PDFDict), out)
  return out
}

/** Entries of a name tree (flat `/Names` or nested `/Kids`), in order: key, value, key, value, … */
export function nameTree(context: PDFContext, tree: PDFDict | undefined, out: PDFObject[] = []): PDFObject[] {
  const names = tree?.lookupMaybe(name('Names'), PDFArray)
  if (names) out.push(...names.asArray())
  const kids = tree?.lookupMaybe(name('Kids'), PDFArray)
  for (const kid of kids?.asArray() ?? []) nameTree(context, context.lookupMaybe(kid, PDFDict), out)
  return out
}
