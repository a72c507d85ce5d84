/**
 * Reading one article from disk into a VFile whose `data` carries validated
 * metadata, language and direction. Everything that can be wrong with the
 * bytes or the front matter is reported here, with its position.
 */
import { readRegularFile } from '../util/read-regular.ts'
import { isFailure } from '../util/failure.ts'
import path from 'node:path'
import { VFile } from 'vfile'
import { isKnownLanguage, knownLanguages, localeOf, type Direction } from '../locale/locale.ts'
import { sourceDateEpoch } from '../config/limits.ts'
import { chapterList, declaresBook } from './book.ts'
import { canonicalFence } from './front-matter-node.ts'
import { keyLine, parseFrontMatter, valuePlace } from './front-matter.ts'
import { validateMeta, type FallbackDate } from './meta.ts'
import { dateOfSource } from './source-date.ts'
import { slugOf } from './slug.ts'
import '../types/document.ts'
import { describeReplaced, toXmlText } from '../util/xml-chars.ts'

export { slugOf }

/** What a document may inherit when its front matter is silent. */
export interface ReadOptions {
  /** `--lang` or the configured default. */
  readonly lang?: string
  /** `--dir` or the configured default. */
  readonly dir?: Direction
  /** Date a book hands its chapters for when their front matter has none (YYYY-MM-DD). */
  readonly fallbackDate?: string
  /** Metadata date of a document without `date:` (from `SOURCE_DATE_EPOCH` or its history); set by {@link readDocument}. */
  readonly sourceDate?: FallbackDate
  /** Where inherited values come from, for the notices (default: --lang or the configuration). */
  readonly origin?: string
}

/** Options of `readDocument` from a build's settings (`--lang`, `--dir` or the configuration). */
export function readOptions(config: { readonly lang?: string | undefined; readonly dir?: Direction | undefined }): ReadOptions {
  return { ...(config.lang ? { lang: config.lang } : {}), ...(config.dir ? { dir: config.dir } : {}) }
}

/** Date from `SOURCE_DATE_EPOCH` (YYYY-MM-DD), or undefined when it is not set. */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): string | undefined {
  // Validated (a whole number of seconds JS and zip dates can hold) by limits.ts.
  const epoch = sourceDateEpoch(env)
  return epoch !== undefined && epoch > 0 ? new Date(epoch * 1000).toISOString().slice(0, 10) : undefined
}

/**
 * The metadata date of a document without `date:`: the book's, the one
 * {@link readDocument} found in the source's history, `SOURCE_DATE_EPOCH`,
 * or — text held only in memory has no history — the day it is built.
 */
function fallbackOf(options: ReadOptions): FallbackDate {
  if (options.fallbackDate) return { date: options.fallbackDate, from: 'book' }
  if (options.sourceDate) return options.sourceDate
  const epoch = sourceDate()
  return epoch ? { date: epoch, from: 'SOURCE_DATE_EPOCH' } : { date: new Date().toISOString().slice(0, 10), from: 'clock' }
}

/** Line and column of byte `offset` in `bytes`, counting UTF-8 characters. */
function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1
  let column = 1
  for (let i = 0; i < offset; i++) {
    const b = bytes[i] ?? 0
    if (b === 0x0a) {
      line++
      column = 1
    } else if ((b & 0xc0) !== 0x80) column++
  }
  return { line, column }
}

/** The first offset at which `bytes` stop being valid UTF-8 (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i
    i += need + 1
  }
  return i
}

/** Decode `bytes` as strict UTF-8, failing `file` at the first bad byte. */
export function decodeSource(file: VFile, bytes: Uint8Array): string {
  const probe = bytes.subarray(0, 8192)
  if (probe.includes(0)) {
    file.fail('This is not a Markdown text file (it contains NUL bytes, as binary files do): give chapkhana a `.md` text file', {
      place: placeOfByte(bytes, probe.indexOf(0)),
      ruleId: 'encoding-binary',
      source: 'chapkhana'
    })
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    return text
  } catch {
    const at = firstInvalidUtf8(bytes)
    return file.fail(
      'The file is not valid UTF-8 (it may be saved as Windows-1256 or another legacy code page): re-save it as UTF-8',
      { place: placeOfByte(bytes, at), ruleId: 'encoding-utf8', source: 'chapkhana' }
    )
  }
}

const primary = (tag: string): string => (tag.split('-')[0] ?? '').toLowerCase()

/** Apply language and direction from front matter or the inherited defaults. */
function resolveLanguage(file: VFile, data: Record<string, unknown>, options: ReadOptions): void {
  if (data.lang !== undefined && data.lang !== null && typeof data.lang !== 'string') {
    file.fail(`\`lang\` must be one language code like ckb, ar or fa, not ${Array.isArray(data.lang) ? 'a list' : typeof data.lang === 'object' ? 'a mapping' : `the value ${String(data.lang)}`}`, {
      place: valuePlace(file, 'lang'),
      ruleId: 'meta-type',
      source: 'chapkhana'
    })
  }
  let lang = data.lang === undefined || data.lang === null ? undefined : String(data.lang)
  if (lang !== undefined && !isKnownLanguage(lang)) {
    file.fail(`Unknown language \`lang: ${lang}\`; use one of ${knownLanguages()} (optionally with a region, e.g. ckb-IQ)`, {
      place: keyLine(file, 'lang'),
      ruleId: 'meta-lang',
      source: 'chapkhana'
    })
  }
  if (lang === undefined) {
    if (!options.lang) {
      file.fail('The article has no `lang`: add `lang: ckb` (or ar, fa, …) to its front matter, or build with `--lang CODE`', {
        place: { line: 1, column: 1 },
        ruleId: 'meta-lang',
        source: 'chapkhana'
      })
    }
    lang = options.lang
    file.info(`No \`lang\` in the front matter: using ${lang} from ${options.origin ?? '--lang or the configuration'}`, {
      place: { line: 1, column: 1 },
      ruleId: 'meta-lang-default',
      source: 'chapkhana'
    })
  }
  let dir: Direction
  if (data.dir !== undefined && data.dir !== null) {
    if (data.dir !== 'rtl' && data.dir !== 'ltr') {
      file.fail(`Unknown direction \`dir: ${String(data.dir)}\`; use rtl or ltr`, {
        place: keyLine(file, 'dir'),
        ruleId: 'meta-dir',
        source: 'chapkhana'
      })
    }
    dir = data.dir
  } else {
    // An inherited direction goes with the inherited language: a `lang: en`
    // chapter of a Sorani book is left to right, not the book's right to left.
    const inherited = options.dir !== undefined && (options.lang === undefined || primary(options.lang) === primary(lang)) ? options.dir : undefined
    dir = inherited ?? localeOf(lang).direction
    if (!inherited) {
      file.info(`No \`dir\` in the front matter: using ${dir}, the direction of ${lang}`, {
        place: { line: 1, column: 1 },
        ruleId: 'meta-dir-default',
        source: 'chapkhana'
      })
    }
  }
  file.data.lang = lang
  file.data.dir = dir
  file.data.locale = localeOf(lang, dir)
}

/**
 * The text every later step sees: no byte order mark, `\n` line endings (so
 * a file saved on Windows gives the very same book, not one with `\r` in its
 * text), and only characters XML can carry (others become U+FFFD, reported).
 */
function normalizeText(file: VFile, text: string): string {
  // A front matter closed by YAML's `...` is closed by `---` for the parsers after this.
  const lf = canonicalFence((text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n'))
  const clean = toXmlText(lf)
  if (clean.replaced > 0) {
    const before = lf.slice(0, clean.first)
    const line = before.split('\n').length
    file.message(`${describeReplaced(clean)}: check the file for pasted binary or broken text`, {
      place: { line, column: clean.first - before.lastIndexOf('\n') },
      ruleId: 'xml-chars',
      source: 'chapkhana'
    })
  }
  return clean.text
}

/** Build a VFile from text already in memory (tests, watch mode). */
export function documentFromText(text: string, filePath: string, options: ReadOptions = {}): VFile {
  const file = new VFile({ path: filePath })
  file.value = normalizeText(file, text)
  const front = parseFrontMatter(file)
  file.data.meta = validateMeta(file, front.data, fallbackOf(options))
  resolveLanguage(file, front.data, options)
  file.data.slug = slugOf(filePath)
  if (declaresBook(front.data, filePath)) {
    // A book's own text is optional: its chapters carry the text.
    const listed = chapterList(file, front.data)
    file.data.book = listed ? { listed } : {}
    return file
  }
  const body = String(file.value).slice(front.end)
  if (body.trim() === '') {
    file.fail('The article has a title but no text: write the article below the front matter', {
      place: { line: String(file.value).split('\n').length, column: 1 },
      ruleId: 'body-empty',
      source: 'chapkhana'
    })
  }
  return file
}

/**
 * Read and validate the article at `filePath`. Throws a fatal `VFileMessage`
 * (with file, line and column) for anything that cannot be built.
 */
export async function readDocument(filePath: string, options: ReadOptions = {}): Promise<VFile> {
  const shell = new VFile({ path: filePath })
  let bytes: Uint8Array
  try {
    bytes = await readRegularFile(filePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = isFailure(error, 'not-a-file') ? `This is ${error.actual}, not a Markdown file: name a .md file` : code === 'ENOENT' ? 'No such file: check the path' : `Cannot read the file (${code ?? String(error)})`
    return shell.fail(reason, {
      ruleId: 'read',
      source: 'chapkhana'
    })
  }
  const file = documentFromText(decodeSource(shell, bytes), filePath, options)
  const meta = file.data.meta
  if (meta?.undated) {
    // Only a dateless source pays for asking git or the file system.
    const from: FallbackDate = sourceDate() ? { date: meta.date, from: 'SOURCE_DATE_EPOCH' } : (options.sourceDate ?? (await dateOfSource(filePath)))
    file.data.meta = { ...meta, date: from.date }
    const origin = { SOURCE_DATE_EPOCH: 'SOURCE_DATE_EPOCH', history: 'its edition history', git: "git's last commit of the file", mtime: 'the time the file was last saved', clock: 'today', book: 'its book' }[from.from]
    file.message(`No \`date\` in the front matter: the editions print no date, and their metadata carry ${from.date} from ${origin}. Add \`date: YYYY-MM-DD\` (or run \`chapkhana release\`) to print one`, {
      place: { line: 1, column: 1 },
      ruleId: 'meta-date-missing',
      source: 'chapkhana'
    })
  }
  return file
}
