/**
 * Building an edition from text held in memory rather than from the file on
 * disk: `release` builds the stamped text before the article is rewritten,
 * and `--rebuild` builds a text that only lives in the history. The steps are
 * those of `buildArticle` (src/pipeline/article.ts, through the same
 * `editionOf`), which writes straight to `out/<slug>.*`; here the bytes come
 * back to the caller, which hashes them and decides where they go, so a
 * failure in either format writes nothing at all.
 */
import type { Config } from '../config/schema.ts'
import { documentFromText, readOptions } from '../source/read.ts'
import type { Edition } from '../publication/edition.ts'
import { editionOf } from '../pipeline/article.ts'
import { buildEpub } from '../writers/epub/write.ts'
import { coverSource } from '../writers/cover/render-cover.ts'
import { pressCoverSource } from '../writers/cover/press-cover.ts'
import { buildPdfs, pdfSettings } from '../writers/pdf/write.ts'
import { GENERATOR } from '../version.ts'
import type { BrowserPool } from '../pipeline/browser-pool.ts'
import type { EditionRecord, ReleasedFormat } from '../source/history.ts'

/** The outputs of one edition, in memory. */
export interface BuiltEdition {
  readonly edition: Edition
  readonly outputs: Partial<Record<ReleasedFormat, Uint8Array>>
}

/**
 * Build `text` as if it were the article at `article`: same slug, same folder
 * for images. `history` is what the colophon's corrections are computed from.
 */
export async function buildText(text: string, article: string, config: Config, browsers: BrowserPool, history: readonly EditionRecord[]): Promise<BuiltEdition> {
  const edition = await editionOf(documentFromText(text, article, readOptions(config)), config, history)
  const cover = coverSource(edition, () => browsers.get())
  const pressCover = config.press ? { pressCover: pressCoverSource(edition, cover, () => browsers.get()) } : {}
  const [epub, pdf] = await Promise.all([
    config.formats.includes('epub') ? buildEpub({ edition, generator: GENERATOR, cover }) : undefined,
    config.formats.includes('pdf') ? buildPdfs({ edition, generator: GENERATOR, browser: await browsers.get(), ...pdfSettings(config), ...pressCover }, config.press === true) : undefined
  ])
  const press = { ...(pdf?.press ? { press: pdf.press } : {}), ...(pdf?.pressCover ? { 'press-cover': pdf.pressCover } : {}) }
  return { edition, outputs: { ...(epub ? { epub } : {}), ...(pdf ? { pdf: pdf.pdf } : {}), ...press } }
}
