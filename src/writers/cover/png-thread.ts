/**
 * Making the cover small off the main thread. Measured on a cold build of the
 * seed (protocol log and `--cpu-prof`): reading, quantizing and deflating the
 * 1600 × 2560 screenshot held Node's only thread for about 0.35 s, right when
 * Chromium asked it for the print page's fonts (every request of a locked
 * page waits for Node's answer, `browser/page.ts`): the PDF waited 0.44 s for
 * them. On a thread of its own the same code gives the same bytes while the
 * main thread answers at once. Where the thread's module cannot be found (a
 * layout other than the source, the compiled or the bundled one), or it fails
 * to start, the work is done in this thread: slower, never different.
 */
import { existsSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { indexedPngOf, type Rgb } from './png.ts'
import { keepSmallAfter } from '../../util/young-generation.ts'

/** The worker's module beside this one: bundled (`.mjs`), compiled (`.js`) or the source under tsx (`.ts`). */
function workerModule(): URL | undefined {
  return ['png-worker.mjs', 'png-worker.js', 'png-worker.ts'].map((name) => new URL(`./${name}`, import.meta.url)).find((url) => url.protocol === 'file:' && existsSync(url))
}

/** A cover encoder started ahead of its image. */
export interface PngThread {
  /** Whether a thread was started (else `encode` works in this one). */
  readonly threaded: boolean
  /** `indexedPngOf(png, palette)`, byte for byte, made on the thread when it started. */
  encode(png: Uint8Array, palette: readonly Rgb[]): Promise<Buffer>
  /** End the thread unused (the screenshot failed). */
  cancel(): void
}

/**
 * Start a thread for one cover (its modules load while Chromium draws);
 * `encode` falls back to this thread. `module`: the worker's module, found
 * beside this one unless given (tests; `undefined`: none).
 */
export function startPngThread(options: { readonly module?: URL | undefined } = {}): PngThread {
  const module = 'module' in options ? options.module : workerModule()
  let worker: Worker | undefined
  try {
    worker = module ? new Worker(module) : undefined
  } catch {
    worker = undefined
  }
  // Its heap's setup resets a V8 flag of the whole process (util/young-generation.ts).
  if (worker) keepSmallAfter(worker)
  // Started ahead, it does not keep the process alive while no image is on its way.
  worker?.unref()
  worker?.on('error', () => undefined)
  // One that could not load its modules ends before the image comes, and an
  // ended thread never says so again: its work is then done here.
  let ended = false
  worker?.once('exit', () => {
    ended = true
  })
  const onThread = (png: Uint8Array, palette: readonly Rgb[], thread: Worker): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      let settled = false
      thread.once('message', (answer: { bytes?: Uint8Array; error?: string }) => {
        settled = true
        if (answer.bytes) resolve(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength))
        else reject(new Error(answer.error ?? 'the cover encoder answered nothing'))
      })
      // A thread that ends before answering (it could not load its modules): do the work here.
      thread.once('exit', () => {
        if (!settled) indexedPngOf(png, palette).then(resolve, reject)
      })
      // Waited for now: it keeps the process alive until it answers.
      thread.ref()
      thread.postMessage({ png, palette })
    })
  return {
    threaded: worker !== undefined,
    async encode(png, palette) {
      const thread = worker
      worker = undefined
      if (!thread || ended) return indexedPngOf(png, palette)
      try {
        return await onThread(png, palette, thread)
      } finally {
        void thread.terminate()
      }
    },
    cancel() {
      void worker?.terminate()
      worker = undefined
    }
  }
}
