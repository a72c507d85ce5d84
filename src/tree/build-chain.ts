/**
 * The build mode's plugin chain: Markdown's tree → sanitized, bidi-isolated
 * hast with heading ids, footnotes in the document's words and digits, and
 * every character checked against the bundled faces. Loaded only by
 * `loadBuildMode()` (processor.ts), so lint never imports the HTML stack.
 */
import rehypeSanitize from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import rehypeFontCoverage from '../fonts/coverage.ts'
import { localeOf } from '../locale/index.ts'
import { remarkProofing } from '../proofing/plugin.ts'
import { rehypeRawNestingLimit } from './nesting.ts'
import type { BuildProcessorOptions, HastProcessor, MdastProcessor } from './processor.ts'
import rehypeAlign from './plugins/rehype-align.ts'
import rehypeAsciiIds from './plugins/rehype-ascii-ids.ts'
import rehypeBidiIsolate from './plugins/rehype-bidi-isolate.ts'
import rehypeCollectImages from './plugins/rehype-collect-images.ts'
import rehypeFootnoteDigits from './plugins/rehype-footnote-digits.ts'
import rehypeHeadingIds from './plugins/rehype-heading-ids.ts'
import rehypeLocalLinks from './plugins/rehype-local-links.ts'
import rehypeRawIfAny from './plugins/rehype-raw-if-any.ts'
import rehypeReportHtml from './plugins/rehype-report-html.ts'
import rehypeReportUnsafe from './plugins/rehype-report-unsafe.ts'
import rehypeVerse from './plugins/rehype-verse.ts'
import rehypeXmlChars from './plugins/rehype-xml-chars.ts'
import { sanitizeSchema } from './sanitize-schema.ts'

/** The build processor on top of the shared parser `base`. */
export function buildProcessor(base: MdastProcessor, options: BuildProcessorOptions): HastProcessor {
  const { words, number } = localeOf(options.lang)
  // Proofing only adds messages; the tree type is unchanged.
  const withProofing = options.proofing === false ? base : (base.use(remarkProofing, options.severity ? { severity: options.severity } : {}) as unknown as MdastProcessor)
  return withProofing
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: '',
      footnoteLabel: words.footnotes,
      footnoteLabelTagName: 'h2',
      footnoteLabelProperties: { className: ['footnotes-label'] },
      footnoteBackLabel: (i: number) => `${words.backToReference} ${number(i + 1)}`
    })
    .use(rehypeRawNestingLimit)
    .use(rehypeReportHtml)
    .use(rehypeRawIfAny)
    .use(rehypeReportUnsafe)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeXmlChars)
    .use(rehypeAlign)
    .use(rehypeCollectImages)
    .use(rehypeLocalLinks)
    .use(rehypeFootnoteDigits)
    .use(rehypeAsciiIds)
    .use(rehypeVerse)
    .use(rehypeHeadingIds)
    .use(rehypeBidiIsolate, { latinLang: options.latinLang })
    .use(rehypeFontCoverage) as unknown as HastProcessor
}

