/**
 * The word-level difference between two editions of an article: paragraphs
 * are aligned first (so a long text with one fix costs almost nothing), then
 * the words of the paragraphs that differ.
 */
import { diffSequences } from './edit-script.ts'
import { paragraphsOf, type Paragraph, type Token } from './tokens.ts'

/** One place where words changed: the old words and the new ones (either may be empty). */
export interface Change {
  readonly removed: readonly Token[]
  readonly added: readonly Token[]
  /** The removed words as written (spacing between them kept, runs of space folded). */
  readonly before: string
  readonly after: string
}

/** A paragraph of the new text (or, when deleted, of the old one) with its changes. */
export interface ParagraphChange {
  /** The paragraph as it reads now, or as it read when it was removed. */
  readonly paragraph: Paragraph
  /** 'changed', or a paragraph that only exists on one side. */
  readonly kind: 'changed' | 'added' | 'removed'
  /** Every token of `paragraph` with its part in the diff, in reading order. */
  readonly parts: readonly { readonly token: Token; readonly op: 'equal' | 'delete' | 'insert' }[]
  readonly changes: readonly Change[]
}

/** The whole difference, with the counts the summary line prints. */
export interface TextDiff {
  readonly paragraphs: readonly ParagraphChange[]
  /** Per change, the larger of words removed and words added. */
  readonly wordsChanged: number
}

const samePara = (x: Paragraph, y: Paragraph): boolean => x.tokens.length === y.tokens.length && x.tokens.every((t, i) => t.key === y.tokens[i]?.key)

/** Compare one old paragraph with one new paragraph, word by word. */
function compareParagraphs(old: Paragraph, now: Paragraph): ParagraphChange {
  const ops = diffSequences(old.tokens, now.tokens, (x, y) => x.key === y.key)
  const parts: { token: Token; op: 'equal' | 'delete' | 'insert' }[] = []
  const changes: { removed: readonly Token[]; added: readonly Token[] }[] = []
  for (const [i, op] of ops.entries()) {
    if (op.type === 'equal') {
      for (const token of now.tokens.slice(op.bStart, op.bEnd)) parts.push({ token, op: 'equal' })
      continue
    }
    const removed = op.type === 'delete' ? old.tokens.slice(op.aStart, op.aEnd) : []
    const added = op.type === 'insert' ? now.tokens.slice(op.bStart, op.bEnd) : []
    for (const token of removed) parts.push({ token, op: 'delete' })
    for (const token of added) parts.push({ token, op: 'insert' })
    // A delete followed by an insert is one replacement: «old» → «new».
    const prev = i > 0 ? ops[i - 1] : undefined
    const last = changes.at(-1)
    if (op.type === 'insert' && prev?.type === 'delete' && last) changes[changes.length - 1] = { removed: last.removed, added }
    else changes.push({ removed, added })
  }
  const withText = changes.map((c) => ({ ...c, before: phrase(c.removed, old.text), after: phrase(c.added, now.text) }))
  return { paragraph: now, kind: 'changed', parts, changes: withText }
}

function whole(paragraph: Paragraph, kind: 'added' | 'removed'): ParagraphChange {
  const op = kind === 'added' ? 'insert' : 'delete'
  const tokens = paragraph.tokens
  const text = phrase(tokens, paragraph.text)
  const change = kind === 'added' ? { removed: [], added: tokens, before: '', after: text } : { removed: tokens, added: [], before: text, after: '' }
  return { paragraph, kind, parts: tokens.map((token) => ({ token, op })), changes: [change] }
}

/** The word-level difference from the Markdown source `before` to `after` (bodies only). */
export function diffSources(before: string, after: string): TextDiff {
  const a = paragraphsOf(before)
  const b = paragraphsOf(after)
  const out: ParagraphChange[] = []
  const ops = diffSequences(a, b, samePara)
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!
    if (op.type === 'equal') continue
    const next = ops[i + 1]
    if (op.type === 'delete' && next?.type === 'insert') {
      // Replaced paragraphs pair up in order; the rest were added or removed.
      const olds = a.slice(op.aStart, op.aEnd)
      const news = b.slice(next.bStart, next.bEnd)
      const pairs = Math.min(olds.length, news.length)
      for (let k = 0; k < pairs; k++) out.push(compareParagraphs(olds[k]!, news[k]!))
      for (const p of olds.slice(pairs)) out.push(whole(p, 'removed'))
      for (const p of news.slice(pairs)) out.push(whole(p, 'added'))
      i++
    } else if (op.type === 'delete') for (const p of a.slice(op.aStart, op.aEnd)) out.push(whole(p, 'removed'))
    else for (const p of b.slice(op.bStart, op.bEnd)) out.push(whole(p, 'added'))
  }
  const wordsChanged = out.reduce((sum, p) => sum + p.changes.reduce((s, c) => s + Math.max(c.removed.length, c.added.length), 0), 0)
  return { paragraphs: out, wordsChanged }
}

/** The words of tokens as one phrase, keeping the source's spacing between them. */
function phrase(tokens: readonly Token[], text: string): string {
  if (tokens.length === 0) return ''
  return text.slice(tokens[0]!.start, tokens.at(-1)!.end).replace(/\s+/g, ' ')
}
