/**
 * Writing the A4 PDF: print HTML → Chromium → pdf-lib post-processing →
 * atomic write.
 */
import path from 'node:path'
import type { Browser } from 'puppeteer'
import { writeFileAtomic } from '../../util/atomic.ts'
import type { OutputArgs } from '../epub/write.ts'
import { postprocessPdf } from './postprocess.ts'
import { printHtml } from './print-html.ts'
import { renderPdf } from './render.ts'

/** What printing needs beyond the common output arguments. */
export interface PdfArgs extends OutputArgs {
  readonly browser: Browser
  readonly timeoutMs: number
}

/** Build the finished PDF bytes. */
export async function buildPdf({ edition, browser, timeoutMs, generator, signal }: Omit<PdfArgs, 'target'>): Promise<Uint8Array> {
  const html = await printHtml(edition)
  const raw = await renderPdf({ browser, html, roots: [edition.baseDir], timeoutMs, ...(signal ? { signal } : {}) })
  return postprocessPdf(raw, edition, { producer: generator })
}

/** Write `out/<slug>.pdf` atomically; returns the path written. */
export async function writePdf(args: PdfArgs): Promise<string> {
  const bytes = await buildPdf(args)
  args.signal?.throwIfAborted()
  return writeFileAtomic(path.resolve(args.target), bytes)
}
