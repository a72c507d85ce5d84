#!/usr/bin/env node
/**
 * The chapkhana command line. A failure no command reported itself (a bad
 * option, a broken chapkhana.config.json, an unknown command) ends here and
 * is printed by the same report as every other problem (`report.ts`): a
 * fatal message on the config file or the command line, exit code 2 for
 * usage and configuration, 1 for the rest. Commands close their browsers.
 *
 * Each command's modules are imported only when that command runs
 * (`await import`): importing puppeteer, pdf-lib, epub-gen-memory and the
 * Markdown stack up front cost about a second before `--help` could answer.
 */
import { parseArgs } from 'node:util'
import { resolveConfig, configFlags, configFromFlags, OPTION_NAMES } from '../config/schema.ts'
import { failure } from '../util/failure.ts'
import { sourceDateEpoch } from '../config/limits.ts'
import { loadProjectConfig } from '../config/load.ts'
import { VERSION } from '../version.ts'
import { keepYoungGenerationSmall } from '../util/young-generation.ts'

const HELP = `chapkhana ${VERSION}: right-to-left Markdown articles → EPUB 3 and A4 PDF

Usage:
  chapkhana build [files…] [--out DIR] [--lang CODE] [--dir rtl|ltr] [--format epub,pdf,html]
                  [--force] [--jobs N] [--shard I/N] [--timeout MS] [--quiet] [--press]
  chapkhana watch [files…] [same options as build]
  chapkhana preview [files…] [--port N] [same options as build]
  chapkhana lint [files…] [--fix] [--lang CODE]
  chapkhana release <article.md> [--edition N] [--date YYYY-MM-DD] [--press] | --rebuild N <article.md>
  chapkhana diff <article.md> [--from N] [--to M] [--html FILE]
  chapkhana index <out-1> <out-2> … --out DIR [--lang CODE]
  chapkhana --help | --version

build   Builds every article and book in content/ (or the files named) into out/<slug>.epub,
        out/<slug>.pdf and the reader pages (out/<slug>.html and the collection out/index.html),
        skipping editions whose sources, styles and options did not change (--force rebuilds
        them). --format picks among epub, pdf and html (the reader pages); all three by default.
        --lang and --dir fill in what a front matter lacks.
        --jobs N builds N articles at once; --shard I/N builds only the I-th of N shares
        (for a CI matrix); --timeout MS limits one PDF render (one retry).
        A book is a .md file that lists chapters: in its front matter, or a folder with book.md.
        --press also writes out/<slug>-press.pdf, a PDF/X-4 for a print shop: 3 mm bleed around
        the A4 trim, crop marks, sRGB output intent (the regular PDF stays exact A4), and
        out/<slug>-press-cover.pdf, the cover filling trim and bleed, with the same marks.
        Notes print at the foot of the page that cites them: chapkhana lays the text out, reads
        where each reference landed, sets the notes in a ruled block at that page's foot and lays
        out again until every note sits under its reference; a note too long for that page
        continues at the foot of the next, under the rule; notes: end (front matter or config)
        prints them at the end of each chapter instead.
watch   Builds what is out of date, then rebuilds an article's EPUB and PDF each time one of its
        files or a stylesheet is saved, with one browser kept warm. Ctrl-C stops it (exit 0;
        130 when it stops the first build). It watches only the folders the articles use, and
        the folders made in them while it runs (a new book's folder, an images/ folder).
preview Watches as watch does and serves out/ (the download pages out/index.html and
        out/<slug>.html, the editions) on http://127.0.0.1:N/ (default 4780, 0 for any free port),
        reloading open pages after every rebuild.
lint    Checks Sorani (and Arabic/Persian) orthography and typography; --fix rewrites the prose.
release Records a new edition (front matter, <name>.history.yaml) and builds out/<slug>-ed<N>.*
        (the --format asked for), then refreshes the reader pages when html is among them;
        --rebuild N rebuilds a released edition and checks its sha256; --press also releases
        out/<slug>-ed<N>-press.pdf and -press-cover.pdf (and out/<slug>-press*.pdf).
diff    The words changed since a released edition (--html FILE for a page with <del>/<ins>).
index   Assembles the output folders of --shard builds into one reader site in DIR: their files,
        and one collection page listing every article.

Settings may also live in chapkhana.config.json (${OPTION_NAMES.join(', ')}).
Problems print in one report (file, line:column, what to do, the kind of problem).
Exit code 0 only when every edition was written (lint: when nothing was found); 1 when anything
failed; 2 for a bad option, command or chapkhana.config.json.`

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
  // Checked before any work: every command may stamp this time into a file.
  sourceDateEpoch()
  // bin/chapkhana.js runs `lint` from its own bundle (lint-main.ts) when it can; this is the same.
  if (command === 'lint') return (await import('./lint.ts')).lintMain(rest)
  if (command === 'release') return (await import('./release.ts')).releaseCommand(rest)
  if (command === 'diff') return (await import('./diff.ts')).diffCommand(rest)
  if (command === 'index') return (await import('./index.ts')).indexCommand(rest)
  if (command !== 'build' && command !== 'watch' && command !== 'preview') throw failure('usage', `unknown command ${JSON.stringify(command)}; see chapkhana --help`)
  const { values, positionals } = parseArgs({
    args: [...rest],
    allowPositionals: true,
    options: {
      // --out, --lang, --dir, --format, --timeout, --jobs, --press: from the config schema.
      ...configFlags(),
      shard: { type: 'string' },
      force: { type: 'boolean' },
      port: { type: 'string' },
      quiet: { type: 'boolean' }
    }
  })
  const project = await loadProjectConfig(process.cwd())
  const config = resolveConfig({ ...project, ...configFromFlags(values) })
  if (command === 'watch' || command === 'preview') {
    const stop = new AbortController()
    // Loaded before the handlers: a second Ctrl-C must kill synchronously.
    const [{ killBrowsersNow }, { INTERRUPTED }] = await Promise.all([import('../browser/launch.ts'), import('./watch.ts')])
    // The first Ctrl-C stops in order (the build in progress, the browser, its
    // profile); a second one, during that, must not leave the browser's profile behind.
    const onSignal = (): void => {
      if (!stop.signal.aborted) return stop.abort()
      killBrowsersNow()
      process.exit(INTERRUPTED)
    }
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onSignal)
    const log = (line: string): void => void process.stderr.write(`${line}\n`)
    if (command === 'preview') {
      const port = values.port === undefined ? undefined : Number(values.port)
      if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) throw failure('usage', `--port must be a number from 0 to 65535, not ${values.port}`)
      const { previewCommand } = await import('./preview.ts')
      return previewCommand(positionals, config, stop.signal, port === undefined ? {} : { port })
    }
    const [{ watchCommand }, { writeSiteIndex }] = await Promise.all([import('./watch.ts'), import('../writers/site/index-hook.ts')])
    return watchCommand(positionals, config, stop.signal, { log, onBuilt: () => writeSiteIndex(config, log) })
  }
  const shard = values.shard ? (await import('../pipeline/shard.ts')).parseShard(values.shard) : undefined
  const { buildCommand } = await import('./build.ts')
  return buildCommand(positionals, config, {
    ...(values.force ? { force: true } : {}),
    ...(values.quiet ? { quiet: true } : {}),
    ...(shard ? { shard } : {})
  })
}

// Before any command allocates (util/young-generation.ts says why).
keepYoungGenerationSmall()
try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  // Loaded only now: `--help` and a good run never pay for the reporter.
  const { reportFailure } = await import('./report.ts')
  process.exitCode = reportFailure(error, (text) => void process.stderr.write(`${text}\n`))
}
