/**
 * Tagging the notes at the page foot as notes. Chromium tags a block of
 * notes (`<aside role="doc-footnotes">`) as `Aside` → `L` → `LI`; in a
 * tagged PDF a footnote is a `Note` (ISO 32000 §14.8.4.3.4), and a `Note`
 * inside an `L` is no valid list, so each list item becomes a `Note`
 * directly in the `Aside`, the `L` goes, and each `Note` carries a unique
 * `/ID` (PDF/UA). The rest of a note continued from the page before (its
 * paragraphs, ahead of the block's list) joins the `Note` it continues: one
 * note, one element, across two pages. Only chapkhana's own blocks of notes
 * are retagged, found by the language they are marked with (`notesLang`): an
 * author's `<aside>` holding a list is tagged the same way by Chromium and
 * stays a list. Done in reading order, so the bytes stay reproducible.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib'
import { NOTES_SUBTAG } from './types.ts'

/** The items of `elem`'s `/K` (a single item or an array), as written. */
function items(elem: PDFDict): PDFObject[] {
  const k = elem.get(PDFName.of('K'))
  return k instanceof PDFArray ? k.asArray() : k ? [k] : []
}

/** The structure element an item of `/K` refers to, if it is one. */
function structElem(pdf: PDFDocument, item: PDFObject): PDFDict | undefined {
  const value = item instanceof PDFRef ? pdf.context.lookup(item) : item
  return value instanceof PDFDict && value.get(PDFName.of('S')) instanceof PDFName ? value : undefined
}

const typeOf = (elem: PDFDict | undefined): string | undefined => elem?.lookupMaybe(PDFName.of('S'), PDFName)?.asString()

/**
 * Whether `elem` is one of chapkhana's blocks of notes; if so its `/Lang`
 * becomes the chapter's language again (the marking subtag dropped).
 */
function ownNotes(elem: PDFDict): boolean {
  const lang = elem.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText()
  const suffix = `-${NOTES_SUBTAG}`
  if (!lang?.endsWith(suffix)) return false
  elem.set(PDFName.of('Lang'), PDFString.of(lang.slice(0, -suffix.length)))
  return true
}

/**
 * Turn the list items of every note block into `Note`s directly in its
 * `Aside` and join continued parts to their note; returns how many notes.
 */
export function tagFootNotes(pdf: PDFDocument): number {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  if (!root) return 0
  let count = 0
  // The last note set: the one a continuation at the top of the next block belongs to.
  let lastNote: { ref: PDFRef; elem: PDFDict } | undefined
  const aside = (ref: PDFObject, elem: PDFDict): void => {
    const kept: PDFObject[] = []
    let notesBegun = false
    for (const item of items(elem)) {
      const kid = structElem(pdf, item)
      const kidItems = kid ? items(kid) : []
      if (typeOf(kid) === '/L' && kidItems.length > 0 && kidItems.every((li) => typeOf(structElem(pdf, li)) === '/LI')) {
        for (const li of kidItems) {
          const note = structElem(pdf, li)!
          count++
          note.set(PDFName.of('S'), PDFName.of('Note'))
          note.set(PDFName.of('ID'), PDFString.of(`note-${count}`))
          note.set(PDFName.of('P'), ref)
          kept.push(li)
          if (li instanceof PDFRef) lastNote = { ref: li, elem: note }
        }
        notesBegun = true
      } else if (kid && !notesBegun && lastNote && item instanceof PDFRef && typeOf(kid) === '/P') {
        // A paragraph ahead of the block's notes is the rest of the last note.
        lastNote.elem.set(PDFName.of('K'), pdf.context.obj([...items(lastNote.elem), item]))
        kid.set(PDFName.of('P'), lastNote.ref)
      } else {
        kept.push(item)
        if (kid) walk(kid)
      }
    }
    elem.set(PDFName.of('K'), pdf.context.obj(kept))
  }
  function walk(elem: PDFDict): void {
    for (const item of items(elem)) {
      const kid = structElem(pdf, item)
      if (!kid) continue
      if (typeOf(kid) === '/Aside' && ownNotes(kid)) aside(item, kid)
      else walk(kid)
    }
  }
  walk(root)
  return count
}
