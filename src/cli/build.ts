/**
 * `chapkhana build [files…]`: build every article (or the ones named) into
 * the output folder, one browser for all PDFs, reporting each file written.
 */
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { reporter } from 'vfile-reporter'
import { VFileMessage } from 'vfile-message'
import { VFile } from 'vfile'
import type { Config } from '../config/schema.ts'
import { buildArticle } from '../build/article.ts'
import { BrowserPool } from '../build/browser-pool.ts'
import { formatSize } from '../util/format.ts'
import { slugOf } from '../document/read.ts'

/** Every Markdown article directly in `dir`, sorted by name. */
export async function listArticles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error(`The content folder ${dir}/ does not exist: create it and put .md articles in it, or name files to build`)
    throw error
  })
  return names
    .filter((n) => /\.(md|markdown)$/i.test(n) && !n.startsWith('.'))
    .sort()
    .map((n) => path.join(dir, n))
}

/** Build `files` (or all of `config.contentDir`); returns the exit code. */
export async function buildCommand(files: readonly string[], config: Config, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<number> {
  const sources = files.length > 0 ? [...files] : await listArticles(config.contentDir)
  if (sources.length === 0) {
    log(`No articles in ${config.contentDir}/: add a Markdown file (see README)`)
    return 1
  }
  const seen = new Map<string, string>()
  for (const source of sources) {
    const slug = slugOf(source)
    const other = seen.get(slug)
    if (other) {
      log(`${source}: it would be written to ${slug}.epub/.pdf like ${other}; rename one of them`)
      return 1
    }
    seen.set(slug, source)
  }
  const browsers = new BrowserPool(config.renderTimeoutMs)
  let failures = 0
  const reports: VFile[] = []
  try {
    // Two articles at a time: each already keeps Chromium and a core busy.
    const queue = [...sources]
    const worker = async (): Promise<void> => {
      for (let source = queue.shift(); source !== undefined; source = queue.shift()) {
        try {
          const result = await buildArticle(source, config, browsers)
          reports.push(result.file)
          for (const w of result.written) {
            const size = (await stat(w.path)).size
            log(`wrote ${path.relative(process.cwd(), w.path) || w.path}  ${formatSize(size)}  ${Math.round(w.ms)} ms`)
          }
        } catch (error) {
          failures++
          if (error instanceof VFileMessage) {
            const file = new VFile({ path: error.file || source })
            file.messages.push(error)
            reports.push(file)
          } else {
            log(`${source}: ${(error as Error).message}`)
          }
        }
      }
    }
    await Promise.all([worker(), worker()])
  } finally {
    await browsers.close()
  }
  const report = reporter(reports, { quiet: true })
  if (report) log(report)
  return failures > 0 ? 1 : 0
}
