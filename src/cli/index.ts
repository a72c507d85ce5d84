/**
 * `chapkhana index <out-1> <out-2> … --out <site>`: the last job of a CI
 * matrix of `build --shard I/N`, assembling the shards' output folders into
 * one reader site with one collection page.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadProjectConfig } from '../config/load.ts'
import { configFromFlags, resolveConfig } from '../config/schema.ts'
import { failure } from '../util/failure.ts'
import { mergeSites } from '../writers/site/merge.ts'

/** Run `index` with its arguments; returns the exit code. */
export async function indexCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { out: { type: 'string' }, lang: { type: 'string' } } })
  if (!values.out) throw failure('usage', 'index needs --out DIR: the folder of the assembled site (e.g. chapkhana index out-1 out-2 --out site)')
  if (positionals.length === 0) throw failure('usage', 'index needs the shards\' output folders, e.g. chapkhana index out-1 out-2 --out site')
  const config = resolveConfig({ ...(await loadProjectConfig(process.cwd())), ...configFromFlags({ lang: values.lang }) })
  const { articles, files } = await mergeSites({ from: positionals, out: values.out, ...(config.lang ? { lang: config.lang } : {}) })
  process.stderr.write(`wrote ${path.join(values.out, 'index.html')}: ${articles} articles from ${positionals.length} folders (${files} files copied)\n`)
  return 0
}
