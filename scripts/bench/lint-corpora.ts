/**
 * How long linting the corpora takes: every `.md` of `tests/corpora/muqtabas`
 * and `tests/corpora/documentation-kurdish` (copied into the repository with
 * their licences), read, validated, parsed and proofread, one after another as
 * `chapkhana lint` does it. Lives with the benchmark, not in `src/`: it reads
 * test data.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { lintSource, readSource } from '../../src/lint/lint-source.ts'
import { PACKAGE_ROOT } from '../../src/paths.ts'

/** The corpora folder, `tests/corpora/`, in the repository (found, not counted in `..`: tests run this module bundled too). */
export const CORPORA = path.join(PACKAGE_ROOT, 'tests', 'corpora', path.sep)

/** Language of each corpus (their files carry no `lang`, as `--lang` would give it). */
const CORPUS_LANG: Readonly<Record<string, string>> = { muqtabas: 'ar', 'documentation-kurdish': 'ckb' }

/** Every Markdown file under `dir`, sorted, with the language to lint it in. */
export async function corpusFiles(dir: string = CORPORA): Promise<{ path: string; lang: string | undefined }[]> {
  const names = await readdir(dir, { recursive: true })
  return names
    .filter((name) => name.endsWith('.md') && CORPUS_LANG[name.split(path.sep)[0] ?? ''] !== undefined)
    .sort()
    .map((name) => ({ path: path.join(dir, name), lang: CORPUS_LANG[name.split(path.sep)[0] ?? ''] }))
}

/** Lint every corpus `.md`; the time covers reading and linting, not listing the folder. */
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
