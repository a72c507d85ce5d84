/**
 * The collection page as the commands call it: once at the end of `build`,
 * after every round of `watch` and `preview`. A failure here is reported,
 * never fatal: the editions themselves were written.
 */
import path from 'node:path'
import type { Config } from '../../config/schema.ts'
import { formatSize } from '../../util/format.ts'

/**
 * Rewrite `<outDir>/index.html`; logs the file written, or why it was not.
 * Nothing when the formats leave out `html` (the reader pages).
 */
export async function writeSiteIndex(config: Config, log: (line: string) => void, quiet = true): Promise<void> {
  if (!config.formats.includes('html')) return
  try {
    const start = performance.now()
    // Imported here: the page's fonts and markup are not needed before the end of a build.
    const { writeIndex } = await import('./index-page.ts')
    const written = await writeIndex({ outDir: config.outDir, ...(config.lang ? { lang: config.lang } : {}) })
    if (!quiet) log(`wrote ${path.relative(process.cwd(), written.path)}  ${formatSize(written.bytes)}  ${Math.round(performance.now() - start)} ms`)
  } catch (error) {
    log(`${path.join(config.outDir, 'index.html')}: not written: ${(error as Error).message}`)
  }
}
