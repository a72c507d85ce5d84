/**
 * Two sources must never share an output or a history file. Checked by
 * `build`, `watch`, `preview` and `release` before anything is written:
 *
 * - slugs are case- and punctuation-folded (`My Piece.md` and `my-piece.md`
 *   are both `my-piece`), so two sources can claim `out/my-piece.*`;
 * - `a.md` and `a.markdown` share `a.history.yaml`;
 * - a slug ending in `-ed<N>` would write over a released edition's files
 *   (`my-piece-ed2.md` → `out/my-piece-ed2.epub`), and one ending in
 *   `-ed<N>-press` or `-ed<N>-press-cover` over its press files: those names
 *   are reserved;
 * - the slug `index` (`_index.md`) would write `out/index.html`, the
 *   collection page.
 */
import { realpathSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { isBookFileName } from '../source/book.ts'
import { slugOf } from '../source/read.ts'
import { historyPath } from '../source/history.ts'
import type { VFileMessage } from 'vfile-message'
import { failure } from '../util/failure.ts'


const MARKDOWN = /\.(md|markdown)$/i

/** Why `slug` cannot be an article's, or undefined when it can. */
export function reservedSlug(slug: string): string | undefined {
  const edition = /-ed(\d+)$/.exec(slug)
  if (edition) return `names ending in "-ed<N>" are reserved for released editions (out/${slug}.epub is edition ${edition[1]} of "${slug.slice(0, edition.index)}")`
  // The press files of a release: out/<slug>-ed<N>-press.pdf and -press-cover.pdf.
  const press = /-ed(\d+)-press(-cover)?$/.exec(slug)
  if (press) return `names ending in "-ed<N>-press" or "-ed<N>-press-cover" are reserved for released editions (out/${slug}.pdf is the press ${press[2] ? 'cover' : 'PDF'} of edition ${press[1]} of "${slug.slice(0, press.index)}")`
  if (slug === 'index') return 'it would write out/index.html, the collection page of every article'
  return undefined
}

const real = (file: string): string => {
  try {
    return realpathSync(file)
  } catch {
    return path.resolve(file)
  }
}

/**
 * The articles beside `source` that `build` would list with it: Markdown
 * files of its folder (of the folder above, for a folder book's `book.md`)
 * and the folder books in it.
 */
async function neighboursOf(source: string): Promise<string[]> {
  const abs = path.resolve(source)
  const folder = isBookFileName(path.basename(abs)) ? path.dirname(path.dirname(abs)) : path.dirname(abs)
  const out: string[] = []
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    if (entry.name.startsWith('.')) continue
    if (entry.isFile() && MARKDOWN.test(entry.name)) out.push(path.join(folder, entry.name))
    else if (entry.isDirectory()) {
      const book = (await readdir(path.join(folder, entry.name)).catch(() => [] as string[])).find(isBookFileName)
      if (book) out.push(path.join(folder, entry.name, book))
    }
  }
  return out
}

/** How far to look. */
export interface CollisionOptions {
  /** Also compare with the articles beside each source (release: another source may have released under the same name). */
  readonly neighbours?: boolean
  /** For messages: the output folder. */
  readonly outDir?: string
  /** `--press`: each source also writes `<slug>-press.pdf` and `<slug>-press-cover.pdf`. */
  readonly press?: boolean
}

/**
 * Every collision of `sources` (with each other, reserved names, and
 * optionally their neighbours): `name-collision` failures on the source
 * named last, their words naming both sources and what to do.
 */
export async function findCollisions(sources: readonly string[], options: CollisionOptions = {}): Promise<VFileMessage[]> {
  const out = options.outDir ?? 'out'
  const problems: VFileMessage[] = []
  for (const source of sources) {
    const slug = slugOf(source)
    const reserved = reservedSlug(slug)
    if (reserved) problems.push(failure('name-collision', `${source}: its name gives the slug "${slug}", and ${reserved}; rename the file`, { file: source }))
  }
  const peers = [...sources]
  if (options.neighbours) for (const source of sources) peers.push(...(await neighboursOf(source)))
  /** What `source` claims: its slug, its history file and, with --press, each PDF by name (`foo-press.md`'s PDF is `foo.md`'s press PDF). */
  const claimsOf = (source: string): { claim: string; role: string }[] => {
    const slug = slugOf(source)
    const named = path.basename(source)
    return [
      { claim: `slug:${slug}`, role: '' },
      { claim: `history:${path.resolve(historyPath(source))}`, role: historyPath(source) },
      ...(options.press
        ? [
            { claim: `pdf:${slug}.pdf`, role: `the PDF of ${named}` },
            { claim: `pdf:${slug}-press.pdf`, role: `the press PDF of ${named}` },
            { claim: `pdf:${slug}-press-cover.pdf`, role: `the press cover of ${named}` }
          ]
        : [])
    ]
  }
  const what = (claim: string, first: string, second: string): string => {
    if (claim.startsWith('slug:')) return `both would be written to ${path.join(out, claim.slice(5))}.epub/.pdf/.html`
    if (claim.startsWith('history:')) return `both would keep their editions in ${second}`
    return `both would write ${path.join(out, claim.slice(4))} (${first} and ${second})`
  }
  const seen = new Map<string, { source: string; real: string; role: string }>()
  const reported = new Set<string>()
  for (const source of peers) {
    const file = real(source)
    for (const { claim, role } of claimsOf(source)) {
      const other = seen.get(claim)
      if (!other) {
        seen.set(claim, { source, real: file, role })
        continue
      }
      const pair = [other.real, file].sort().join('\0')
      if (other.real === file || reported.has(pair)) continue
      reported.add(pair)
      problems.push(failure('name-collision', `${other.source} and ${source}: ${what(claim, other.role, role)}; rename one of them (nothing was written)`, { file: source }))
    }
  }
  return problems
}

/** Throw the first collision of `sources` (a `name-collision` failure), before anything is written. */
export async function assertNoCollisions(sources: readonly string[], options: CollisionOptions = {}): Promise<void> {
  const [first] = await findCollisions(sources, options)
  if (first) throw first
}
