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
import type { Edition } from '../edition.ts'
import type { OutputArgs } from '../epub/write.ts'
import { destinationPages } from './destinations.ts'
import { printWarnings } from './fit.ts'
import { bookmarksOf } from './outline.ts'
import { postprocessPdf } from './postprocess.ts'
import { firstLayout, printHtml, type PrintLayout } from './print-html.ts'
import { renderPdf } from './render.ts'
import { tocEntries, type PageMap } from './toc.ts'

/** What printing needs beyond the common output arguments. */
export interface PdfArgs extends OutputArgs {
  readonly browser: Browser
  readonly timeoutMs: number
}

/** Renderings of one book, at most (the last one is kept even if it moved). */
export const MAX_PASSES = 3

/** Ids whose pages the layout prints: TOC targets (chapters among them). */
function watched(layout: PrintLayout): string[] {
  return tocEntries(layout.chapters).map((entry) => entry.target)
}

const samePages = (ids: readonly string[], a: PageMap, b: PageMap): boolean => ids.every((id) => a.get(id) === b.get(id))

/** Lay out and render `edition` until its page numbers hold; the raw PDF and the passes it took. */
export async function paginate(edition: Edition, render: (html: string, draft?: boolean) => Promise<Uint8Array>): Promise<{ bytes: Uint8Array; passes: number; layout: PrintLayout }> {
  let layout = firstLayout(edition)
  // With one chapter the first rendering is the last; with several it is a draft.
  let bytes = await render(await printHtml(edition, layout), layout.chapters.length >= 2)
  if (layout.chapters.length < 2) return { bytes, passes: 1, layout }
  const ids = watched(layout)
  for (let passes = 1; passes < MAX_PASSES; passes++) {
    const pages = await destinationPages(bytes)
    if (passes > 1 && samePages(ids, pages, layout.pages)) return { bytes, passes, layout }
    layout = { ...layout, pages }
    bytes = await render(await printHtml(edition, layout))
  }
  return { bytes, passes: MAX_PASSES, layout }
}

/** Build the finished PDF bytes. */
export async function buildPdf({ edition, browser, timeoutMs, generator, signal }: Omit<PdfArgs, 'target'>): Promise<Uint8Array> {
  const render = (html: string, draft = false) => renderPdf({ browser, html, roots: [edition.baseDir], timeoutMs, draft, ...(signal ? { signal } : {}) })
  // What print must shrink, break or would print coarse, said once per build.
  await printWarnings(edition)
  const { bytes, layout } = await paginate(edition, render)
  return postprocessPdf(bytes, edition, { producer: generator, bookmarks: bookmarksOf(layout.chapters) })
}

/** Write `out/<slug>.pdf` atomically; returns the path written. */
export async function writePdf(args: PdfArgs): Promise<string> {
  const bytes = await buildPdf(args)
  args.signal?.throwIfAborted()
  return writeFileAtomic(path.resolve(args.target), bytes)
}
