/**
 * The native-engine reference line of `npm run bench`: Typst's compiler
 * (the npm package @myriaddreamin/typst-ts-node-compiler, a native addon)
 * typesetting the same texts to an A4 PDF from a fresh process
 * (`typst-run.mjs`). It makes no EPUB, no cover and no reader page and keeps
 * only headings, paragraphs, bold and notes: a lower bound, not a peer.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { measure, median } from './measure.ts'

const RUNNER = fileURLToPath(new URL('./typst-run.mjs', import.meta.url))

/** One text to typeset and chapkhana's cold time on it. */
export interface ReferenceInput {
  readonly name: string
  readonly files: readonly string[]
  readonly lang: string
  readonly ours: number
}

/** The reference line, or why there is none. */
export async function typstReference(work: string, inputs: readonly ReferenceInput[], runs: number): Promise<string> {
  let version: string
  try {
    const pkg = createRequire(import.meta.url).resolve('@myriaddreamin/typst-ts-node-compiler/package.json')
    version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version
  } catch {
    return 'native engine: @myriaddreamin/typst-ts-node-compiler is not installed (npm ci installs it as a dev dependency); no reference this run'
  }
  const parts: string[] = []
  for (const input of inputs) {
    const dir = mkdtempSync(path.join(work, 'typst-'))
    const pdf = path.join(dir, 'typst.pdf')
    try {
      const timed = await median(runs, () => measure(process.execPath, [RUNNER, pdf, input.lang, ...input.files]))
      const run = { ...timed, peakMiB: (await measure(process.execPath, [RUNNER, pdf, input.lang, ...input.files], { memory: true })).peakMiB }
      const pages = /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? '?'
      parts.push(`${input.name} ${(run.ms / 1000).toFixed(2)} s, CPU ${(run.cpuMs / 1000).toFixed(2)} s (${pages} pages, ${Math.round(run.peakMiB)} MiB; chapkhana EPUB + PDF + page ${(input.ours / run.ms).toFixed(1)}× that)`)
    } catch (error) {
      parts.push(`${input.name}: failed (${(error as Error).message.split('\n')[0]})`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return `native engine for reference (Typst via @myriaddreamin/typst-ts-node-compiler ${version}, PDF only, fresh process): ${parts.join('; ')}`
}
