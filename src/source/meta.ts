/**
 * Checking the front matter's fields, each with its type: a problem fails the
 * file at the key's line and column with what to write instead, so nothing
 * prints "[object Object]", «١e+٣٠٠» or a date that does not exist.
 */
import type { VFile } from 'vfile'
import { firstHeading, keyLine, valuePlace } from './front-matter.ts'
import type { DocumentMeta } from '../types/document.ts'

/** The date a document without `date:` gets for its metadata, and where it comes from. */
export interface FallbackDate {
  /** YYYY-MM-DD. */
  readonly date: string
  /**
   * `book`: inherited from the book (silently); otherwise the source of the
   * date, named in the missing-date warning.
   */
  readonly from: 'book' | 'SOURCE_DATE_EPOCH' | 'history' | 'git' | 'mtime' | 'clock'
}

/** What a YAML value is, in words, for messages. */
function kind(v: unknown): string {
  if (v === null) return 'empty'
  if (Array.isArray(v)) return 'a list'
  if (v instanceof Date) return 'a date'
  if (typeof v === 'object') return 'a mapping'
  if (typeof v === 'string') return `the text ${JSON.stringify(v)}`
  return `${typeof v === 'number' ? 'the number' : 'the value'} ${String(v)}`
}

/** `YYYY-MM-DD` when `v` is a real calendar date (an optional time after it is ignored). */
export function calendarDate(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10)
  if (typeof v !== 'string') return undefined
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v.trim())
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  // Date.UTC rolls 30 February over into March: a real date survives the round trip.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined
  return v.trim().slice(0, 10)
}

/**
 * Validate the document metadata. `fallback` gives the metadata date when
 * the front matter has none; such a document is marked `undated` so that no
 * date is printed (the caller says so, where the date came from).
 */
export function validateMeta(file: VFile, data: Record<string, unknown>, fallback: FallbackDate): DocumentMeta {
  const fail = (key: string, reason: string, ruleId: string): never =>
    file.fail(reason, { place: valuePlace(file, key), ruleId, source: 'chapkhana' })
  const absent = (key: string): boolean => data[key] === undefined || data[key] === null
  /** A text field: a YAML string, never a number, list or mapping turned into words. */
  const text = (key: string): string | undefined => {
    if (absent(key)) return undefined
    const v = data[key]
    if (typeof v !== 'string') return fail(key, `\`${key}\` must be text, not ${kind(v)}: write it in quotes, e.g. ${key}: "…"`, 'meta-type')
    return v.trim() === '' ? undefined : v.trim()
  }
  /** A list field: one text, or a YAML list of texts. A comma inside a text is part of it ("Surname, Given"). */
  const list = (key: string): string[] | undefined => {
    if (absent(key)) return undefined
    const v = data[key]
    const items = Array.isArray(v) ? v : [v]
    for (const item of items) {
      if (typeof item !== 'string') {
        fail(key, `\`${key}\` must be a text or a YAML list of texts (one \`- …\` line each), not ${Array.isArray(v) ? `a list holding ${kind(item)}` : kind(item)}`, 'meta-type')
      }
    }
    const out = (items as string[]).map((x) => x.trim()).filter((x) => x !== '')
    return out.length > 0 ? out : undefined
  }
  let title = text('title')
  if (title === undefined) {
    // Plain Markdown documents name themselves with a first `# heading`.
    const heading = firstHeading(String(file.value))
    if (!heading) {
      return file.fail('The article has no title: add `title: "…"` to its front matter (between the `---` lines at the top), or start it with a `# heading`', {
        place: keyLine(file, 'title'),
        ruleId: 'meta-title',
        source: 'chapkhana'
      })
    }
    title = heading.text
    file.info(`No \`title\` in the front matter: using the first heading «${heading.text}»`, { place: { line: heading.line, column: 1 }, ruleId: 'meta-title-heading', source: 'chapkhana' })
  }
  let date = fallback.date
  const undated = absent('date')
  if (!undated) {
    date = calendarDate(data.date) ?? fail('date', `\`date\` must be a real calendar date like 2026-11-24 (year-month-day), not ${kind(data.date)}`, 'meta-date')
  }
  let edition = 1
  if (!absent('edition')) {
    const n = data.edition
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
      fail('edition', `\`edition\` must be a whole number from 1 up, like 2, not ${kind(n)}`, 'meta-edition')
    }
    edition = n as number
  }
  const author = list('author')
  const subject = list(absent('subject') ? 'keywords' : 'subject')
  const publisher = text('publisher')
  const description = text('description')
  const rights = text('rights')
  const cover = text('cover')
  let corrections: true | string[] | undefined
  if (data.corrections === true) corrections = true
  else if (Array.isArray(data.corrections)) corrections = list('corrections')
  else if (!absent('corrections') && data.corrections !== false) {
    fail('corrections', '`corrections` must be true (list the changed words since the last edition) or a list of lines to print', 'meta-corrections')
  }
  // Where the PDF prints the notes: at the foot of their page (default) or at the end of each chapter.
  const notes = data.notes
  if (!absent('notes') && notes !== 'foot' && notes !== 'end') {
    fail('notes', `\`notes\` must be foot (at the foot of the page that cites them) or end (at the end of each chapter), not ${JSON.stringify(String(notes))}`, 'meta-notes')
  }
  return {
    title,
    date,
    ...(undated && fallback.from !== 'book' ? { undated: true as const } : {}),
    edition,
    ...(author ? { author } : {}),
    ...(subject ? { subject } : {}),
    ...(publisher ? { publisher } : {}),
    ...(description ? { description } : {}),
    ...(rights ? { rights } : {}),
    ...(cover ? { cover } : {}),
    ...(corrections ? { corrections } : {}),
    ...(notes === 'foot' || notes === 'end' ? { notes } : {})
  }
}
