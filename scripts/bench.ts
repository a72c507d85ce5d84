/**
 * `npm run bench`: chapkhana's cold full edition (EPUB + PDF, fresh process)
 * of the seed article against the pipelines people use instead, measured in
 * the same run: pandoc → EPUB, and pandoc → HTML → Chromium print-to-pdf.
 * Prints medians of several runs and the ratio chapkhana/peer.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SEED = path.join(ROOT, 'content', 'nato-coalition-leadership.md')
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const tmp = mkdtempSync(path.join(os.tmpdir(), 'chapkhana-bench-'))

function time(cmd: string, args: readonly string[]): number {
  const start = performance.now()
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
  const ms = performance.now() - start
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`)
  return ms
}

function median(work: () => number): number {
  const samples = Array.from({ length: RUNS }, work).sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)] ?? NaN
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p))
const rows: [string, number][] = []

const ours = median(() => time(process.execPath, [path.join(ROOT, 'dist', 'src', 'cli', 'main.js'), 'build', '--out', tmp, SEED]))
rows.push(['chapkhana: article, cold EPUB + PDF', ours])

if (has('pandoc')) {
  const epub = median(() => time('pandoc', [SEED, '-o', path.join(tmp, 'peer.epub')]))
  rows.push(['pandoc EPUB', epub])
  if (chromium) {
    const html = path.join(tmp, 'peer.html')
    const pdf = median(
      () =>
        time('pandoc', [SEED, '-s', '-o', html, '--metadata', 'title=peer']) +
        time(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', `--print-to-pdf=${path.join(tmp, 'peer.pdf')}`, '--no-pdf-header-footer', `file://${html}`])
    )
    rows.push(['pandoc HTML → Chromium PDF', pdf])
    rows.push(['peers together (EPUB + PDF)', epub + pdf])
  }
}

const { benchLint } = await import('../src/proofing/bench.ts')
const lint = await benchLint()
rows.push([`chapkhana lint: all of ../shared/corpora (${lint.files} files)`, lint.ms])

const width = Math.max(...rows.map(([name]) => name.length))
process.stdout.write(`median of ${RUNS} runs on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'})\n`)
for (const [name, ms] of rows) {
  const peer = name.includes('pandoc') || name.startsWith('peers')
  const ratio = !peer ? '' : `   chapkhana/peer ${(ours / ms).toFixed(2)}`
  process.stdout.write(`${name.padEnd(width)}  ${(ms / 1000).toFixed(3)} s${ratio}\n`)
}
if (!has('pandoc')) process.stdout.write('pandoc is not installed: peer pipelines skipped (apt-get install pandoc)\n')
