/**
 * Ace by DAISY, the accessibility checker publishers and libraries use, with
 * the system Chromium. Several EPUBs are checked in one process with one
 * browser (ace/batch.cjs drives ace-core, the library behind `ace-puppeteer`,
 * with the same options), so a corpus pays for Node, Ace's modules and
 * Chromium once instead of once per EPUB.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './paths.ts'
import { findChromium } from '../../src/browser/launch.ts'
import { traceEvent } from './trace.ts'

/** One failed Ace by DAISY check. */
export interface AceViolation {
  readonly file: string
  readonly rule: string
  readonly impact: string
  readonly description: string
}

/** Ace's verdict on one EPUB: the overall outcome, every failed check, and where its report is. */
export interface AceResult {
  readonly outcome: string
  readonly violations: AceViolation[]
  readonly report: string
}

interface Assertion {
  'earl:result': { 'earl:outcome': string; 'dct:description'?: string }
  'earl:test'?: { 'dct:title'?: string; 'earl:impact'?: string }
  'earl:testSubject'?: { url?: string }
  assertions?: Assertion[]
}

/** Every assertion of Ace's `report.json` whose outcome is `fail`. */
function readReport(reportPath: string): AceResult {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { 'earl:result': { 'earl:outcome': string }; assertions: Assertion[] }
  const violations: AceViolation[] = []
  const walk = (list: readonly Assertion[], file: string): void => {
    for (const a of list) {
      const here = a['earl:testSubject']?.url ?? file
      if (a['earl:result']['earl:outcome'] === 'fail' && a['earl:test']) {
        violations.push({ file: here, rule: a['earl:test']['dct:title'] ?? '?', impact: a['earl:test']['earl:impact'] ?? '?', description: a['earl:result']['dct:description'] ?? '' })
      }
      walk(a.assertions ?? [], here)
    }
  }
  walk(report.assertions, '')
  return { outcome: report['earl:result']['earl:outcome'], violations, report: reportPath }
}

/**
 * Run Ace on every `[epub, outDir]` pair with one browser; each report goes
 * to its `outDir`. Results in the order given: an Error, with what Ace
 * printed, for an EPUB that got no report.
 */
export function aceAll(pairs: readonly (readonly [epub: string, outDir: string])[]): (AceResult | Error)[] {
  const absolute = pairs.map(([epub, outDir]) => [path.resolve(epub), path.resolve(outDir)] as const)
  // A report left by an earlier run must never pass for this one's.
  for (const [, outDir] of absolute) rmSync(path.join(outDir, 'report.json'), { force: true })
  const started = performance.now()
  const r = spawnSync(process.execPath, [path.join(ROOT, 'tests', 'helpers', 'ace', 'batch.cjs'), JSON.stringify(absolute)], {
    // The browser chapkhana itself would use (the headless shell when installed: a third of the full browser's start-up).
    env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: findChromium() ?? '/usr/bin/chromium' },
    encoding: 'utf8',
    timeout: 180_000 * Math.max(1, pairs.length)
  })
  traceEvent('ace', pairs.length, (performance.now() - started) / 1000)
  return absolute.map(([epub, outDir]) => {
    const reportPath = path.join(outDir, 'report.json')
    if (!existsSync(reportPath)) return new Error(`Ace wrote no report for ${epub} (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`)
    return readReport(reportPath)
  })
}

/** Run Ace on `epub`; its report goes to `outDir`. Throws when Ace wrote none. */
export function ace(epub: string, outDir: string): AceResult {
  const [result] = aceAll([[epub, outDir]])
  if (result === undefined || result instanceof Error) throw result ?? new Error(`Ace gave no result for ${epub}`)
  return result
}
