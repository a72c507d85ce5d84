/**
 * A book printed part by part (`parts.ts`) and merged (`merge.ts`).
 *
 * 1. The front matter (title page, colophon, contents) is rendered once with
 *    placeholder numbers: its page count fixes where the first chapter part
 *    starts (a part opens on a recto; a blank verso goes before it when the
 *    previous part ended on a recto).
 * 2. The chapter parts, in order, each settle their own layout (notes at the
 *    foot of their pages, blank versos between their chapters) with their
 *    real page numbers (`counter-reset: page N`): the last rendering of each
 *    is final, and gives the next part its first page. A part's first
 *    rendering, a draft, does not need that page (its layout does not depend
 *    on it, `parts.ts`): the drafts are rendered one after another in a
 *    second tab, each beside the renderings of the part before it.
 * 3. The contents get their numbers and the front matter is rendered again.
 *    Should its page count change the numbering (a longer contents), every
 *    part is rendered once more with its new first page; a part whose HTML
 *    did not change is never rendered twice.
 * 4. The parts are merged into one tagged PDF and their links joined.
 *
 * The browser holds at most two parts at a time (one printed, the next
 * drafted), so its memory is that of two parts, whatever the book's length.
 */
import type { PDFDocument } from 'pdf-lib'
import type { Edition } from '../../publication/edition.ts'
import type { NotesPlacement } from '../../config/schema.ts'
import type { PrintChapter } from './chapters.ts'
import { namedDestinations } from './destinations.ts'
import { mergeParts } from './merge.ts'
import { resolvePartLinks } from './merge-links.ts'
import { chapterParts, PART_CHARS } from './parts.ts'
import { hasNotes, printHtml, type PrintLayout } from './print-html.ts'
import { shiftedPages } from './part-html.ts'
import { MAX_PASSES, settle, type RenderHtml } from './settle.ts'
import { needsMeasuring } from './layout.ts'
import type { PageMap } from './toc.ts'
import { loadPdf } from './pdf-lib.ts'

/**
 * A part as printed: its layout (a chapter part's pages counted from its own
 * page 1), its final bytes, page count and, when measured, those bytes as
 * parsed (unchanged: the merge takes them instead of parsing again).
 */
interface PrintedPart {
  readonly layout: PrintLayout
  readonly bytes: Uint8Array
  readonly count: number
  readonly pages: PageMap
  readonly pdf?: PDFDocument
}

/** A rendering's page count and, unless known already, where its ids landed: one parse of the PDF, which it returns. */
async function measured(bytes: Uint8Array, known?: PageMap): Promise<{ count: number; pages: PageMap; pdf: PDFDocument }> {
  const pdf = await loadPdf(bytes)
  return { count: pdf.getPageCount(), pages: known ?? new Map(namedDestinations(pdf).map((d) => [d.name, d.page])), pdf }
}

/** The first page of the part after one that starts after `offset` and has `count` pages: the next odd page. */
const nextOffset = (offset: number, count: number): number => offset + count + ((offset + count) % 2)

/** `layout` with its part numbered on from `offset`. */
const numbered = (layout: PrintLayout, offset: number): PrintLayout => ({ ...layout, part: { ...layout.part!, offset } })

/**
 * The drafts of the parts `layouts` (each numbered from any page) that are
 * measured, rendered one after another from now on, while the front matter
 * and the parts before each are printed: Chromium lays out a draft in one tab
 * while it prints the part before it in another, on the machine's second
 * core. One draft at a time, so that the browser holds at most two parts.
 * `stop`: no draft starts after it is called (the book failed).
 */
function draftParts(edition: Edition, layouts: readonly PrintLayout[], render: RenderHtml): { drafts: (Promise<Uint8Array> | undefined)[]; stop: () => void } {
  let stopped = false
  let chain: Promise<unknown> = Promise.resolve()
  const drafts = layouts.map((layout) => {
    if (!needsMeasuring(layout)) return undefined
    const drafted = chain.then(async () => {
      if (stopped) throw new Error('the book stopped before this part was drafted')
      return render(await printHtml(edition, layout), true)
    })
    // Each draft is awaited by its part's layout loop, which reports its failure; the next starts either way.
    chain = drafted.catch(() => undefined)
    drafted.catch(() => undefined)
    return drafted
  })
  return { drafts, stop: () => void (stopped = true) }
}

/**
 * Print a book of several chapters part by part and merge the parts: the
 * merged document (links resolved, not yet saved). `rendered` is called
 * after the last rendering, before the merge.
 */
export async function paginateBook(edition: Edition, chapters: readonly PrintChapter[], render: RenderHtml, notes: NotesPlacement = 'foot', size = PART_CHARS, rendered?: () => void): Promise<PDFDocument> {
  // Within a build a part whose HTML did not change is not rendered again.
  const cache = new Map<string, Promise<Uint8Array>>()
  const cached: RenderHtml = (html, draft = false) => {
    const key = `${draft ? 'draft' : 'final'}\n${html}`
    let bytes = cache.get(key)
    if (!bytes) cache.set(key, (bytes = render(html, draft)))
    return bytes
  }
  const foot = (edition.meta.notes ?? notes) === 'foot'
  const front: PrintLayout = { chapters: [], pages: new Map(), part: { front: true, offset: 0, book: chapters } }
  const groups = chapterParts(chapters, size)
  const firstOf = (group: readonly PrintChapter[], offset: number): PrintLayout => ({ chapters: group, pages: new Map(), part: { front: false, offset, book: chapters }, ...(foot && hasNotes(group) ? { foot: { cuts: [] } } : {}) })
  // Drafted from page 1 on, beside the front matter's draft and each part's printing.
  const { drafts, stop } = draftParts(edition, groups.map((group) => firstOf(group, 0)), cached)
  try {
    const draft = await cached(await printHtml(edition, front), true)
    const { count: firstCount, pages: frontPages } = await measured(draft)
    let frontCount = firstCount
    const parts: PrintedPart[] = []
    let offset = nextOffset(0, frontCount)
    for (const [i, group] of groups.entries()) {
      const done = await settle(edition, firstOf(group, offset), cached, drafts[i])
      // A measured part was parsed once already, by the layout loop.
      const { count, pages, pdf } = done.count !== undefined && done.pages ? { count: done.count, pages: done.pages, pdf: done.pdf } : await measured(done.bytes, done.pages)
      parts.push({ layout: done.layout, bytes: done.bytes, count, pages, ...(pdf ? { pdf } : {}) })
      offset = nextOffset(offset, count)
    }
    let frontBytes = draft
    let frontPdf: PDFDocument | undefined
    for (let round = 0; round < MAX_PASSES; round++) {
      // Where every id of the book landed: each part's own pages moved on by its first page.
      const pages: PageMap = new Map([...frontPages, ...parts.flatMap((part) => [...shiftedPages(part.pages, part.layout.part!.offset)])])
      frontBytes = await cached(await printHtml(edition, { ...front, pages }))
      frontPdf = await loadPdf(frontBytes)
      const count = frontPdf.getPageCount()
      if (count === frontCount) break
      // The contents printed a page more or less: every part moves.
      frontCount = count
      offset = nextOffset(0, count)
      for (const [i, part] of parts.entries()) {
        const layout = numbered(part.layout, offset)
        // New bytes: the parse of the old ones no longer holds.
        parts[i] = { layout, bytes: await cached(await printHtml(edition, layout)), count: part.count, pages: part.pages }
        offset = nextOffset(offset, part.count)
      }
    }
    cache.clear()
    rendered?.()
    let end = frontCount
    const merged = await mergeParts([
      { bytes: frontBytes, blankBefore: false, ...(frontPdf ? { pdf: frontPdf } : {}) },
      ...parts.map((part) => {
        const blankBefore = end % 2 === 1
        end = part.layout.part!.offset + part.count
        return { bytes: part.bytes, blankBefore, ...(part.pdf ? { pdf: part.pdf } : {}) }
      })
    ])
    const missing = resolvePartLinks(merged)
    if (missing.length > 0) edition.file.message(`${missing.length} link(s) lead to nothing printed: ${missing.slice(0, 5).join(', ')}`, { ruleId: 'pdf-link-target', source: 'chapkhana' })
    return merged
  } finally {
    stop()
  }
}
