/** Shared by the hardening tests: articles on disk, hashes, folder listings, Chromium counts. */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { tempDir } from '../helpers/paths.ts'

/** Front matter of a small Sorani article. */
export const FRONT = '---\ntitle: "تاقیکردنەوە"\nlang: ckb\ndate: 2026-11-24\n---\n\n'

/** A body of a few paragraphs. */
export const BODY = '# سەرەتا\n\nئەمە دەقێکی کورتە بۆ تاقیکردنەوە.\n\n## بەشی دووەم\n\nدەقی زیاتر لێرەدایە.\n'

/** Write `files` (name → content) into a fresh folder; returns the folder. */
export function articleDir(files: Readonly<Record<string, string | Buffer>>, prefix = 'chapkhana-hard-'): string {
  const dir = tempDir(prefix)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), content)
  }
  return dir
}

/** sha256 of a file. */
export function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** Name → sha256 of every entry in `dir` (hidden ones included). */
export function snapshot(dir: string): Record<string, string> {
  // Every file below `dir` (the reader pages keep their fonts in assets/).
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort()
      .map((n) => [n, sha(path.join(dir, n))])
  )
}

/** Command lines of running Chromium processes that contain `marker`. */
export function chromiumWith(marker: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
  return ps.split('\n').filter((l) => /chrom/i.test(l) && l.includes(marker))
}
