/**
 * Tagging the notes at the page foot as notes. Chromium tags the block of
 * notes (`<aside role="doc-footnotes">`) as `Aside` → `L` → `LI`; in a tagged
 * PDF a footnote is a `Note` (ISO 32000 §14.8.4.3.4), and PDF/UA wants each
 * `Note` to carry a unique `/ID`. The list items of those blocks are renamed
 * in the structure tree, in reading order, so the bytes stay reproducible.
 */
import { PDFArray, PDFDict, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib'

/** Structure elements directly under `elem` (its `/K`, a reference or an array of them). */
function kids(pdf: PDFDocument, elem: PDFDict): PDFDict[] {
  const k = elem.get(PDFName.of('K'))
  const items: PDFObject[] = k instanceof PDFArray ? k.asArray() : k ? [k] : []
  return items.flatMap((item) => {
    const value = item instanceof PDFRef ? pdf.context.lookup(item) : item
    return value instanceof PDFDict && value.get(PDFName.of('S')) instanceof PDFName ? [value] : []
  })
}

const typeOf = (elem: PDFDict): string | undefined => elem.lookupMaybe(PDFName.of('S'), PDFName)?.asString()

/** Rename the list items of every note block to `/Note` with an `/ID`; returns how many. */
export function tagFootNotes(pdf: PDFDocument): number {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  if (!root) return 0
  let count = 0
  const walk = (elem: PDFDict): void => {
    for (const child of kids(pdf, elem)) {
      if (typeOf(child) === '/Aside') {
        for (const list of kids(pdf, child).filter((k) => typeOf(k) === '/L')) {
          for (const item of kids(pdf, list).filter((k) => typeOf(k) === '/LI')) {
            count++
            item.set(PDFName.of('S'), PDFName.of('Note'))
            item.set(PDFName.of('ID'), PDFString.of(`note-${count}`))
          }
        }
      }
      walk(child)
    }
  }
  walk(root)
  return count
}
