/**
 * The edition history beside an article, `<name>.history.yaml`: one entry per
 * released edition with its number, date, the sha256 of its source and of
 * each output, and the full source text, so any edition can be rebuilt and
 * compared later. It is meant to be committed with the article, so it is
 * plain YAML a person can read; the text sits in a block literal with LF
 * line ends (a CRLF or BOM source is recorded as such and restored), and the
 * sha256 proves each restored text is byte for byte the one released.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { failure } from '../util/failure.ts'
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from 'yaml'
import { rewriteThrough } from '../util/write-through.ts'

/** What a release writes: the EPUB, the PDF and, with `--press`, the press PDF and its cover. */
export type ReleasedFormat = 'epub' | 'pdf' | 'press' | 'press-cover'

/** Every released format, in the order they are written and reported. */
export const RELEASED_FORMATS: readonly ReleasedFormat[] = ['epub', 'pdf', 'press', 'press-cover']

/** One output file of a released edition. */
export interface OutputRecord {
  /** File name in the output folder, e.g. `my-piece-ed2.epub`. */
  readonly file: string
  readonly sha256: string
}

/**
 * One more source of a released edition besides the article itself: a
 * book's chapter (its full text kept, so the edition can be rebuilt), an
 * image or the cover (only its sha256: its bytes stay in version control).
 */
export interface FileRecord {
  /** Path relative to the article's folder, with `/` separators. */
  readonly path: string
  readonly sha256: string
  /** The exact text, for Markdown sources (chapters). */
  readonly source?: string
}

/** One released edition. */
export interface EditionRecord {
  readonly edition: number
  /** YYYY-MM-DD, as stamped in the front matter. */
  readonly date: string
  /** sha256 of the exact source bytes. */
  readonly sha256: string
  /** The exact source text (BOM and line ends as released). */
  readonly source: string
  /** `SOURCE_DATE_EPOCH` the outputs were built with, when it was set (rebuilds reuse it). */
  readonly sourceDateEpoch?: number
  /** chapkhana version that built the outputs. */
  readonly generator: string
  readonly outputs: Readonly<Partial<Record<ReleasedFormat, OutputRecord>>>
  /** Every other source the edition was built from (absent in histories written before chapkhana recorded them). */
  readonly files?: readonly FileRecord[]
}

/** `content/my-piece.md` → `content/my-piece.history.yaml`. */
export function historyPath(article: string): string {
  return path.join(path.dirname(article), `${path.basename(article).replace(/\.(md|markdown)$/i, '')}.history.yaml`)
}

/** Hex sha256 of text (as UTF-8) or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The history of `article`: [] when none was released yet. Throws a `history-damaged` failure, at its line and column, when the file is damaged. */
export async function readHistory(article: string): Promise<EditionRecord[]> {
  const file = historyPath(article)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return parseHistory(text, file)
}

/** Parse and check history text; `file` names it in errors. */
export function parseHistory(text: string, file: string): EditionRecord[] {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false })
  const advice = 'restore it from version control (git checkout -- <file>); chapkhana never rewrites a damaged history'
  const fail = (node: Node | undefined, what: string): never => {
    const at = lines.linePos(node?.range?.[0] ?? 0)
    throw failure('history-damaged', `${what}; ${advice}`, { file, place: { line: at.line, column: at.col } })
  }
  const error = doc.errors[0]
  if (error) {
    const at = lines.linePos(error.pos[0])
    throw failure('history-damaged', `not valid YAML (${error.message.split('\n')[0]}); ${advice}`, { file, place: { line: at.line, column: at.col } })
  }
  const root = doc.contents
  if (!isMap(root)) return fail(root ?? undefined, 'expected a mapping with `editions:`')
  const list = root.get('editions', true)
  if (!isSeq(list)) return fail((list as Node | undefined) ?? root, '`editions:` must be a list of released editions')
  const out: EditionRecord[] = []
  for (const item of list.items) {
    if (!isMap(item)) return fail(item as Node, 'each edition must be a mapping (edition, date, sha256, source, …)')
    const field = (key: string): Scalar | undefined => {
      const v = item.get(key, true)
      if (v !== undefined && !isScalar(v)) fail(v as Node, `\`${key}\` must be a plain value`)
      return v as Scalar | undefined
    }
    const need = (key: string): Scalar => field(key) ?? fail(item, `an edition has no \`${key}\``)
    const edition = need('edition')
    if (!Number.isInteger(edition.value) || (edition.value as number) < 1) fail(edition, '`edition` must be a whole number from 1 up')
    const n = edition.value as number
    const last = out.at(-1)
    if (last && n <= last.edition) fail(edition, `edition ${n} comes after edition ${last.edition}: editions must go up`)
    const date = need('date')
    if (typeof date.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date.value)) fail(date, `edition ${n}: \`date\` must be YYYY-MM-DD in quotes`)
    const hash = need('sha256')
    if (typeof hash.value !== 'string' || !/^[0-9a-f]{64}$/.test(hash.value)) fail(hash, `edition ${n}: \`sha256\` must be 64 hex digits`)
    const body = need('source')
    if (typeof body.value !== 'string') fail(body, `edition ${n}: \`source\` must be the text of the edition`)
    const crlf = field('newline')?.value === 'crlf'
    const bom = field('bom')?.value === true
    let source = String(body.value)
    if (crlf) source = source.replace(/\n/g, '\r\n')
    if (bom) source = `\uFEFF${source}`
    if (sha256(source) !== hash.value) fail(body, `edition ${n}: the text no longer matches its sha256 (it was edited after the release)`)
    const epoch = field('sourceDateEpoch')?.value
    if (epoch !== undefined && !Number.isInteger(epoch)) fail(field('sourceDateEpoch'), `edition ${n}: \`sourceDateEpoch\` must be whole seconds`)
    const outputs: Partial<Record<ReleasedFormat, OutputRecord>> = {}
    const outs = item.get('outputs', true)
    if (outs !== undefined) {
      if (!isMap(outs)) return fail(outs as Node, `edition ${n}: \`outputs\` must map epub/pdf/press/press-cover to {file, sha256}`)
      for (const format of RELEASED_FORMATS) {
        const o = outs.get(format, true)
        if (o === undefined) continue
        const js: unknown = isMap(o) ? o.toJSON() : undefined
        const rec = js as { file?: unknown; sha256?: unknown } | undefined
        if (typeof rec?.file !== 'string' || typeof rec.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(rec.sha256)) fail(o as Node, `edition ${n}: \`outputs.${format}\` needs \`file\` and a 64-digit \`sha256\``)
        outputs[format] = { file: String(rec?.file), sha256: String(rec?.sha256) }
      }
    }
    const generator = field('generator')?.value
    const list = item.get('files', true)
    const files = list === undefined ? undefined : parseFiles(list as Node, n, fail)
    out.push({ edition: n, date: date.value as string, sha256: hash.value as string, source, generator: typeof generator === 'string' ? generator : 'unknown', outputs, ...(typeof epoch === 'number' ? { sourceDateEpoch: epoch } : {}), ...(files ? { files } : {}) })
  }
  return out
}

/** A text as stored: LF line ends and no BOM, with what to restore. */
function storedText(source: string): { text: string; crlf: boolean; bom: boolean } {
  const bom = source.startsWith('\uFEFF')
  let text = bom ? source.slice(1) : source
  // Only a consistently CRLF text is stored as LF + `newline: crlf`; anything mixed stays exact (quoted).
  const crlf = text.includes('\r\n') && !/\r(?!\n)|(?<!\r)\n/.test(text)
  if (crlf) text = text.replace(/\r\n/g, '\n')
  return { text, crlf, bom }
}

/** `files:` of one edition, each path checked to stay inside the article's folder and each text against its sha256. */
function parseFiles(list: Node, n: number, fail: (node: Node | undefined, what: string) => never): FileRecord[] {
  if (!isSeq(list)) return fail(list, `edition ${n}: \`files\` must be a list of {path, sha256}`)
  const out: FileRecord[] = []
  for (const item of list.items) {
    const js: unknown = isMap(item) ? item.toJSON() : undefined
    const rec = js as { path?: unknown; sha256?: unknown; source?: unknown; newline?: unknown; bom?: unknown } | undefined
    const where = item as Node
    if (typeof rec?.path !== 'string' || typeof rec.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(rec.sha256)) return fail(where, `edition ${n}: each of \`files\` needs \`path\` and a 64-digit \`sha256\``)
    if (rec.path === '' || rec.path.startsWith('/') || rec.path.split('/').some((part) => part === '..' || part === '')) fail(where, `edition ${n}: \`files\` path ${JSON.stringify(rec.path)} must be relative to the article's folder and stay inside it`)
    let source: string | undefined
    if (rec.source !== undefined) {
      if (typeof rec.source !== 'string') return fail(where, `edition ${n}: the text of ${rec.path} must be a string`)
      source = rec.source
      if (rec.newline === 'crlf') source = source.replace(/\n/g, '\r\n')
      if (rec.bom === true) source = `\uFEFF${source}`
      if (sha256(source) !== rec.sha256) fail(where, `edition ${n}: the text of ${rec.path} no longer matches its sha256 (it was edited after the release)`)
    }
    out.push({ path: rec.path, sha256: rec.sha256, ...(source === undefined ? {} : { source }) })
  }
  return out
}

/** The YAML text of a history. */
export function formatHistory(article: string, records: readonly EditionRecord[]): string {
  const doc = new Document({
    article: path.basename(article),
    editions: records.map((r) => {
      const { text, crlf, bom } = storedText(r.source)
      return {
        edition: r.edition,
        date: r.date,
        sha256: r.sha256,
        ...(crlf ? { newline: 'crlf' } : {}),
        ...(bom ? { bom: true } : {}),
        ...(r.sourceDateEpoch === undefined ? {} : { sourceDateEpoch: r.sourceDateEpoch }),
        generator: r.generator,
        outputs: r.outputs,
        ...(r.files ? { files: r.files.map(storedFile) } : {}),
        source: text
      }
    })
  })
  doc.commentBefore = [
    ` Edition history of ${path.basename(article)}, written by \`chapkhana release\`: commit it with the article.`,
    ' Each entry holds the full text of a released edition and the sha256 of that text and of its outputs,',
    ' so `chapkhana release --rebuild N` can rebuild edition N byte for byte. Do not edit by hand.'
  ].join('\n')
  const literal = (node: unknown): void => {
    if (isScalar(node) && !/\r/.test(String(node.value))) node.type = 'BLOCK_LITERAL'
  }
  for (const [i, r] of records.entries()) {
    literal(doc.getIn(['editions', i, 'source'], true))
    for (const [j] of (r.files ?? []).entries()) literal(doc.getIn(['editions', i, 'files', j, 'source'], true))
    const date = doc.getIn(['editions', i, 'date'], true)
    // Quoted, so YAML never turns it into a timestamp.
    if (isScalar(date)) date.type = 'QUOTE_DOUBLE'
  }
  return doc.toString({ lineWidth: 0 })
}

/** One `files:` entry as stored (a text like the edition's own source). */
function storedFile(f: FileRecord): Record<string, unknown> {
  if (f.source === undefined) return { path: f.path, sha256: f.sha256 }
  const { text, crlf, bom } = storedText(f.source)
  return { path: f.path, sha256: f.sha256, ...(crlf ? { newline: 'crlf' } : {}), ...(bom ? { bom: true } : {}), source: text }
}

/** Write the history of `article` atomically, after checking it reads back to the same records. */
export async function writeHistory(article: string, records: readonly EditionRecord[]): Promise<void> {
  const file = historyPath(article)
  const text = formatHistory(article, records)
  const back = parseHistory(text, file)
  const same = (a: EditionRecord, b: EditionRecord | undefined): boolean => a.source === b?.source && JSON.stringify(a.files ?? []) === JSON.stringify(b.files ?? [])
  if (back.length !== records.length || back.some((r, i) => !same(r, records[i]))) {
    throw failure('history-write', 'the history would not read back as written; nothing was changed', { file })
  }
  // Through a link, like the article: a linked history stays a link.
  await rewriteThrough(file, text)
}
