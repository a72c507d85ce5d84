/**
 * Reading the YAML front matter of a Markdown source, once: remark-frontmatter
 * finds the block (`front-matter-node.ts`), yaml parses it with a
 * `LineCounter`, and every key and value keeps its line and column in the
 * original file for the messages of the checks that follow (`meta.ts`).
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml'
import type { VFile } from 'vfile'
import { frontMatterExtent } from './front-matter-node.ts'
import { describeReplaced, toXmlText } from '../util/xml-chars.ts'
import { yamlToData } from '../util/yaml-js.ts'

/** A line and column (1-based) in the source file. */
export interface Place {
  readonly line: number
  readonly column: number
}

/** Where each top-level key of the front matter, and its value, sit in the file. */
export interface FrontMatterPlaces {
  /** Line of the opening `---` (1), or 1 when there is no front matter. */
  readonly line: number
  /** Offset just after the closing fence: where the text starts. */
  readonly end: number
  readonly keys: Readonly<Record<string, { readonly key: Place; readonly value: Place }>>
}

declare module 'vfile' {
  interface DataMap {
    /** Positions in the front matter, set by {@link parseFrontMatter}. */
    frontMatter: FrontMatterPlaces
  }
}

/** Raw front matter: its data and the line it starts on. */
export interface FrontMatter {
  readonly data: Record<string, unknown>
  /** Line of the first YAML line in the file. */
  readonly line: number
  /** Offset of the text after the front matter. */
  readonly end: number
}

/**
 * Parse the front matter of `file`. Syntax errors fail the file at their
 * position; positions of the keys are left on `file.data.frontMatter`.
 */
export function parseFrontMatter(file: VFile): FrontMatter {
  const text = String(file.value)
  const extent = frontMatterExtent(text)
  if (!extent) {
    if (/^---[ \t]*\r?\n/.test(text)) {
      file.fail('Front matter starts with `---` but never ends: close it with a line of `---`', {
        place: { line: 1, column: 1 },
        ruleId: 'front-matter-unclosed',
        source: 'chapkhana'
      })
    }
    file.data.frontMatter = { line: 1, end: 0, keys: {} }
    return { data: {}, line: 1, end: 0 }
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(extent.value, { prettyErrors: true, uniqueKeys: true, lineCounter })
  const place = (offset: number): Place => {
    const pos = lineCounter.linePos(offset)
    return { line: pos.line + extent.valueLine - 1, column: pos.col }
  }
  const error = doc.errors[0]
  if (error) {
    file.fail(`Invalid YAML front matter: ${error.message.split('\n')[0]}`, {
      place: place(error.pos[0]),
      ruleId: 'front-matter-yaml',
      source: 'chapkhana'
    })
  }
  const converted = yamlToData(doc)
  if (!converted.ok) {
    file.fail(`Invalid YAML front matter: ${converted.reason}`, { place: place(converted.offset), ruleId: 'front-matter-yaml', source: 'chapkhana' })
  }
  const data: unknown = converted.value
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    file.fail('Front matter must be a YAML mapping of `key: value` lines', {
      place: { line: extent.valueLine, column: 1 },
      ruleId: 'front-matter-yaml',
      source: 'chapkhana'
    })
  }
  const keys: Record<string, { key: Place; value: Place }> = {}
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue
      const keyPlace = place(pair.key.range[0])
      const valueRange = (pair.value as Node | null)?.range
      keys[String(pair.key.value)] = { key: keyPlace, value: valueRange ? place(valueRange[0]) : keyPlace }
    }
  }
  file.data.frontMatter = { line: 1, end: extent.end, keys }
  return { data: cleanStrings(file, (data ?? {}) as Record<string, unknown>), line: extent.valueLine, end: extent.end }
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

/** Where `key:` stands in the front matter (line 1 when it is missing), for messages. */
export function keyLine(file: VFile, key: string): Place {
  return file.data.frontMatter?.keys[key]?.key ?? { line: 1, column: 1 }
}

/** Where the value of `key` starts (its key when it is empty), for messages about the value. */
export function valuePlace(file: VFile, key: string): Place {
  return file.data.frontMatter?.keys[key]?.value ?? { line: 1, column: 1 }
}

/**
 * The heading that names a document without a `title:`: its first `# heading`
 * outside code fences, or — documentation pages often start at `##` — the
 * first heading of the highest level it has. A setext heading (a line
 * underlined with `===` or `---`) counts as `#` or `##` when it is one short
 * line after a blank one, as `remark-setext-paragraph` reads it; the front
 * matter's own `---` fences are skipped.
 */
export function firstHeading(text: string): { text: string; line: number } | undefined {
  let fenced = false
  let best: { text: string; line: number; depth: number } | undefined
  const lines = text.split(/\r?\n/)
  const extent = frontMatterExtent(text)
  const skip = extent ? text.slice(0, extent.end).split(/\r?\n/).length - 1 : 0
  for (const [i, line] of lines.entries()) {
    if (i < skip) continue
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced
    const m = fenced ? null : /^\s{0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$/.exec(line)
    let heading = m?.[2]?.replace(/[*_`]/g, '').trim()
    let depth = m?.[1]?.length ?? 7
    const under = fenced || m ? null : /^\s{0,3}(=+|-+)[ \t]*$/.exec(lines[i + 1] ?? '')
    const plain = line.trim() !== '' && !/^\s{0,3}([-*+>|]|\d+[.)]|<)/.test(line) && (lines[i - 1] ?? '').trim() === ''
    if (under && plain && line.trim().split(/\s+/).length <= 10) {
      heading = line.replace(/[*_`]/g, '').trim()
      depth = under[1]?.startsWith('=') ? 1 : 2
    }
    if (heading && depth < (best?.depth ?? 7)) best = { text: heading, line: i + 1, depth }
    if (best?.depth === 1) break
  }
  return best && { text: best.text, line: best.line }
}
