// Ace by DAISY on several EPUBs with one browser: the same checks and reports
// as `ace-puppeteer --silent --force -o OUTDIR EPUB` for each [EPUB, OUTDIR]
// pair of the JSON array in argv[2], in turn. ace-core launches and closes
// its axe runner's browser around every EPUB; here the first launch is kept
// until the last EPUB is checked (a Chromium start costs about 1–2 s of CPU).
// Exit 1 when any EPUB could not be checked (its report is then missing).
'use strict'
// Ace gives Chromium 5 s to start, which a loaded 2-core machine misses.
process.env.ACE_TIMEOUT_INITIAL ??= '120000'
const ace = require('@daisy/ace-core')
const logger = require('@daisy/ace-logger')
const runner = require('@daisy/ace-axe-runner-puppeteer')

const pairs = JSON.parse(process.argv[2])
let launched = null
const shared = {
  ...runner,
  launch: () => (launched ??= runner.launch()),
  close: async () => {}
}

async function main() {
  logger.initLogger({ verbose: false, silent: true, fileName: 'ace-cli.log' })
  let failed = 0
  for (const [epub, outdir] of pairs) {
    try {
      await ace(epub, { cwd: process.cwd(), outdir, verbose: false, silent: true, jobId: '' }, shared)
    } catch (error) {
      failed++
      process.stderr.write(`Ace could not check ${epub}: ${error && error.message ? error.message : error}\n`)
    }
  }
  if (launched) await launched.then(() => runner.close(), () => {})
  return failed
}

main().then(
  (failed) => process.exit(failed > 0 ? 1 : 0),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`)
    process.exit(1)
  }
)
