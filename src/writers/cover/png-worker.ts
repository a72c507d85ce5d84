/**
 * The cover's screenshot made small (`indexedPngOf`) on a thread of its own.
 * Started by `png-thread.ts` before the screenshot is taken, so it has loaded
 * its modules by the time the image arrives; it answers one image and ends.
 */
import { parentPort } from 'node:worker_threads'
import { indexedPngOf, type Rgb } from './png.ts'

/** What the thread is sent: Chromium's PNG and the palette to map it to. */
export interface PngJob {
  readonly png: Uint8Array
  readonly palette: readonly Rgb[]
}

parentPort?.once('message', (job: PngJob) => {
  indexedPngOf(job.png, job.palette).then(
    (bytes) => {
      const out = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      parentPort?.postMessage({ bytes: out }, [out.buffer as ArrayBuffer])
    },
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) })
  )
})
