/**
 * The processor factory: one unified pipeline, Markdown → sanitized,
 * bidi-isolated hast with heading ids, built once per language (footnote
 * labels are words of the document's language) and reused for every file.
 */
import type { Root } from 'hast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified, type Processor } from 'unified'
import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { languageInfo } from '../config/languages.ts'
import { toArabicIndic } from './digits.ts'
import rehypeFootnoteDigits from './rehype-footnote-digits.ts'
import rehypeBidiIsolate from './rehype-bidi-isolate.ts'
import rehypeCollectImages from './rehype-collect-images.ts'
import rehypeHeadingIds from './rehype-heading-ids.ts'
import rehypeLocalLinks from './rehype-local-links.ts'
import rehypeReportUnsafe from './rehype-report-unsafe.ts'
import rehypeVerse from './rehype-verse.ts'
import { sanitizeSchema } from './sanitize-schema.ts'
import rehypeXmlChars from './rehype-xml-chars.ts'
import remarkFootnoteCheck from './remark-footnote-check.ts'
import { checkSourceNesting, rehypeRawNestingLimit, remarkNestingLimit } from './nesting.ts'
import { remarkProofing } from '../proofing/index.ts'

/** Options settled when the processor is made. */
export interface ProcessorOptions {
  readonly lang: string
  readonly latinLang: string
  /** Add the proofing rules' warnings (on by default). */
  readonly proofing?: boolean
  /** Project-wide proofing severities. */
  readonly severity?: Readonly<Record<string, 'off' | 'warn' | 'error'>>
}

type HastProcessor = Processor<import('mdast').Root, import('mdast').Root, Root>

const cache = new Map<string, HastProcessor>()

/** A processor for documents in `lang`, made once and cached. */
export function createProcessor(options: ProcessorOptions): HastProcessor {
  const key = `${options.lang}|${options.latinLang}|${options.proofing !== false}|${JSON.stringify(options.severity ?? {})}`
  const cached = cache.get(key)
  if (cached) return cached
  const words = languageInfo(options.lang)?.words
  if (!words) throw new TypeError(`createProcessor: option \`lang\` ${JSON.stringify(options.lang)} is not a known language`)
  // The nesting cap goes first: its parse transform must run before remark-gfm's.
  const base = unified().use(remarkParse).use(remarkNestingLimit).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkFootnoteCheck)
  // Proofing only adds messages; the tree type is unchanged.
  const withProofing = options.proofing === false ? base : (base.use(remarkProofing, options.severity ? { severity: options.severity } : {}) as unknown as typeof base)
  const processor = withProofing
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: '',
      footnoteLabel: words.footnotes,
      footnoteLabelTagName: 'h2',
      footnoteLabelProperties: { className: ['footnotes-label'] },
      footnoteBackLabel: (i: number) => `${words.backToReference} ${toArabicIndic(i + 1, options.lang)}`
    })
    .use(rehypeRawNestingLimit)
    .use(rehypeRaw)
    .use(rehypeReportUnsafe)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeXmlChars)
    .use(rehypeCollectImages)
    .use(rehypeLocalLinks)
    .use(rehypeFootnoteDigits)
    .use(rehypeVerse)
    .use(rehypeHeadingIds)
    .use(rehypeBidiIsolate, { latinLang: options.latinLang }) as unknown as HastProcessor
  cache.set(key, processor)
  return processor
}

/** Run `file` (already read and validated) through its language's processor. */
export async function toHast(file: VFile, options: { latinLang: string; proofing?: boolean; severity?: ProcessorOptions['severity'] }): Promise<Root> {
  const lang = file.data.lang
  if (!lang) throw new TypeError('toHast: file.data.lang is not set; read the file with readDocument first')
  const processor = createProcessor({
    lang,
    latinLang: options.latinLang,
    ...(options.proofing === undefined ? {} : { proofing: options.proofing }),
    ...(options.severity ? { severity: options.severity } : {})
  })
  checkSourceNesting(file)
  let mdast
  try {
    mdast = processor.parse(file)
  } catch (error) {
    // Parse transforms cannot see the file: give their messages its name.
    if (error instanceof VFileMessage && !error.file) {
      error.file = file.path
      error.fatal = true
      file.messages.push(error)
    }
    throw error
  }
  return processor.run(mdast, file)
}

