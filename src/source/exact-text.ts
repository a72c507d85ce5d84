/**
 * Reading an article's exact text for the edition commands: BOM and line ends
 * kept (the history stores the bytes as they are), UTF-8 and front matter
 * checked with the same messages as `build`.
 */
import { readFile, stat } from 'node:fs/promises'
import { VFile } from 'vfile'
import { failure, isFailure } from '../util/failure.ts'
import { decodeSource } from './read.ts'

/** The exact text of the article at `article` (a leading BOM kept as U+FEFF). */
export async function readExact(article: string): Promise<string> {
  let bytes: Buffer
  try {
    if (!(await stat(article)).isFile()) throw failure('article-missing', 'not a file; name a Markdown article, e.g. content/my-piece.md', { file: article })
    bytes = await readFile(article)
  } catch (error) {
    if (isFailure(error)) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw failure('article-missing', code === 'ENOENT' ? 'no such article; check the path (e.g. content/my-piece.md)' : `cannot read it (${code ?? String(error)})`, { file: article, cause: error })
  }
  if (!/\.(md|markdown)$/i.test(article)) throw failure('article-missing', 'not a Markdown article (.md); name the article, not its outputs or history', { file: article })
  const text = decodeSource(new VFile({ path: article }), bytes)
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? `\uFEFF${text}` : text
}

/** Today's date (UTC), or the day of `SOURCE_DATE_EPOCH` when it is set, as YYYY-MM-DD. */
export function releaseDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH)
  const ms = env.SOURCE_DATE_EPOCH !== undefined && Number.isFinite(epoch) && epoch >= 0 ? epoch * 1000 : Date.now()
  return new Date(ms).toISOString().slice(0, 10)
}

/** Check a `--date` value: a real calendar day written YYYY-MM-DD. */
export function checkDate(value: string): string {
  const d = new Date(`${value}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw failure('bad-date', `--date ${JSON.stringify(value)}: expected a calendar date like 2026-11-24`)
  }
  return value
}
