/**
 * How long linting the shared corpora takes: every `.md` under `../shared/corpora`
 * (beside the repository), read, validated, parsed and proofread, one after
 * another as `chapkhana lint` does it.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { VFile } from 'vfile'
import { lintSource, readSource } from './lint-source.ts'

/** The corpora folder: `../shared/corpora` from the repository root (two levels above this file). */
export const CORPORA = fileURLToPath(new URL('../../../shared/corpora/', import.meta.url))

/** Language of each corpus (their files carry no `lang`, as `--lang` would give it). */
const CORPUS_LANG: Readonly<Record<string, string>> = { muqtabas: 'ar', 'documentation-kurdish': 'ckb' }

/** Every Markdown file under `dir`, sorted, with the language to lint it in. */
export async function corpusFiles(dir: string = CORPORA): Promise<{ path: string; lang: string | undefined }[]> {
  const names = await readdir(dir, { recursive: true })
  return names
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: path.join(dir, name), lang: CORPUS_LANG[name.split(path.sep)[0] ?? ''] }))
}

/** Lint every `.md` under `../shared/corpora`; the time covers reading and linting, not listing the folder. */
export async function benchLint(): Promise<{ files: number; ms: number }> {
  const files = await corpusFiles()
  const start = performance.now()
  // Reads overlap (the thread pool does them); parsing and checking cannot.
  const sources = await Promise.all(files.map((f) => readSource(f.path)))
  sources.forEach((source, i) => {
    const lang = files[i]?.lang
    if (!(source instanceof VFile)) lintSource(source.text, files[i]?.path ?? '', lang === undefined ? {} : { lang })
  })
  return { files: files.length, ms: performance.now() - start }
}
