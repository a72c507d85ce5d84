/** Paths tests share: the repository, the shared folder beside it, a temp area. */
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SHARED = path.resolve(ROOT, '../shared')
export const SEED = path.join(ROOT, 'content', 'nato-coalition-leadership.md')
export const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js')

/** A fresh temporary folder. */
export function tempDir(prefix = 'chapkhana-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix))
}
