/**
 * Splitting YAML front matter off a Markdown source and validating it, with
 * every problem reported at its line and column in the original file.
 */
import { LineCounter, parseDocument } from 'yaml'
import type { VFile } from 'vfile'
import type { DocumentMeta } from './types.ts'
import { describeReplaced, toXmlText } from '../util/xml-chars.ts'
import { yamlToData } from '../util/yaml-js.ts'

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m

/** Raw front matter: its text, the line it starts on (1-based) and its data. */
export interface FrontMatter {
  readonly data: Record<string, unknown>
  /** Line of the first YAML line in the file. */
  readonly line: number
}

/**
 * Parse the front matter of `file` (which must start with `---`). Syntax
 * errors fail the file at their position.
 */
export function parseFrontMatter(file: VFile): FrontMatter {
  const text = String(file.value)
  if (!text.startsWith('---')) return { data: {}, line: 1 }
  const match = FENCE.exec(text)
  if (!match || match.index !== 0) {
    file.fail('Front matter starts with `---` but never ends: close it with a line of `---`', {
      place: { line: 1, column: 1 },
      ruleId: 'front-matter-unclosed',
      source: 'chapkhana'
    })
  }
  const lines = new LineCounter()
  const doc = parseDocument(match[1] ?? '', { prettyErrors: true, uniqueKeys: true, lineCounter: lines })
  const error = doc.errors[0]
  if (error) {
    const pos = error.linePos?.[0]
    file.fail(`Invalid YAML front matter: ${error.message.split('\n')[0]}`, {
      place: { line: (pos?.line ?? 1) + 1, column: pos?.col ?? 1 },
      ruleId: 'front-matter-yaml',
      source: 'chapkhana'
    })
  }
  const converted = yamlToData(doc)
  if (!converted.ok) {
    const pos = lines.linePos(converted.offset)
    file.fail(`Invalid YAML front matter: ${converted.reason}`, { place: { line: pos.line + 1, column: pos.col }, ruleId: 'front-matter-yaml', source: 'chapkhana' })
  }
  const data: unknown = converted.value
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    file.fail('Front matter must be a YAML mapping of `key: value` lines', {
      place: { line: 2, column: 1 },
      ruleId: 'front-matter-yaml',
      source: 'chapkhana'
    })
  }
  return { data: cleanStrings(file, (data ?? {}) as Record<string, unknown>), line: 2 }
}

/**
 * YAML escapes (`"\x01"`, `"\ud800"`) can make characters XML cannot hold,
 * and titles and authors go into every XHTML file and the package document:
 * replace them with U+FFFD, with a warning at the key.
 */
function cleanStrings(file: VFile, data: Record<string, unknown>): Record<string, unknown> {
  const clean = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      const result = toXmlText(value)
      if (result.replaced > 0) file.message(`\`${key}\`: ${describeReplaced(result)}`, { place: keyLine(file, key), ruleId: 'xml-chars', source: 'chapkhana' })
      return result.text
    }
    if (Array.isArray(value)) return value.map((v) => clean(v, key))
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [toXmlText(k).text, clean(v, key)]))
    }
    return value
  }
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [toXmlText(k).text, clean(v, k)]))
}

/** Line (1-based) of `key:` in the front matter, for messages. */
export function keyLine(file: VFile, key: string): { line: number; column: number } {
  const lines = String(file.value).split(/\r?\n/)
  for (let i = 1; i < lines.length && !/^(---|\.\.\.)\s*$/.test(lines[i] ?? ''); i++) {
    if (lines[i]?.startsWith(`${key}:`)) return { line: i + 1, column: 1 }
  }
  return { line: 1, column: 1 }
}

/** The first level-1 ATX heading outside code fences, with its line. */
export function firstHeading(text: string): { text: string; line: number } | undefined {
  let fenced = false
  const lines = text.split(/\r?\n/)
  for (const [i, line] of lines.entries()) {
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced
    const m = fenced ? null : /^\s{0,3}#[ \t]+(.+?)[ \t#]*$/.exec(line)
    const heading = m?.[1]?.replace(/[*_`]/g, '').trim()
    if (heading) return { text: heading, line: i + 1 }
  }
  return undefined
}

const list = (v: unknown): string[] | undefined => {
  if (v === undefined || v === null) return undefined
  const items = Array.isArray(v) ? v : String(v).split(/\s*[,،]\s*/)
  const out = items.map((x) => String(x).trim()).filter((x) => x !== '')
  return out.length > 0 ? out : undefined
}

function isoDate(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10)
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v.slice(0, 10)))) return v.slice(0, 10)
  return undefined
}

/**
 * Validate the document metadata. `fallbackDate` is used when the front
 * matter has no date (the build's `SOURCE_DATE_EPOCH`, else 1970-01-01, so
 * that builds stay reproducible).
 */
export function validateMeta(file: VFile, data: Record<string, unknown>, fallbackDate: string): DocumentMeta {
  const fail = (key: string, reason: string, ruleId: string): never =>
    file.fail(reason, { place: keyLine(file, key), ruleId, source: 'chapkhana' })
  let title = data.title
  if (title === undefined || title === null || String(title).trim() === '') {
    // Plain Markdown documents name themselves with a first `# heading`.
    const heading = firstHeading(String(file.value))
    if (heading) {
      title = heading.text
      file.info(`No \`title\` in the front matter: using the first heading «${heading.text}»`, { place: { line: heading.line, column: 1 }, ruleId: 'meta-title-heading', source: 'chapkhana' })
    } else {
      fail('title', 'The article has no title: add `title: "…"` to its front matter (between the `---` lines at the top), or start it with a `# heading`', 'meta-title')
    }
  }
  let date = fallbackDate
  if (data.date !== undefined) {
    date = isoDate(data.date) ?? fail('date', `\`date\` must be a date like 2026-11-24, not ${JSON.stringify(String(data.date))}`, 'meta-date')
  }
  let edition = 1
  if (data.edition !== undefined) {
    const n = Number(data.edition)
    if (!Number.isInteger(n) || n < 1) fail('edition', '`edition` must be a whole number from 1 up', 'meta-edition')
    edition = n
  }
  const str = (key: string): string | undefined => {
    const v = data[key]
    return v === undefined || v === null || String(v).trim() === '' ? undefined : String(v).trim()
  }
  const author = list(data.author)
  const subject = list(data.subject ?? data.keywords)
  const publisher = str('publisher')
  const description = str('description')
  const rights = str('rights')
  const cover = str('cover')
  let corrections: true | string[] | undefined
  if (data.corrections === true) corrections = true
  else if (Array.isArray(data.corrections) && data.corrections.every((c) => typeof c === 'string')) corrections = list(data.corrections)
  else if (data.corrections !== undefined && data.corrections !== null && data.corrections !== false) {
    fail('corrections', '`corrections` must be true (list the changed words since the last edition) or a list of lines to print', 'meta-corrections')
  }
  // Where the PDF prints the notes: at the foot of their page (default) or at the end of each chapter.
  const notes = data.notes
  if (notes !== undefined && notes !== null && notes !== 'foot' && notes !== 'end') {
    fail('notes', `\`notes\` must be foot (at the foot of the page that cites them) or end (at the end of each chapter), not ${JSON.stringify(String(notes))}`, 'meta-notes')
  }
  return {
    title: String(title).trim(),
    date,
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
