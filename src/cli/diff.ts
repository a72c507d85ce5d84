/**
 * `chapkhana diff <article.md> [--from N] [--to M] [--html FILE]`: the words
 * that changed between a released edition (the last by default) and the
 * current text, or between two released editions.
 */
import { parseArgs } from 'node:util'
import { documentFromText, readOptions } from '../source/read.ts'
import { editionOf } from '../pipeline/article.ts'
import { diffFiles, filesDiffText } from '../diff/diff-files.ts'
import { readHistory, type EditionRecord, type FileRecord } from '../source/history.ts'
import { sourceFiles } from '../release/sources.ts'
import { diffHtml, diffText } from '../diff/render-diff.ts'
import { readExact } from '../source/exact-text.ts'
import { failure } from '../util/failure.ts'
import { diffSources } from '../diff/word-diff.ts'
import { checkHtmlTarget } from '../release/html-target.ts'
import { writeFileAtomic } from '../util/atomic.ts'
import { editionConfig, wholeNumber } from './release.ts'
import { reportFailure } from './report.ts'

function pick(history: readonly EditionRecord[], n: number, article: string): EditionRecord {
  const record = history.find((r) => r.edition === n)
  if (record) return record
  const known = history.map((r) => r.edition).join(', ')
  throw failure('edition-unknown', `edition ${n} was never released${known ? ` (released: ${known})` : ''}`, { file: article })
}

/** The current sources of `article` besides itself (chapters, images, cover), as a release would record them. */
async function currentFiles(article: string, text: string, history: readonly EditionRecord[]): Promise<FileRecord[]> {
  const config = await editionConfig({})
  return sourceFiles(await editionOf(documentFromText(text, article, readOptions(config)), config, history), article)
}

/** Run `diff`; returns the exit code (0 whether or not words changed). */
export async function diffCommand(args: readonly string[], log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { from: { type: 'string' }, to: { type: 'string' }, html: { type: 'string' } } })
  const [article, ...extra] = positionals
  if (!article || extra.length > 0) throw failure('usage', 'diff takes one article: chapkhana diff content/my-piece.md [--from N] [--to M] [--html FILE]')
  try {
    if (values.html !== undefined) await checkHtmlTarget(values.html, article, (await editionConfig({})).contentDir)
    const current = await readExact(article)
    const history = await readHistory(article)
    if (history.length === 0) throw failure('edition-unknown', `no edition was released yet, so there is nothing to compare with; run chapkhana release ${article}`, { file: article })
    const fromN = wholeNumber(values.from, '--from') ?? history.at(-1)!.edition
    const toN = wholeNumber(values.to, '--to')
    const from = pick(history, fromN, article)
    const to = toN === undefined ? { label: 'the current text', source: current, files: await currentFiles(article, current, history) } : { label: `edition ${toN}`, ...pick(history, toN, article) }
    const start = performance.now()
    const diff = diffSources(from.source, to.source)
    // A book's chapters, images and cover are sources of the edition too.
    const others = diffFiles({ label: `edition ${from.edition}`, files: from.files }, { label: to.label, files: to.files })
    const ms = performance.now() - start
    const colour = process.stdout.isTTY === true && !process.env.NO_COLOR
    process.stdout.write(diffText(diff, { colour, from: `edition ${from.edition}`, to: to.label }))
    process.stdout.write(filesDiffText(others, { colour, from: `edition ${from.edition}`, to: to.label }))
    if (values.html) {
      // Language and direction as `build` would take them: the document's, else the project's.
      const config = await editionConfig({})
      const file = documentFromText(to.source, article, readOptions(config))
      const { meta, lang, dir } = file.data
      await writeFileAtomic(values.html, diffHtml(diff, { title: meta?.title ?? article, lang: lang ?? 'und', dir: dir ?? 'ltr', from: `edition ${from.edition}`, to: to.label }, others.texts))
      log(`wrote ${values.html}`)
    }
    if (process.env.CHAPKHANA_TIMING) log(`diff: ${ms.toFixed(1)} ms`)
    return 0
  } catch (error) {
    // Told on the article unless the failure names its own file (its history, the --html target).
    return reportFailure(error, log, article)
  }
}
