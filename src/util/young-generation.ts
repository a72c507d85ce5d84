/**
 * A small young generation for the command's heap. V8 doubles its nursery
 * (two semi-spaces) each time a scavenge finds much of it alive, up to two
 * 16 MiB halves. A build allocates fast while it parses and keeps little:
 * 27 MiB of live objects in the 50-chapter book's heap while it prints, but
 * a 32 MiB nursery from the parse on, in Node's resident memory for the rest
 * of the build. A growth factor of 1 keeps the nursery at its first size:
 * Node's PSS at the book's peak 133–141 MiB instead of 154–159, and no
 * measurable cost in time (6 interleaved builds of the book: 3.09 against
 * 3.05 s, Node's CPU 4.52 against 4.53 s), which leaves the room for a book's
 * next part to be drafted while one prints (`writers/pdf/book.ts`).
 *
 * Why here, at run time, and twice: `--max-semi-space-size` would say it
 * plainly, but V8 reads it only when the process's heap is set up, before
 * any of chapkhana runs (bin/chapkhana.js is started as `node
 * bin/chapkhana.js`, and NODE_OPTIONS is the user's). The growth factor is
 * read at each growth; but V8 puts any factor below 2 back to 2 whenever a
 * heap is set up, a worker thread's too (`Heap::ConfigureHeap`), so it is set
 * again once each of chapkhana's threads runs (`cover/png-thread.ts`). Only
 * memory depends on it, never an output.
 */
import { setFlagsFromString } from 'node:v8'
import type { Worker } from 'node:worker_threads'

const NO_GROWTH = '--semi-space-growth-factor=1'

let wanted = false

/** Keep the young generation at the size it has (the command's entry calls it first thing). */
export function keepYoungGenerationSmall(): void {
  wanted = true
  setFlagsFromString(NO_GROWTH)
}

/**
 * Once `worker` runs (its heap set up, which put V8's growth factor back to
 * 2), keep the young generation small again, if the command asked for it.
 */
export function keepSmallAfter(worker: Worker): void {
  if (wanted) worker.once('online', () => setFlagsFromString(NO_GROWTH))
}
