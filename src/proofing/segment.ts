/**
 * The prose of a document as the rules see it: one "segment" per paragraph,
 * heading or table cell, made only of the characters of its text nodes, each
 * mapped back to its place in the source. Code, HTML, URLs and the like are
 * one opaque character (U+FFFC) so that a rule can see that something stands
 * there but can neither read nor change it; Markdown syntax (`**`, `[`, `> `)
 * is left out altogether so that `"**وشە**"` still reads as a quotation.
 */
import type { Nodes, Root } from 'mdast'
import { OPAQUE } from './chars.ts'

/** A run of prose with, for each of its characters, where it is in the source. */
export interface Segment {
  readonly text: string
  readonly start: Int32Array
  readonly end: Int32Array
  /** 1 where the character may be changed by a fix. */
  readonly editable: Uint8Array
}

/** Character references: opaque, so `&quot;` is never "fixed" into `«quot;`. */
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y
/** URLs and e-mail addresses that Markdown left as plain text. */
const URLISH = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s\uFFFC]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi
const ASCII_PUNCT = /[!-/:-@[-`{-~]/

/** End of the character reference starting at `at`, or -1. */
function referenceEnd(src: string, at: number): number {
  REFERENCE.lastIndex = at
  return REFERENCE.test(src) ? REFERENCE.lastIndex : -1
}

/** Characters of a text node's source that are not simply themselves. */
const SPECIAL = /[\\&\r\n]/g

/**
 * Accumulates one segment. Every view character uses at least one source
 * character, so arrays as long as the block's source always suffice.
 */
class Builder {
  readonly pieces: string[] = []
  readonly starts: Int32Array
  readonly ends: Int32Array
  readonly editable: Uint8Array
  length = 0
  constructor(
    readonly source: string,
    capacity: number
  ) {
    this.starts = new Int32Array(capacity)
    this.ends = new Int32Array(capacity)
    this.editable = new Uint8Array(capacity)
  }

  push(char: string, start: number, end: number, editable: boolean): void {
    const k = this.length++
    this.pieces.push(char)
    this.starts[k] = start
    this.ends[k] = end
    this.editable[k] = editable ? 1 : 0
  }

  /** Add source characters `from`–`to` as themselves, all editable. */
  plain(from: number, to: number): void {
    if (to <= from) return
    this.pieces.push(this.source.slice(from, to))
    for (let i = from, k = this.length; i < to; i++, k++) {
      this.starts[k] = i
      this.ends[k] = i + 1
    }
    this.editable.fill(1, this.length, this.length + to - from)
    this.length += to - from
  }

  /** Add the source of a text node, undoing escapes, line prefixes and references. */
  text(start: number, end: number): void {
    const src = this.source
    let i = start
    SPECIAL.lastIndex = start
    for (let m = SPECIAL.exec(src); m && m.index < end; m = SPECIAL.exec(src)) {
      if (m.index < i) continue
      this.plain(i, m.index)
      i = m.index
      const c = src.charCodeAt(i)
      if (c === 0x5c && i + 1 < end && ASCII_PUNCT.test(src.charAt(i + 1))) {
        // `\"` is a quotation mark to the reader; replacing both characters is safe.
        this.push(src.charAt(i + 1), i, i + 2, true)
        i += 2
      } else if (c === 0x26 && referenceEnd(src, i) > i) {
        const next = referenceEnd(src, i)
        this.push(OPAQUE, i, next, false)
        i = next
      } else if (c === 0x0a || c === 0x0d) {
        const next = c === 0x0d && src.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1
        this.push('\n', i, next, false)
        i = next
        // Container prefixes of the next line (`> `, list indentation) are not prose.
        while (i < end && /[ \t>]/.test(src.charAt(i))) i++
      } else {
        this.plain(i, i + 1)
        i++
      }
      SPECIAL.lastIndex = i
    }
    this.plain(i, end)
  }

  finish(): Segment {
    const n = this.length
    const editable = this.editable.subarray(0, n)
    const text = this.pieces.join('').replace(URLISH, (url, at: number) => {
      editable.fill(0, at, at + url.length)
      return OPAQUE.repeat(url.length)
    })
    return { text, start: this.starts.subarray(0, n), end: this.ends.subarray(0, n), editable }
  }
}

/** Add the phrasing content `node` to `b`. */
function addPhrasing(b: Builder, node: Nodes): void {
  const pos = node.position
  const start = pos?.start.offset
  const end = pos?.end.offset
  // Zero-width nodes have nothing to show, and the view must not outgrow its source.
  if (start === undefined || end === undefined || end <= start) return
  switch (node.type) {
    case 'text':
      b.text(start, end)
      return
    case 'break':
      b.push('\n', start, end, false)
      return
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'linkReference':
      for (const child of node.children) addPhrasing(b, child)
      return
    case 'link': {
      // An autolink's text is its URL: `<https://…>` or a bare GFM `www.…`.
      const only = node.children.length === 1 ? node.children[0] : undefined
      const auto = b.source.charAt(start) === '<' || (only?.position?.start.offset === start && only.position.end.offset === end)
      if (auto) b.push(OPAQUE, start, end, false)
      else for (const child of node.children) addPhrasing(b, child)
      return
    }
    default:
      // inlineCode, html, image, footnoteReference and anything unknown.
      b.push(OPAQUE, start, end, false)
  }
}

/** The prose segments of a Markdown tree parsed from `source`. */
export function proseSegments(tree: Root, source: string): Segment[] {
  const out: Segment[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const b = new Builder(source, (node.position?.end.offset ?? 0) - (node.position?.start.offset ?? 0))
      for (const child of node.children) addPhrasing(b, child)
      if (b.length > 0) out.push(b.finish())
      return
    }
    // Code, HTML, YAML, definitions and math are not prose.
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(tree)
  return out
}

/** A segment for a raw slice of the source (a front matter value). */
export function rawSegment(source: string, start: number, end: number): Segment {
  const n = end - start
  const starts = new Int32Array(n)
  const ends = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    starts[i] = start + i
    ends[i] = start + i + 1
  }
  return { text: source.slice(start, end), start: starts, end: ends, editable: new Uint8Array(n).fill(1) }
}
