/**
 * Splitting Markdown prose into paragraphs and word tokens for the edition
 * diff. Unicode-aware: a word is a run of letters, marks and digits (ZWNJ and
 * ZWJ stay inside, as Persian and Sorani spelling needs), and every other
 * visible character, Arabic-script punctuation ، ؛ ؟ « » included, is a token
 * of its own, so a changed comma never hides inside a word.
 */
import { frontMatterExtent } from '../source/front-matter-node.ts'

/** One token with where it sits in the text it came from. */
export interface Token {
  /** The characters as written. */
  readonly text: string
  /** NFC form, compared by the diff (so a re-normalised file is no change). */
  readonly key: string
  /** Offset of the first character in the paragraph text. */
  readonly start: number
  readonly end: number
  /** True for letters/digits, false for punctuation and symbols. */
  readonly word: boolean
}

/** One paragraph of the body: blank-line separated, with its first line. */
export interface Paragraph {
  readonly text: string
  /** 1-based line in the full source (front matter included). */
  readonly line: number
  readonly tokens: readonly Token[]
}

const WORD = String.raw`[\p{L}\p{M}\p{N}\u200C\u200D]+(?:['’\-][\p{L}\p{M}\p{N}\u200C\u200D]+)*`
const TOKEN = new RegExp(`${WORD}|[^\\s\\u200C\\u200D\\u200E\\u200F\\u2066-\\u2069\\uFEFF]`, 'gu')
const IS_WORD = new RegExp(`^${WORD}$`, 'u')

/** The tokens of `text`, whitespace and invisible direction marks dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index
    tokens.push({ text: m[0], key: m[0].normalize('NFC'), start, end: start + m[0].length, word: IS_WORD.test(m[0]) })
  }
  return tokens
}

/** The body of a Markdown source (front matter removed, as the build finds it), and its first line. */
export function bodyOf(source: string): { body: string; line: number } {
  const text = source.replace(/^\uFEFF/, '')
  const extent = frontMatterExtent(text)
  if (!extent) return { body: text, line: 1 }
  return { body: text.slice(extent.end), line: extent.closeLine + 1 }
}

/** The paragraphs of a Markdown source's body, each tokenized. */
export function paragraphsOf(source: string): Paragraph[] {
  const { body, line: first } = bodyOf(source)
  const lines = body.split(/\r?\n/)
  const out: Paragraph[] = []
  let current: string[] = []
  let start = first
  const flush = (): void => {
    if (current.length === 0) return
    const text = current.join('\n')
    out.push({ text, line: start, tokens: tokenize(text) })
    current = []
  }
  for (const [i, l] of lines.entries()) {
    if (l.trim() === '') flush()
    else {
      if (current.length === 0) start = first + i
      current.push(l)
    }
  }
  flush()
  return out
}
