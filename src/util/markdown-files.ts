/**
 * Every Markdown file (or folder) below a folder, for `lint` and `watch`. Written out
 * rather than `readdir(…, { recursive: true })`, which follows symbolic
 * links to folders without remembering where it has been: a link to `..`
 * makes it walk the same folders again and again, four such links grow the
 * list without end until memory runs out. Here a folder is entered once per
 * real path, whatever links lead to it.
 */
import { readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'

/** Folders never searched for articles: version control and dependencies (hidden folders neither). */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn'])

/** What a walk found: the folders entered (`root` first) and the Markdown files. */
interface Walked {
  readonly folders: string[]
  readonly files: string[]
}

/** Walk `root`, entering each real folder once, never a hidden one or one in `SKIPPED`. */
async function walkFrom(root: string): Promise<Walked> {
  const seen = new Set<string>()
  const found: string[] = []
  const folders: string[] = []
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir).catch(() => undefined)
    if (real === undefined || seen.has(real)) return
    seen.add(real)
    folders.push(dir)
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      // A link is judged by what it points at (a dangling one is skipped).
      const kind = entry.isSymbolicLink() ? await stat(full).catch(() => undefined) : entry
      if (!kind) continue
      if (kind.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.')) await walk(full)
      } else if (kind.isFile() && /\.(md|markdown)$/i.test(entry.name)) found.push(full)
    }
  }
  await walk(root)
  return { folders, files: found }
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Paths (under `root`, as `root` is written) of every `.md`/`.markdown` file below it, sorted. */
export async function markdownFilesUnder(root: string): Promise<string[]> {
  return (await walkFrom(root)).files.sort(byName)
}

/** `root` and every folder below it (as `markdownFilesUnder` enters them), for `watch`. */
export async function foldersUnder(root: string): Promise<string[]> {
  return (await walkFrom(root)).folders
}
