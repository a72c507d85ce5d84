/**
 * The one test of "does this path stay inside that folder", used wherever a
 * document or a request could try to reach out (images, chapters, the browser
 * lock, the preview server). Both paths must be absolute and resolved.
 */
import path from 'node:path'

/** Is `file` `root` itself or anything below it? */
export function isWithin(root: string, file: string): boolean {
  const rel = path.relative(root, file)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
}

/** Is `file` strictly below `root` (a file in it, not the folder itself)? */
export function isBelow(root: string, file: string): boolean {
  return path.relative(root, file) !== '' && isWithin(root, file)
}
