/**
 * `chapkhana lint [args…]` on its own: what `main` does for `lint` (the
 * SOURCE_DATE_EPOCH check, the project's settings, the report of a failure),
 * bundled alone as one CommonJS file (scripts/bundle.mjs: dist/bundle/lint.cjs)
 * that bin/chapkhana.js loads with V8's code cache. Node 20 caches the
 * compiled code of no ES module (`module.enableCompileCache` came in Node
 * 22); a CommonJS script it can (`vm.Script`'s `cachedData`).
 */
import { sourceDateEpoch } from '../config/limits.ts'
import { lintMain } from './lint.ts'
import { reportFailure } from './report.ts'

/** Run `chapkhana lint` with `argv` (the arguments after `lint`); returns the exit code. */
export async function runLint(argv: readonly string[]): Promise<number> {
  try {
    sourceDateEpoch()
    return await lintMain(argv)
  } catch (error) {
    return reportFailure(error, (text) => void process.stderr.write(`${text}\n`))
  }
}
