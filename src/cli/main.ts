#!/usr/bin/env node
/**
 * The chapkhana command line. One top-level handler turns every error into
 * one clear message and an exit code; commands close their browsers.
 */
import { parseArgs } from 'node:util'
import { resolveConfig, ConfigError } from '../config/schema.ts'
import { loadProjectConfig } from '../config/load.ts'
import { VERSION } from '../version.ts'
import { buildCommand } from './build.ts'
import { lintCommand } from './lint.ts'
import { releaseCommand } from './release.ts'
import { diffCommand } from './diff.ts'

const HELP = `chapkhana ${VERSION}: right-to-left Markdown articles → EPUB 3 and A4 PDF

Usage:
  chapkhana build [files…] [--out DIR] [--lang CODE] [--dir rtl|ltr] [--format epub,pdf]
  chapkhana lint [files…] [--fix] [--lang CODE]
  chapkhana release <article.md> [--edition N] [--date YYYY-MM-DD] | --rebuild N <article.md>
  chapkhana diff <article.md> [--from N] [--to M] [--html FILE]
  chapkhana --help | --version

build   Builds every article in content/ (or the files named) into out/<slug>.epub and out/<slug>.pdf.
        --lang and --dir fill in what an article's front matter lacks.
lint    Checks Sorani (and Arabic/Persian) orthography and typography; --fix rewrites the prose.
release Records a new edition (front matter, <name>.history.yaml) and builds out/<slug>-ed<N>.*;
        --rebuild N rebuilds a released edition and checks its sha256.
diff    The words changed since a released edition (--html FILE for a page with <del>/<ins>).

Settings may also live in chapkhana.config.json (contentDir, outDir, lang, dir, latinLang,
renderTimeoutMs, formats). Exit code 0 only when every edition was written.`

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command = 'build', ...rest] = argv[0]?.startsWith('-') ? ['build', ...argv] : argv
  if (argv.includes('--help') || argv.includes('-h') || command === 'help') {
    process.stdout.write(`${HELP}\n`)
    return 0
  }
  if (argv.includes('--version')) {
    process.stdout.write(`${VERSION}\n`)
    return 0
  }
  if (command === 'lint') {
    const config = resolveConfig(await loadProjectConfig(process.cwd()))
    return lintCommand([...rest], {
      contentDir: config.contentDir,
      ...(config.lang ? { lang: config.lang } : {}),
      ...(config.proofing ? { severity: config.proofing } : {})
    })
  }
  if (command === 'release') return releaseCommand(rest)
  if (command === 'diff') return diffCommand(rest)
  if (command !== 'build') throw new ConfigError(`unknown command ${JSON.stringify(command)}; see chapkhana --help`)
  const { values, positionals } = parseArgs({
    args: [...rest],
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      lang: { type: 'string' },
      dir: { type: 'string' },
      format: { type: 'string' },
      timeout: { type: 'string' }
    }
  })
  const project = await loadProjectConfig(process.cwd())
  const config = resolveConfig({
    ...project,
    ...(values.out ? { outDir: values.out } : {}),
    ...(values.lang ? { lang: values.lang } : {}),
    ...(values.dir ? { dir: values.dir } : {}),
    ...(values.format ? { formats: values.format.split(',') } : {}),
    ...(values.timeout ? { renderTimeoutMs: Number(values.timeout) } : {})
  })
  return buildCommand(positionals, config)
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`chapkhana: ${message}\n`)
  process.exitCode = error instanceof ConfigError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : 1
}
