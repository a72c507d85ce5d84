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
 *
 * A paragraph a page ends inside is printed as two (or more) `<p>`s with the
 * page's notes between them; `joinContinued` makes them one `P` again: the
 * later parts, marked by their language (`continuedLang`), give their
 * content to the first part and go.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib'
import { CONTINUED_SUBTAG, NOTES_SUBTAG } from './types.ts'

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

/** Whether `elem` is the later part of a split paragraph (its marking `/Lang`). */
const isContinued = (elem: PDFDict | undefined): boolean => elem?.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText().endsWith(`-${CONTINUED_SUBTAG}`) === true

/** Point every ParentTree entry that names a joined part at the element it joined (nested trees too). */
function repoint(pdf: PDFDocument, tree: PDFDict | undefined, moved: ReadonlyMap<string, PDFRef>): void {
  const nums = tree?.lookupMaybe(PDFName.of('Nums'), PDFArray)
  for (let i = 1; nums && i < nums.size(); i += 2) {
    const value = nums.get(i)
    const to = moved.get(value.toString())
    if (to) nums.set(i, to)
    const array = value instanceof PDFRef ? pdf.context.lookup(value) : value
    if (!(array instanceof PDFArray)) continue
    for (let j = 0; j < array.size(); j++) {
      const target = moved.get(array.get(j).toString())
      if (target) array.set(j, target)
    }
  }
  for (const kid of tree?.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) repoint(pdf, pdf.context.lookupMaybe(kid, PDFDict), moved)
}

/**
 * Join the later parts of every split paragraph to the part before them (the
 * nearest element of the same type ahead of them in their parent): their kids
 * move, marked content they hold directly keeps its page (as an `MCR`), the
 * ParentTree points at the joined element, and the parts' elements go.
 * Returns how many parts were joined.
 */
export function joinContinued(pdf: PDFDocument): number {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  if (!root) return 0
  const moved = new Map<string, PDFRef>()
  const walk = (parent: PDFDict): void => {
    const kept: PDFObject[] = []
    let changed = false
    for (const item of items(parent)) {
      const kid = structElem(pdf, item)
      const head = kid && isContinued(kid) ? [...kept].reverse().find((k) => typeOf(structElem(pdf, k)) === typeOf(kid)) : undefined
      const headElem = head ? structElem(pdf, head) : undefined
      if (kid && item instanceof PDFRef && head instanceof PDFRef && headElem) {
        const page = kid.get(PDFName.of('Pg'))
        const content = items(kid).map((k) => (k instanceof PDFNumber && page ? pdf.context.obj({ Type: 'MCR', Pg: page, MCID: k }) : k))
        for (const k of content) structElem(pdf, k)?.set(PDFName.of('P'), head)
        headElem.set(PDFName.of('K'), pdf.context.obj([...items(headElem), ...content]))
        moved.set(item.toString(), head)
        pdf.context.delete(item)
        changed = true
        continue
      }
      kept.push(item)
      if (kid) walk(kid)
    }
    if (changed) parent.set(PDFName.of('K'), pdf.context.obj(kept))
  }
  walk(root)
  if (moved.size > 0) repoint(pdf, root.lookupMaybe(PDFName.of('ParentTree'), PDFDict), moved)
  return moved.size
}
