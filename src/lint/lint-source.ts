/**
 * Linting one document: the same reading and checks as `build`, except that a
 * broken front matter (no title, say) does not stop the proofing — lint should
 * say everything that is wrong with a file at once.
 */
import { readRegularFile } from '../util/read-regular.ts'
import { isFailure } from '../util/failure.ts'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { decodeSource, documentFromText } from '../source/read.ts'
import { createProcessor, parseDocument } from '../tree/processor.ts'
import { canonicalFence } from '../source/front-matter-node.ts'
import type { ProofingOptions } from '../proofing/analyze.ts'
import { readProofingFrontMatter } from '../proofing/front-matter.ts'

/** Options for linting: the proofing options and the language of untagged files. */
export interface LintOptions extends ProofingOptions {
  /** `--lang`: the language of documents whose front matter has none. */
  readonly lang?: string
}

/** A file's text, with whether it started with a byte order mark (to write it back). */
export interface SourceText {
  readonly text: string
  readonly bom: boolean
}

/** Lint Markdown `text` (the whole file, front matter included) as if read from `path`. */
export function lintSource(text: string, path: string, options: LintOptions = {}): VFile {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  let file: VFile
  let known = true
  try {
    file = documentFromText(body, path, options.lang === undefined ? {} : { lang: options.lang })
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error
    // Read the front matter as the build does, even when closed by `...`.
    file = new VFile({ path, value: canonicalFence(body) })
    file.messages.push(error)
    known = false
  }
  const processor = createProcessor({ mode: 'lint', ...(options.severity ? { severity: options.severity } : {}) })
  let tree
  try {
    tree = parseDocument(processor, file)
  } catch (error) {
    // Refused (nested too deep, say): the fatal message is on the file, as `build` reports it.
    if (error instanceof VFileMessage) return file
    throw error
  }
  if (!known) {
    const lang = readProofingFrontMatter(tree, body).lang ?? options.lang
    if (lang !== undefined) file.data.lang = lang
  }
  processor.runSync(tree, file)
  return file
}

/** Read `path` as strict UTF-8, or return a VFile carrying why it cannot be read. */
export async function readSource(path: string): Promise<SourceText | VFile> {
  const shell = new VFile({ path })
  try {
    // Never `readFile`: a named pipe given as a source would block forever.
    const bytes = await readRegularFile(path)
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    return { text: decodeSource(shell, bytes), bom }
  } catch (error) {
    // A not-a-file failure is worded for an article below; any other message is on `shell` already.
    if (error instanceof VFileMessage && !isFailure(error, 'not-a-file')) return shell
    const code = (error as NodeJS.ErrnoException).code
    try {
      shell.fail(isFailure(error, 'not-a-file') ? `This is ${error.actual}, not a Markdown file: name a .md file` : code === 'ENOENT' ? 'No such file: check the path' : `Cannot read the file (${code ?? String(error)})`, {
        ruleId: 'read',
        source: 'chapkhana'
      })
    } catch {
      // `fail` throws by design; the message stays on `shell`.
    }
    return shell
  }
}

/** Read and lint the file at `path`. */
export async function lintFile(path: string, options: LintOptions = {}): Promise<VFile> {
  const source = await readSource(path)
  return source instanceof VFile ? source : lintSource(source.text, path, options)
}
