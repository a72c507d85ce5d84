/**
 * The cover's screenshot made small (`indexedPngOfSync`) on a thread of its own.
 * Started by `png-thread.ts` before the screenshot is taken, so it has loaded
 * its modules by the time the image arrives; it answers one image and ends.
 */
import { parentPort } from 'node:worker_threads'
import { indexedPngOfSync, type Rgb } from './png.ts'

/** What the thread is sent: Chromium's PNG and the palette to map it to. */
export interface PngJob {
  readonly png: Uint8Array
  readonly palette: readonly Rgb[]
}

parentPort?.once('message', (job: PngJob) => {
  try {
    // Synchronously: this thread has nothing else to do (`indexedPngOfSync` says why).
    const bytes = indexedPngOfSync(job.png, job.palette)
    const out = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    parentPort?.postMessage({ bytes: out }, [out.buffer as ArrayBuffer])
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) })
  }
})
