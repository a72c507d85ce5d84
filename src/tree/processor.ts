/**
 * The processor factory: one unified pipeline for every command, with modes.
 *
 * - `fix`: Markdown → mdast (front matter and GFM), as `lint --fix` re-parses
 *   the text it rewrites;
 * - `lint`: the same, plus the proofing rules' messages;
 * - `build`: Markdown → sanitized, bidi-isolated hast with heading ids.
 *
 * Every mode carries the same nesting guards (`nesting.ts`), so a hostile
 * file is refused with its position by `lint` exactly as by `build`, instead
 * of overflowing the stack. Processors are made once per option set and
 * reused; parse with `parseDocument`, which runs the source guard first.
 */
import type { Root } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified, type Plugin, type Processor } from 'unified'
import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { localeOfFile } from '../locale/index.ts'
import { remarkProofing } from '../proofing/plugin.ts'
import type { ProofingOptions } from '../proofing/analyze.ts'
import remarkHtmlBlocks from './plugins/remark-html-blocks.ts'
import { checkSourceNesting, remarkNestingLimit } from './nesting.ts'
import remarkFootnoteCheck from './plugins/remark-footnote-check.ts'
import remarkSetextParagraph from './plugins/remark-setext-paragraph.ts'

type SeverityMap = NonNullable<ProofingOptions['severity']>

/** What a processor is for. */
export type ProcessorMode = 'build' | 'lint' | 'fix'

/** Options of a `build` processor, settled when it is made. */
export interface BuildProcessorOptions {
  readonly mode?: 'build'
  /** The language whose words label the footnotes. */
  readonly lang: string
  readonly latinLang: string
  /** Add the proofing rules' warnings (on by default). */
  readonly proofing?: boolean
  /** Project-wide proofing severities. */
  readonly severity?: SeverityMap
}

/** Options of a `lint` or `fix` processor. */
export interface SourceProcessorOptions {
  readonly mode: 'lint' | 'fix'
  /** Proofing severities (`lint` only). */
  readonly severity?: SeverityMap
}

/** Options of `createProcessor`, by mode. */
export type ProcessorOptions = BuildProcessorOptions | SourceProcessorOptions

/** A build processor: Markdown → hast. */
export type HastProcessor = Processor<MdastRoot, MdastRoot, Root>
/** A lint or fix processor: Markdown → mdast. */
export type MdastProcessor = Processor<MdastRoot, MdastRoot, MdastRoot>

const cache = new Map<string, HastProcessor | MdastProcessor>()

/** The parser every mode shares; the nesting cap goes first, its parse transform must run before remark-gfm's. */
function parser(): MdastProcessor {
  return unified().use(remarkParse).use(remarkNestingLimit).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkHtmlBlocks as unknown as Plugin<[], MdastRoot>).use(remarkSetextParagraph).use(remarkFootnoteCheck) as unknown as MdastProcessor
}

/**
 * The build mode's plugins (remark-rehype, rehype-raw, sanitizing, fonts…),
 * loaded on first need: `lint` and `--fix` never load them, which keeps
 * `chapkhana lint` from paying for the HTML stack (`tests/e2e/cli-start.test.ts`).
 */
let buildChain: typeof import('./build-chain.ts') | undefined

/** Load the build mode's plugins; `toHast` does it, other callers of `createProcessor({ mode: 'build' })` must first. */
export async function loadBuildMode(): Promise<void> {
  buildChain ??= await import('./build-chain.ts')
}

function build(options: BuildProcessorOptions): HastProcessor {
  if (!buildChain) throw new Error('createProcessor: the build mode is not loaded; await loadBuildMode() first')
  return buildChain.buildProcessor(parser(), options) as unknown as HastProcessor
}

const isBuild = (options: ProcessorOptions): options is BuildProcessorOptions => options.mode === undefined || options.mode === 'build'

/** A processor for `mode`, made once per option set and cached. */
export function createProcessor(options: BuildProcessorOptions): HastProcessor
export function createProcessor(options: SourceProcessorOptions): MdastProcessor
export function createProcessor(options: ProcessorOptions): HastProcessor | MdastProcessor {
  const mode: ProcessorMode = options.mode ?? 'build'
  const built = isBuild(options) ? options : undefined
  const key = built
    ? `${mode}|${built.lang}|${built.latinLang}|${built.proofing !== false}|${JSON.stringify(options.severity ?? {})}`
    : `${mode}|${JSON.stringify(options.severity ?? {})}`
  const cached = cache.get(key)
  if (cached) return cached
  let made: HastProcessor | MdastProcessor
  if (built) made = build(built)
  else if (options.mode === 'lint') made = parser().use(remarkProofing, options.severity ? { severity: options.severity } : {}) as unknown as MdastProcessor
  else made = parser()
  made.freeze()
  cache.set(key, made)
  return made
}

/**
 * Parse `file` with `processor` behind the nesting guards: the source check
 * first (before micromark spends seconds on absurd lines), then the parse
 * transform's. A refusal is a fatal message on `file` (with its name and
 * place) and is thrown.
 */
export function parseDocument(processor: HastProcessor | MdastProcessor, file: VFile): MdastRoot {
  checkSourceNesting(file)
  try {
    return processor.parse(file)
  } catch (error) {
    // Parse transforms cannot see the file: give their messages its name.
    if (error instanceof VFileMessage && !error.file) {
      error.file = file.path
      error.fatal = true
      file.messages.push(error)
    }
    throw error
  }
}

/** Run `file` (already read and validated) through its language's build processor. */
export async function toHast(file: VFile, options: { latinLang: string; proofing?: boolean; severity?: SeverityMap }): Promise<Root> {
  await loadBuildMode()
  const { tag } = localeOfFile(file)
  const processor = createProcessor({
    lang: tag,
    latinLang: options.latinLang,
    ...(options.proofing === undefined ? {} : { proofing: options.proofing }),
    ...(options.severity ? { severity: options.severity } : {})
  })
  return processor.run(parseDocument(processor, file), file)
}
