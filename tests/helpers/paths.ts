/** Paths tests share: the repository, the corpora copied into it, a temp area. */
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PACKAGE_ROOT } from '../../src/paths.ts'

/**
 * The repository: the nearest folder above with chapkhana's package.json.
 * Found, not counted in `..`: `npm test` runs the tests bundled into
 * tests/.tmp/js (scripts/build-tests.mjs) as well as from source.
 */
export const ROOT = PACKAGE_ROOT
/**
 * The real texts tests read, copied into the repository with their licences
 * (`tests/corpora/README.md`), so a clone anywhere has them: `muqtabas/`,
 * `documentation-kurdish/`, `seed/article.txt`.
 */
export const CORPORA = path.join(ROOT, 'tests', 'corpora')
export const SEED = path.join(ROOT, 'content', 'nato-coalition-leadership.md')
/**
 * The command the tests run: `bin/chapkhana.js`, as users do, which runs the
 * bundle (dist/bundle, made by `npm run build:ts`): each run resolves a few
 * files instead of hundreds (0.6 s of CPU less per build of the seed).
 */
export const CLI = path.join(ROOT, 'bin', 'chapkhana.js')
/** The compiled modules the bundle is made from (cli-start.test.ts runs both). */
export const COMPILED_CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js')

/** A fresh temporary folder. */
export function tempDir(prefix = 'chapkhana-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix))
}
