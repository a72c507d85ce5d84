/**
 * pdf-lib's load and save as chapkhana uses them: at full speed. By default
 * pdf-lib yields to the event loop with a `setTimeout(0)` (at least 1 ms)
 * every 100 objects it parses (`parseSpeed: Slow`) and every 50 it writes
 * (`objectsPerTick: 50`), so that a browser tab stays responsive. A build
 * has nothing to do meanwhile: the layout loop parses every rendering, the
 * merge every part of a book, the last step saves the whole book. Measured
 * on al-Muqtabas 60's PDF (1.5 MB, 5,100 objects): load 174 → 81 ms, save
 * 270 → 31 ms, the same bytes.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib'

/**
 * Parse a PDF without pauses; the Info dictionary untouched (pdf-lib would
 * otherwise stamp its own producer and dates into every document it loads).
 */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })
}

/**
 * Write a PDF without pauses: no object streams (PDF 1.4 readers and
 * printers' RIPs read every object), no page added to an empty document,
 * form fields left as they are.
 */
export function savePdf(pdf: PDFDocument): Promise<Uint8Array> {
  return pdf.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity })
}
