/**
 * The one modification time of an edition's files, for every format: never a
 * date taken from the text's own history (a 1910 journal issue was not
 * typeset in 1910), never the clock (builds repeat byte for byte).
 */
import { statSync } from 'node:fs'
import type { Edition } from './edition.ts'

/** EPUB 3.0 became a recommendation on this day: no edition of chapkhana's was made before it. */
const EPUB3 = Date.UTC(2011, 9, 11)

const iso = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`

/**
 * When an edition's files were last modified (the EPUB's `dcterms:modified`,
 * the PDF's CreationDate and ModDate): the build's `SOURCE_DATE_EPOCH` when it is set, else
 * the edition date. A date before EPUB 3 existed is not an edition's but the
 * source's (al-Muqtabas, 1910): then the time the edition's sources were last
 * saved, which repeats from build to build without reading the clock.
 */
export function modifiedDate(edition: Edition, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH)
  if (env.SOURCE_DATE_EPOCH !== undefined && Number.isInteger(epoch) && epoch > 0) return iso(epoch * 1000)
  const date = Date.parse(`${edition.meta.date}T00:00:00Z`)
  if (date >= EPUB3) return iso(date)
  const saved = edition.inputs.map((file) => {
    try {
      return Math.floor(statSync(file).mtimeMs / 1000) * 1000
    } catch {
      return 0
    }
  })
  return iso(Math.max(EPUB3, ...saved))
}
