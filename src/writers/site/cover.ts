/**
 * The cover shown on the reader pages, written beside the editions as
 * `out/<slug>-cover.<ext>`: the article's own image when its front matter
 * names one, else the generated cover (made once per build, so after the
 * EPUB it costs nothing).
 */
import path from 'node:path'
import { writeFileAtomic } from '../../util/atomic.ts'
import type { CoverSource } from '../../publication/cover-image.ts'
import type { Edition } from '../../publication/edition.ts'

/** The cover file written and its size in pixels when known. */
export interface PageCover {
  readonly file: string
  readonly name: string
  readonly width?: number
  readonly height?: number
}

/** Write the cover of `edition` into `outDir`. */
export async function writePageCover(edition: Edition, outDir: string, cover: CoverSource): Promise<PageCover> {
  const image = await cover()
  const name = `${edition.slug}-cover.${image.extension}`
  const file = await writeFileAtomic(path.join(outDir, name), image.bytes)
  return { name, file, ...(image.width && image.height ? { width: image.width, height: image.height } : {}) }
}
