/**
 * Walking a tagged PDF's structure the way a screen reader does, to prove a
 * merged PDF is one document: every marked-content id a page draws resolves
 * through the ParentTree to a structure element on that page, every
 * annotation's `/StructParent` to the element that owns it, every element
 * hangs under one Document element, and every internal link leads to a named
 * destination.
 */
import { inflateSync } from 'node:zlib'
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, PDFHexString, type PDFDocument, type PDFObject } from 'pdf-lib'
import { loadPdf } from '../../src/writers/pdf/pdf-lib.ts'

const name = PDFName.of

/** The decoded content of a page (its streams joined). */
function pageContent(pdf: PDFDocument, page: PDFDict): string {
  const contents = page.get(name('Contents'))
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : []
  return refs
    .map((ref) => {
      const stream = pdf.context.lookup(ref)
      if (!(stream instanceof PDFRawStream)) return ''
      const filter = stream.dict.get(name('Filter'))
      const raw = Buffer.from(stream.contents)
      return (filter?.toString() === '/FlateDecode' ? inflateSync(raw) : raw).toString('latin1')
    })
    .join('\n')
}

/** Entries of the ParentTree (flat or nested). */
function parentTree(pdf: PDFDocument, tree: PDFDict | undefined, out = new Map<number, PDFObject>()): Map<number, PDFObject> {
  const nums = tree?.lookupMaybe(name('Nums'), PDFArray)
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) out.set((nums.get(i) as PDFNumber).asNumber(), nums.get(i + 1))
  for (const kid of tree?.lookupMaybe(name('Kids'), PDFArray)?.asArray() ?? []) parentTree(pdf, pdf.context.lookupMaybe(kid, PDFDict), out)
  return out
}

/** What the walk found: problems (empty when the structure is whole) and counts. */
export interface StructureReport {
  readonly problems: string[]
  readonly documents: number
  readonly elements: number
  readonly markedContent: number
  readonly annotations: number
}

/** Check the structure tree of `bytes` (see the file comment). */
export async function checkStructure(bytes: Uint8Array): Promise<StructureReport> {
  const pdf = await loadPdf(bytes)
  const problems: string[] = []
  const root = pdf.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict)
  if (!root) return { problems: ['no StructTreeRoot'], documents: 0, elements: 0, markedContent: 0, annotations: 0 }
  const tree = parentTree(pdf, root.lookupMaybe(name('ParentTree'), PDFDict))
  const nextKey = root.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0
  if ([...tree.keys()].some((k) => k >= nextKey)) problems.push(`ParentTreeNextKey ${nextKey} is not past every key`)
  // Every element once, under one Document element, each /P its parent.
  const k = root.get(name('K'))
  const tops = k instanceof PDFArray ? k.asArray() : [k]
  const seen = new Set<string>()
  let elements = 0
  const walk = (ref: PDFObject | undefined, parent: PDFObject): void => {
    if (!(ref instanceof PDFRef)) return
    const elem = pdf.context.lookupMaybe(ref, PDFDict)
    if (!elem || elem.get(name('Type'))?.toString() === '/MCR' || elem.get(name('Type'))?.toString() === '/OBJR') return
    if (seen.has(ref.toString())) problems.push(`element ${ref.toString()} reached twice`)
    seen.add(ref.toString())
    elements++
    const p = elem.get(name('P'))
    if (!(p instanceof PDFRef) || p.toString() !== parent.toString()) problems.push(`element ${ref.toString()} has /P ${String(p)} instead of ${parent.toString()}`)
    const kids = elem.get(name('K'))
    for (const kid of kids instanceof PDFArray ? kids.asArray() : [kids]) walk(kid, ref)
  }
  const rootRef = pdf.catalog.get(name('StructTreeRoot'))
  for (const top of tops) if (rootRef) walk(top, rootRef)
  const documents = tops.filter((t) => t instanceof PDFRef && pdf.context.lookupMaybe(t, PDFDict)?.get(name('S'))?.toString() === '/Document').length
  // Marked content: each page's MCIDs resolve to an element of that page.
  let markedContent = 0
  let annotations = 0
  for (const [i, page] of pdf.getPages().entries()) {
    const mcids = [...pageContent(pdf, page.node).matchAll(/\/MCID\s+(\d+)/g)].map((m) => Number(m[1]))
    const key = page.node.lookupMaybe(name('StructParents'), PDFNumber)?.asNumber()
    if (mcids.length > 0 && key === undefined) problems.push(`page ${i + 1} draws marked content but has no /StructParents`)
    const entry = key === undefined ? undefined : tree.get(key)
    const array = entry instanceof PDFRef ? pdf.context.lookupMaybe(entry, PDFArray) : entry instanceof PDFArray ? entry : undefined
    for (const mcid of mcids) {
      markedContent++
      const elem = array?.get(mcid)
      const dict = elem instanceof PDFRef ? pdf.context.lookupMaybe(elem, PDFDict) : undefined
      if (!dict || !seen.has(elem!.toString())) problems.push(`page ${i + 1} MCID ${mcid} resolves to no element of the tree`)
      else if (dict.get(name('Pg'))?.toString() !== page.ref.toString() && !hasMcrOn(pdf, dict, page.ref)) problems.push(`page ${i + 1} MCID ${mcid} resolves to an element of another page`)
    }
    for (const annotRef of page.node.lookupMaybe(name('Annots'), PDFArray)?.asArray() ?? []) {
      const annot = pdf.context.lookupMaybe(annotRef, PDFDict)
      const sp = annot?.lookupMaybe(name('StructParent'), PDFNumber)?.asNumber()
      if (sp === undefined) continue
      annotations++
      const owner = tree.get(sp)
      const dict = owner instanceof PDFRef ? pdf.context.lookupMaybe(owner, PDFDict) : undefined
      const kids = dict?.get(name('K'))
      const objrs = (kids instanceof PDFArray ? kids.asArray() : [kids]).map((kid) => (kid instanceof PDFRef ? pdf.context.lookupMaybe(kid, PDFDict) : kid instanceof PDFDict ? kid : undefined))
      if (!objrs.some((o) => o?.get(name('Obj'))?.toString() === annotRef.toString())) problems.push(`page ${i + 1}: annotation ${annotRef.toString()} is not owned by its /StructParent element`)
    }
  }
  return { problems, documents, elements, markedContent, annotations }
}

/** Whether `elem` holds a marked-content reference on `page`. */
function hasMcrOn(pdf: PDFDocument, elem: PDFDict, page: PDFRef): boolean {
  const kids = elem.get(name('K'))
  return (kids instanceof PDFArray ? kids.asArray() : [kids]).some((kid) => {
    const dict = kid instanceof PDFRef ? pdf.context.lookupMaybe(kid, PDFDict) : kid instanceof PDFDict ? kid : undefined
    return dict?.get(name('Pg'))?.toString() === page.toString()
  })
}

/** One link annotation: the page it is on, and where it leads (a destination's name and page, or a URI). */
export interface LinkFound {
  readonly page: number
  readonly dest?: string
  readonly destPage?: number | undefined
  readonly uri?: string
}

/** Every link annotation of `bytes`, with where it leads. */
export async function linksOf(bytes: Uint8Array): Promise<LinkFound[]> {
  const pdf = await loadPdf(bytes)
  const pageOf = new Map(pdf.getPages().map((page, i) => [page.ref.toString(), i + 1]))
  const dests = pdf.catalog.lookupMaybe(name('Dests'), PDFDict)
  const found: LinkFound[] = []
  for (const [i, page] of pdf.getPages().entries()) {
    for (const ref of page.node.lookupMaybe(name('Annots'), PDFArray)?.asArray() ?? []) {
      const annot = pdf.context.lookupMaybe(ref, PDFDict)
      const dest = annot?.get(name('Dest'))
      const uri = annot?.lookupMaybe(name('A'), PDFDict)?.lookupMaybe(name('URI'), PDFString, PDFHexString)?.decodeText()
      if (dest instanceof PDFName) {
        const target = dests?.get(dest)
        const array = target instanceof PDFRef ? pdf.context.lookupMaybe(target, PDFArray) : target instanceof PDFArray ? target : undefined
        const pageRef = array?.get(0)
        found.push({ page: i + 1, dest: dest.decodeText(), ...(pageRef ? { destPage: pageOf.get(pageRef.toString()) } : {}) })
      } else if (uri !== undefined) found.push({ page: i + 1, uri })
    }
  }
  return found
}

/** One structure element of a type: the pages its marked content is drawn on, and its `/Lang`. */
export interface ElementFound {
  readonly pages: readonly number[]
  readonly lang?: string
}

/** Every structure element of type `type` (`P`, `Note`…), in tree order, with the pages it covers. */
export async function elementsOf(bytes: Uint8Array, type: string): Promise<ElementFound[]> {
  const pdf = await loadPdf(bytes)
  const pageOf = new Map(pdf.getPages().map((page, i) => [page.ref.toString(), i + 1]))
  const found: ElementFound[] = []
  const pagesUnder = (elem: PDFDict, into: Set<number>): void => {
    const pg = elem.get(name('Pg'))
    const kids = elem.get(name('K'))
    for (const kid of kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []) {
      if (kid instanceof PDFNumber && pg) into.add(pageOf.get(pg.toString()) ?? 0)
      const dict = kid instanceof PDFRef ? pdf.context.lookupMaybe(kid, PDFDict) : kid instanceof PDFDict ? kid : undefined
      if (!dict) continue
      if (dict.get(name('Type'))?.toString() === '/MCR') into.add(pageOf.get(dict.get(name('Pg'))?.toString() ?? '') ?? 0)
      else if (dict.get(name('Type'))?.toString() !== '/OBJR') pagesUnder(dict, into)
    }
  }
  const walk = (ref: PDFObject | undefined): void => {
    const elem = ref instanceof PDFRef ? pdf.context.lookupMaybe(ref, PDFDict) : undefined
    if (!elem || elem.get(name('Type'))?.toString() === '/MCR' || elem.get(name('Type'))?.toString() === '/OBJR') return
    if (elem.get(name('S'))?.toString() === `/${type}`) {
      const pages = new Set<number>()
      pagesUnder(elem, pages)
      const lang = elem.lookupMaybe(name('Lang'), PDFString, PDFHexString)?.decodeText()
      found.push({ pages: [...pages].sort((a, b) => a - b), ...(lang === undefined ? {} : { lang }) })
    }
    const kids = elem.get(name('K'))
    for (const kid of kids instanceof PDFArray ? kids.asArray() : [kids]) walk(kid)
  }
  const k = pdf.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict)?.get(name('K'))
  for (const top of k instanceof PDFArray ? k.asArray() : [k]) walk(top)
  return found
}
