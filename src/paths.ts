/**
 * Where chapkhana's own files are, whether it runs from `src/` (tsx) or
 * from the compiled `dist/src/`: the nearest folder upwards holding its
 * package.json.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const pkg = path.join(dir, 'package.json')
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'chapkhana') return dir
    const up = path.dirname(dir)
    if (up === dir) throw new Error('chapkhana: cannot find its own package.json above ' + fileURLToPath(import.meta.url))
    dir = up
  }
}

/** The folder of chapkhana's package.json. */
export const PACKAGE_ROOT: string = findRoot()
