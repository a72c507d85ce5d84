/**
 * Reporting a batch as it runs: a line per file written (what CI logs need),
 * and on a terminal a progress line below them that redraws in place.
 */
import path from 'node:path'
import type { BatchEvent } from '../pipeline/batch.ts'
import { formatSize } from '../util/format.ts'

/** Where progress goes. */
export interface ProgressSink {
  readonly write: (text: string) => void
  /** Redraw a status line in place (only on a terminal). */
  readonly isTTY: boolean
}

/** Make the event handler for `total` articles. */
export function progressReporter(total: number, sink: ProgressSink, quiet = false): { onEvent: (e: BatchEvent) => void; finish: () => void } {
  let done = 0
  const running = new Set<string>()
  const status = (): void => {
    if (!sink.isTTY || quiet) return
    const width = 24
    const filled = Math.round((done / Math.max(1, total)) * width)
    const names = [...running].map((s) => path.basename(s)).join(', ')
    sink.write(`\r\x1b[2K[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${names}`.slice(0, 200))
  }
  const line = (text: string): void => {
    if (sink.isTTY && !quiet) sink.write('\r\x1b[2K')
    sink.write(`${text}\n`)
  }
  return {
    onEvent(event) {
      if (event.kind === 'start') running.add(event.source)
      else {
        running.delete(event.source)
        done++
      }
      if (event.kind === 'built' && !quiet) {
        for (const w of event.written) {
          line(`wrote ${path.relative(process.cwd(), w.path) || w.path}  ${formatSize(w.bytes)}  ${Math.round(w.ms)} ms`)
        }
      }
      status()
    },
    finish() {
      if (sink.isTTY && !quiet) sink.write('\r\x1b[2K')
    }
  }
}
