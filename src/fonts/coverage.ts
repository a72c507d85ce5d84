/**
 * Characters no bundled face can set. Every output embeds chapkhana's own
 * faces so that it looks the same everywhere; a character none of them has
 * (Hebrew, Greek, emoji…) is drawn by whatever font the reading system or
 * Chromium finds on the machine, or as an empty box. One check for the tree
 * every rendering (EPUB, PDF, reader page) is made from, run once per source
 * file as a plugin, so each warning names the file, line and column of the
 * first occurrence.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Element, Root, Text } from 'hast'
import type * as Fontkit from 'fontkit'
import type { VFile } from 'vfile'
import { BOLD, ITALIC } from './faces-used.ts'
import { BOOK_FONT, type FontFace } from './fonts.ts'

/** One script's characters that no face has, with where they first occur. */
export interface Uncovered {
  /** `Hebrew`, `Greek`, `emoji`, … */
  readonly script: string
  /** The distinct characters, in order of first occurrence. */
  readonly chars: string[]
  /** How many times they occur. */
  count: number
  readonly place?: { readonly line: number; readonly column: number }
}

/** A face's code points, and a pattern that finds any other visible character (a native scan: a 10 MB text is read in a blink). */
interface Charset {
  readonly has: ReadonlySet<number>
  readonly other: RegExp
}

const charsets = new Map<string, Charset>()

// Not drawn with a glyph of their own: spaces, controls, bidi and joiner
// controls, variation selectors.
const INVISIBLE_CLASS = '\\s\\p{Cc}\\p{Cf}\\uFE00-\\uFE0F\\u{E0100}-\\u{E01EF}'
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'u')

/**
 * The code points of each bundled face, by the SHA-256 of its file, as
 * ranges: read with fontkit by scripts/bundle.mjs (`charsetTable`) and
 * written into the bundled command (esbuild's `define`); undefined in the
 * compiled modules and under tsx. Importing fontkit cost every build 80 ms
 * or more on its critical path (the seed, medians of 7 and 8 interleaved
 * runs: 2.43 → 2.35 s and 2.42 → 2.17 s), for a list that changes only
 * with the fonts.
 */
declare const CHAPKHANA_FACE_CHARSETS: CharsetTable | undefined

/** Code points of font files, by the SHA-256 of their bytes, as inclusive [first, last] ranges. */
export type CharsetTable = Readonly<Record<string, readonly (readonly [number, number])[]>>

const require = createRequire(import.meta.url)

/** The code points fontkit reads from `file`, sorted, once each. Loaded only when asked: see `CHAPKHANA_FACE_CHARSETS`. */
function fontkitPoints(file: string): number[] {
  const fontkit = require('fontkit') as typeof Fontkit
  return [...new Set((fontkit.openSync(file) as Fontkit.Font).characterSet)].sort((a, b) => a - b)
}

/** Sorted code points as inclusive ranges. */
function rangesOf(points: readonly number[]): [number, number][] {
  const ranges: [number, number][] = []
  for (const p of points) {
    const last = ranges.at(-1)
    if (last && p === last[1] + 1) last[1] = p
    else ranges.push([p, p])
  }
  return ranges
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

/** The table of `files`' code points, read with fontkit (scripts/bundle.mjs writes it into the bundle). */
export function charsetTable(files: readonly string[]): CharsetTable {
  return Object.fromEntries(files.map((file) => [sha256(file), rangesOf(fontkitPoints(file))]))
}

/**
 * The code points of `face`'s file: from `table` when it lists the file's
 * bytes (a font changed since the bundle was made is read again), else
 * read by `read` (fontkit).
 */
export function facePoints(face: FontFace, table: CharsetTable | undefined = typeof CHAPKHANA_FACE_CHARSETS === 'undefined' ? undefined : CHAPKHANA_FACE_CHARSETS, read: (file: string) => number[] = fontkitPoints): number[] {
  const ranges = table?.[sha256(face.file)]
  if (!ranges) return read(face.file)
  return ranges.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i))
}

/** The code points `face` has a glyph for, read once per process. */
function charset(face: FontFace): Charset {
  let set = charsets.get(face.file)
  if (!set) {
    const points = facePoints(face)
    const cp = (n: number): string => `\\u{${n.toString(16)}}`
    const ranges = rangesOf(points).map(([first, last]) => (first === last ? cp(first) : `${cp(first)}-${cp(last)}`))
    set = { has: new Set(points), other: new RegExp(`[^${ranges.join('')}${INVISIBLE_CLASS}]`, 'u') }
    charsets.set(face.file, set)
  }
  return set
}
const SCRIPTS = ['Hebrew', 'Greek', 'Cyrillic', 'Armenian', 'Georgian', 'Syriac', 'Thaana', 'Devanagari', 'Bengali', 'Thai', 'Ethiopic', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Latin', 'Arabic']
const SCRIPT_RE = SCRIPTS.map((name) => ({ name, re: new RegExp(`\\p{Script=${name}}`, 'u') }))

/** A name for the kind of character `c` is, for the message. */
export function scriptOf(c: string): string {
  if (/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}/u.test(c)) return 'emoji'
  return SCRIPT_RE.find((s) => s.re.test(c))?.name ?? 'symbol'
}

/** Line and column of the character at `offset` in `node` (whose value starts at its position). */
function placeIn(node: Text, offset: number): { line: number; column: number } | undefined {
  const start = node.position?.start
  if (!start) return undefined
  const before = node.value.slice(0, offset)
  const lines = before.split('\n')
  return lines.length === 1 ? { line: start.line, column: start.column + offset } : { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 }
}

/**
 * Every character of `tree`'s text that the face setting it lacks, grouped by
 * script. A walk of its own rather than `visitParents`: that one hands every
 * text its ancestors as a new array, and finding each text's face from them
 * cost 76 ms of the 50-chapter book's parse (51 documents), while both cores
 * were busy; the face is carried down instead (`BOLD`, `ITALIC` as
 * `faces-used.ts` has them), and a footnote's way back is skipped whole.
 */
export function uncoveredCharacters(tree: Root, faces: readonly FontFace[] = BOOK_FONT.faces): Uncovered[] {
  const groups = new Map<string, Uncovered>()
  const face = (bold: boolean, italic: boolean): FontFace => faces.find((f) => f.weight === (bold ? 700 : 400) && f.style === (italic ? 'italic' : 'normal')) ?? faces[0]!
  // Regular, italic, bold, bold italic: each face's code points read when a text first needs them.
  const sets: (Charset | undefined)[] = []
  const setOf = (bold: boolean, italic: boolean): Charset => (sets[(bold ? 2 : 0) + (italic ? 1 : 0)] ??= charset(face(bold, italic)))
  const check = (node: Text, set: Charset, parent: Root | Element): void => {
    if (!set.other.test(node.value)) return
    let offset = 0
    for (const c of node.value) {
      const here = offset
      offset += c.length
      if (set.has.has(c.codePointAt(0)!) || INVISIBLE.test(c)) continue
      const script = scriptOf(c)
      let group = groups.get(script)
      if (!group) {
        const place = placeIn(node, here) ?? parent.position?.start
        group = { script, chars: [], count: 0, ...(place ? { place: { line: place.line, column: place.column } } : {}) }
        groups.set(script, group)
      }
      if (!group.chars.includes(c)) group.chars.push(c)
      group.count++
    }
  }
  const walk = (parent: Root | Element, bold: boolean, italic: boolean): void => {
    for (const child of parent.children) {
      if (child.type === 'text') check(child, setOf(bold, italic), parent)
      // GFM's "↩" back-links are not the author's text: every rendering replaces them.
      else if (child.type === 'element' && child.properties.dataFootnoteBackref === undefined) walk(child, bold || BOLD.has(child.tagName), italic || ITALIC.has(child.tagName))
    }
  }
  walk(tree, false, false)
  return [...groups.values()]
}

const hex = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/** The warning for one group: what, how often, and what to do. */
export function coverageReason(group: Uncovered, faceName: string = BOOK_FONT.displayName): string {
  const shown = group.chars.slice(0, 12)
  const more = group.chars.length > shown.length ? ` and ${group.chars.length - shown.length} more` : ''
  return (
    `${group.script === 'emoji' ? 'Emoji' : `${group.script} characters`} «${shown.join(' ')}» (${shown.map(hex).join(' ')}${more}) are in no typeface chapkhana bundles (${faceName}): ` +
    `e-readers and the PDF would set them in whatever font the machine has, or as empty boxes (${group.count} in all, the first here). ` +
    'Write them another way (a transliteration, a word), or leave them out'
  )
}

/** The plugin: one warning per script whose characters no bundled face has. */
export default function rehypeFontCoverage() {
  return (tree: Root, file: VFile): void => {
    for (const group of uncoveredCharacters(tree)) {
      file.message(coverageReason(group), { ...(group.place ? { place: group.place } : {}), ruleId: 'font-coverage', source: 'chapkhana' })
    }
    // The title is set (in bold) on the title page, the cover and every running head.
    const title = file.data.meta?.title
    const heading: Root = { type: 'root', children: [{ type: 'element', tagName: 'h1', properties: {}, children: [{ type: 'text', value: title ?? '' }] }] }
    for (const group of title ? uncoveredCharacters(heading) : []) {
      file.message(`In the title (front matter): ${coverageReason(group).replace(', the first here', '')}`, { ruleId: 'font-coverage', source: 'chapkhana' })
    }
  }
}
