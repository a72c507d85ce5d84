/**
 * Writing the A4 PDF: print HTML → Chromium → pdf-lib post-processing →
 * atomic write. A book with several chapters is laid out more than once: the
 * first rendering tells where each chapter and section landed, the next one
 * prints those page numbers in the table of contents and starts each
 * chapter's running head after its opening page; when that moves anything
 * (a longer table of contents), lay out again, `MAX_PASSES` renderings in all.
 */
import path from 'node:path'
import type { Browser } from 'puppeteer'
import { writeFileAtomic } from '../../util/atomic.ts'
import type { Edition } from '../../publication/edition.ts'
import type { OutputArgs } from '../../publication/output-args.ts'
import { printWarnings } from './fit.ts'
import { bookmarksOf } from './outline.ts'
import { postprocessPdf } from './postprocess.ts'
import { firstLayout, printHtml, type PrintLayout } from './print-html.ts'
import { renderPdf } from './render.ts'
import { pressPdf } from './press/press.ts'
import { needsMeasuring, nextLayout, sameLayout, strayNotes } from './layout.ts'
import type { NotesPlacement } from '../../config/schema.ts'

/** What printing needs beyond the common output arguments. */
export interface PdfArgs extends OutputArgs {
  readonly browser: Browser
  readonly timeoutMs: number
  /** Where notes print when the front matter does not say (default: at the foot of the page). */
  readonly notes?: NotesPlacement
}

/** Renderings of one edition, at most (the last one is kept even if it moved). */
export const MAX_PASSES = 6

/**
 * Lay out and render `edition` until the layout prints what the rendering
 * showed (table of contents numbers, blank versos, notes at the foot of their
 * pages); the raw PDF and the passes it took. An edition with nothing to
 * measure is rendered once.
 */
export async function paginate(edition: Edition, render: (html: string, draft?: boolean) => Promise<Uint8Array>, notes: NotesPlacement = 'foot'): Promise<{ bytes: Uint8Array; passes: number; layout: PrintLayout }> {
  let layout = firstLayout(edition, notes)
  // With nothing to measure the first rendering is the last; otherwise it is a draft.
  const measured = needsMeasuring(layout)
  let bytes = await render(await printHtml(edition, layout), measured)
  if (!measured) return { bytes, passes: 1, layout }
  for (let passes = 1; passes < MAX_PASSES; passes++) {
    const next = await nextLayout(edition, layout, bytes)
    if (passes > 1 && sameLayout(next.layout, layout)) return { bytes, passes, layout }
    layout = next.layout
    bytes = await render(await printHtml(edition, layout))
  }
  const stray = strayNotes(layout, (await nextLayout(edition, layout, bytes)).positions)
  if (stray.length > 0) edition.file.message(`${stray.length} note(s) did not settle at the foot of their page after ${MAX_PASSES} layouts: ${stray.slice(0, 5).join(', ')}; \`notes: end\` in the front matter prints them at the end of each chapter`, { ruleId: 'pdf-footnote-place', source: 'chapkhana' })
  return { bytes, passes: MAX_PASSES, layout }
}

/** The PDFs of one edition: the regular one, and the press one when asked for. */
export interface BuiltPdfs {
  readonly pdf: Uint8Array
  readonly press?: Uint8Array
}

/** Build the regular PDF and, with `press`, the PDF/X-4 press edition from the same rendering. */
export async function buildPdfs({ edition, browser, timeoutMs, generator, signal, notes }: Omit<PdfArgs, 'target'>, press = false): Promise<BuiltPdfs> {
  const render = (html: string, draft = false) => renderPdf({ browser, html, roots: [edition.baseDir], timeoutMs, draft, ...(signal ? { signal } : {}) })
  // What print must shrink, break or would print coarse, said once per build.
  await printWarnings(edition)
  const { bytes, layout } = await paginate(edition, render, notes)
  const pdf = await postprocessPdf(bytes, edition, { producer: generator, bookmarks: bookmarksOf(layout.chapters) })
  return press ? { pdf, press: await pressPdf(pdf, edition, { producer: generator }) } : { pdf }
}

/** Build the finished PDF bytes. */
export async function buildPdf(args: Omit<PdfArgs, 'target'>): Promise<Uint8Array> {
  return (await buildPdfs(args)).pdf
}

/** Write `out/<slug>.pdf` atomically; returns the path written. */
export async function writePdf(args: PdfArgs): Promise<string> {
  const bytes = await buildPdf(args)
  args.signal?.throwIfAborted()
  return writeFileAtomic(path.resolve(args.target), bytes)
}
