/**
 * The cover shown on the reader pages, written beside the editions as
 * `out/<slug>-cover.<ext>`: the article's own image when its front matter
 * names one, else the generated cover (`renderCover` remembers it by hash,
 * so after the EPUB it costs nothing).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser } from 'puppeteer'
import { writeFileAtomic } from '../../util/atomic.ts'
import { renderCover } from '../cover/render-cover.ts'
import type { Edition } from '../edition.ts'

/** The cover file written and its size in pixels when known. */
export interface PageCover {
  readonly file: string
  readonly name: string
  readonly width?: number
  readonly height?: number
}

/** Write the cover of `edition` into `outDir`. */
export async function writePageCover(edition: Edition, outDir: string, browser: () => Promise<Browser>, signal?: AbortSignal): Promise<PageCover> {
  const own = edition.file.data.cover
  if (own) {
    const name = `${edition.slug}-cover.${own.mediaType === 'image/png' ? 'png' : 'jpg'}`
    return { name, file: await writeFileAtomic(path.join(outDir, name), await readFile(own.file)) }
  }
  const image = await renderCover(edition, browser, signal ? { signal } : {})
  const name = `${edition.slug}-cover.${image.extension}`
  return { name, file: await writeFileAtomic(path.join(outDir, name), image.bytes), width: image.width, height: image.height }
}
