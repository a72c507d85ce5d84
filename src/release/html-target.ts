/**
 * Where `diff --html FILE` may write. The page is a new file of its own: a
 * typo such as `diff a.md --html a.md` must never replace the article (or its
 * history) with HTML, so the target is checked before anything is read or
 * written.
 */
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { historyPath } from '../source/history.ts'
import { failure } from '../util/failure.ts'
import { isWithin } from '../util/inside.ts'

/** The real path of `file`, following links; for a file not yet there, its folder's real path plus its name. */
async function realTarget(file: string): Promise<string> {
  const absolute = path.resolve(file)
  try {
    return await realpath(absolute)
  } catch {
    const folder = await realpath(path.dirname(absolute)).catch(() => path.dirname(absolute))
    return path.join(folder, path.basename(absolute))
  }
}

/** Device and inode, to catch the same file under two names (hard links). */
async function identity(file: string): Promise<string | undefined> {
  const s = await stat(file).catch(() => undefined)
  return s ? `${s.dev}:${s.ino}` : undefined
}

/**
 * Refuse an `--html` target that is not a new `.html` page outside the
 * content folder: the article itself (by any name or link), its history, any
 * Markdown or YAML source, or a file inside `contentDir`.
 */
export async function checkHtmlTarget(target: string, article: string, contentDir: string): Promise<void> {
  const refuse = (why: string): never => {
    throw failure('html-target', `--html ${target}: ${why}; nothing was written. Name a new .html file outside ${contentDir}/, e.g. --html ${path.basename(article).replace(/\.(md|markdown)$/i, '')}-diff.html`)
  }
  if (!/\.x?html?$/i.test(target)) refuse('the page must be a .html file')
  const real = await realTarget(target)
  const id = await identity(real)
  for (const source of [article, historyPath(article)]) {
    const other = await realTarget(source)
    if (real === other || (id !== undefined && id === (await identity(other)))) refuse(`that is ${source} itself`)
  }
  if (isWithin(await realTarget(contentDir), real)) refuse(`it is inside the content folder ${contentDir}/, where every file is a source`)
}
