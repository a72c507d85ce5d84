/**
 * Where the left-to-right phrases of a right-to-left text are: each Latin
 * token or phrase as one unit, with the slashes, braces, brackets, dots,
 * colons, commas and spaces between its words. Cut at punctuation, a phrase
 * prints scrambled: `/pages/{page key}` came out as `}page key{pages//`, and
 * `Latin text, and more.` as `and more, Latin text.`.
 *
 * A run starts at a Latin letter, or at a path or variable sign (`/ ~ . $ @ #
 * { [ <`) right before one; it goes on over Latin letters, ASCII digits and
 * the punctuation of names, paths and URLs, and over spaces and sentence
 * punctuation that another Latin word follows. It ends at a letter, digit,
 * slash or a closing bracket opened inside it: a bracket that encloses the
 * whole run, and the sentence's final stop, stay in the surrounding text and
 * mirror with it.
 */

const LATIN = 'A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF'
const INNER = `${LATIN}0-9'’._\\-/:@&+#%=?~$*\\\\|^{}\\[\\]()<>`
const START = `[${LATIN}]|[/~.$@#{\\[<](?=[/{\\[<]*[${LATIN}0-9])`
// Spaces and sentence punctuation carry the run on only when a Latin word (or a path sign) follows.
const GAP = `[\\s,;:.!?"]+(?=[${LATIN}0-9/~$@#{\\[<(])`
const RUN = new RegExp(`(?:${START})(?:[${INNER}]|${GAP})*`, 'g')
const END = new RegExp(`[${LATIN}0-9/})\\]>]`)

const OPEN: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' }
const CLOSE = new Set(Object.values(OPEN))

/**
 * The longest well-formed prefix of `candidate`: cut before a closing
 * bracket that was not opened in it, or at the first bracket left open, then
 * back to the last letter, digit, slash or closed bracket.
 */
function settle(candidate: string): string {
  const open: { char: string; at: number }[] = []
  let cut = candidate.length
  for (let i = 0; i < candidate.length; i++) {
    const c = candidate.charAt(i)
    if (OPEN[c]) open.push({ char: c, at: i })
    else if (CLOSE.has(c)) {
      if (open.length > 0 && OPEN[open.at(-1)?.char ?? ''] === c) open.pop()
      else {
        cut = i
        break
      }
    }
  }
  const unclosed = open.find((o) => o.at < cut)
  if (unclosed) cut = unclosed.at
  let end = cut
  while (end > 0 && !END.test(candidate.charAt(end - 1))) end--
  // A closing bracket may end the run only when its opener is inside it.
  return candidate.slice(0, end)
}

/** One left-to-right run: where it starts in the text, and its text. */
export interface LatinRun {
  readonly index: number
  readonly text: string
}

/** The Latin runs of `text`, in order; none when it has no Latin letter. */
export function latinRuns(text: string): LatinRun[] {
  const runs: LatinRun[] = []
  RUN.lastIndex = 0
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const run = settle(m[0])
    if (/[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/.test(run)) runs.push({ index: m.index, text: run })
    // Text cut from the end may hold the next run (`foo(bar` → `foo`, then `bar`).
    RUN.lastIndex = m.index + Math.max(1, run.length)
  }
  return runs
}

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u

/**
 * The one run of a text that is entirely left to right (a table cell or a
 * paragraph in English): everything from its first to its last visible
 * character, enclosing brackets and final stop included, since they belong to
 * the Latin sentence and not to the right-to-left text around it. Undefined
 * when the text holds a right-to-left letter or no Latin run.
 */
export function wholeRun(text: string): LatinRun | undefined {
  if (RTL_LETTER.test(text) || latinRuns(text).length === 0) return undefined
  const start = text.search(/\S/)
  return { index: start, text: text.trim() }
}
