/**
 * The date of a source that names none in its front matter, for the metadata
 * that must carry one (EPUB `dc:date` and `dcterms:modified`, PDF dates):
 * taken from the source's own history, so that it is the date the text was
 * last changed and two builds of the same file agree — never 1970.
 */
import { execFile } from 'node:child_process'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { readHistory } from './history.ts'
import type { FallbackDate } from './meta.ts'

const run = promisify(execFile)

/** The last released edition's date, from `<name>.history.yaml`. */
async function historyDate(filePath: string): Promise<string | undefined> {
  try {
    return (await readHistory(filePath)).at(-1)?.date
  } catch {
    // A damaged history is reported by the commands that use it.
    return undefined
  }
}

/** The committer date of the file's last commit, when git knows the file. */
async function gitDate(filePath: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['log', '-1', '--format=%cs', '--', path.basename(filePath)], { cwd: path.dirname(path.resolve(filePath)), timeout: 10_000 })
    const date = stdout.trim()
    return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined
  } catch {
    // No git, or not a repository: fall through to the file's own time.
    return undefined
  }
}

/**
 * Where a dateless source's metadata date comes from, in order: its released
 * editions' history, git's last commit of the file, the time it was saved.
 */
export async function dateOfSource(filePath: string): Promise<FallbackDate> {
  const fromHistory = await historyDate(filePath)
  if (fromHistory) return { date: fromHistory, from: 'history' }
  const fromGit = await gitDate(filePath)
  if (fromGit) return { date: fromGit, from: 'git' }
  try {
    return { date: (await stat(filePath)).mtime.toISOString().slice(0, 10), from: 'mtime' }
  } catch {
    return { date: new Date().toISOString().slice(0, 10), from: 'clock' }
  }
}
