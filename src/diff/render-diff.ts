/**
 * Showing a word diff to people. In a terminal, every old or new phrase is on
 * its own `-`/`+` line, wrapped in «…» and in a first-strong isolate
 * (U+2068 … U+2069), so the markers stay at the line start and the words read
 * in their own direction whatever the terminal's bidi does; colour only on a
 * TTY. As HTML: one standalone page, language and direction from the
 * document, `<del>`/`<ins>` inside the paragraph text, no external requests.
 */
import type { TextDiff } from './word-diff.ts'

const FSI = '\u2068'
const PDI = '\u2069'

/** "2 words changed in 1 paragraph". */
export function summary(diff: TextDiff): string {
  const w = diff.wordsChanged
  const p = diff.paragraphs.length
  if (w === 0 && p === 0) return 'no words changed'
  return `${w} word${w === 1 ? '' : 's'} changed in ${p} paragraph${p === 1 ? '' : 's'}`
}

/** The terminal report: per changed paragraph its line, then `-`/`+` lines; then the summary. */
export function diffText(diff: TextDiff, options: { colour: boolean; from: string; to: string }): string {
  const paint = (code: string, s: string): string => (options.colour ? `\u001b[${code}m${s}\u001b[0m` : s)
  const out: string[] = [paint('1', `${options.from} → ${options.to}`)]
  for (const p of diff.paragraphs) {
    const where = p.kind === 'removed' ? `paragraph removed (line ${p.paragraph.line} of ${options.from})` : `${p.kind === 'added' ? 'paragraph added' : 'paragraph'} at line ${p.paragraph.line}`
    out.push('', paint('36', where))
    for (const c of p.changes) {
      if (c.before !== '') out.push(paint('31', `- ${FSI}«${c.before}»${PDI}`))
      if (c.after !== '') out.push(paint('32', `+ ${FSI}«${c.after}»${PDI}`))
    }
  }
  out.push('', summary(diff))
  return `${out.join('\n')}\n`
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** One paragraph as HTML: the text between tokens kept, deleted runs in `<del>`, inserted in `<ins>`. */
function paragraphHtml(p: TextDiff['paragraphs'][number]): string {
  let html = ''
  let open: 'delete' | 'insert' | undefined
  const close = (): void => {
    if (open) html += open === 'delete' ? '</del>' : '</ins>'
    open = undefined
  }
  for (const [i, { token, op }] of p.parts.entries()) {
    const prev = p.parts[i - 1]
    // Tokens of `paragraph.text` keep the source's spacing; next to a deleted word, one space does.
    const inText = (o: string): boolean => p.kind === 'removed' || o !== 'delete'
    const gap = !prev ? '' : inText(prev.op) && inText(op) ? p.paragraph.text.slice(prev.token.end, token.start).replace(/\s+/g, ' ') : /^[\p{L}\p{N}«(\[]/u.test(token.text) ? ' ' : ''
    const state = op === 'equal' ? undefined : op
    if (state !== open) {
      close()
      html += escape(gap)
      if (state) html += state === 'delete' ? '<del>' : '<ins>'
      open = state
    } else html += escape(gap)
    html += escape(token.text)
  }
  close()
  return html
}

/** The sections of one text's changed paragraphs; `file` names a book's chapter. */
function sectionsHtml(diff: TextDiff, file?: string): string[] {
  return diff.paragraphs.map((p) => `<section><h2 dir="ltr" lang="en">${file ? `${escape(file)}: ` : ''}${escape(p.kind === 'changed' ? 'paragraph' : `paragraph ${p.kind}`)}, line ${p.paragraph.line}</h2>\n<p>${paragraphHtml(p)}</p></section>`)
}

/**
 * A standalone HTML page showing `diff`; `lang`/`dir` are the document's.
 * `files` adds the changes of a book's chapters, each section naming its file.
 */
export function diffHtml(diff: TextDiff, page: { title: string; lang: string; dir: 'rtl' | 'ltr'; from: string; to: string }, files: readonly { readonly path: string; readonly diff: TextDiff }[] = []): string {
  const body = [...sectionsHtml(diff), ...files.flatMap((f) => sectionsHtml(f.diff, f.path))].join('\n')
  const all: TextDiff = { paragraphs: [...diff.paragraphs, ...files.flatMap((f) => f.diff.paragraphs)], wordsChanged: diff.wordsChanged + files.reduce((n, f) => n + f.diff.wordsChanged, 0) }
  return `<!DOCTYPE html>
<html lang="${escape(page.lang)}" dir="${page.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(page.title)}: ${escape(page.from)} → ${escape(page.to)}</title>
<style>
body { font-family: "Amiri", "Noto Naskh Arabic", serif; line-height: 1.9; max-width: 42em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.3em; } h2 { font: 0.8em sans-serif; color: #555; margin-top: 2em; }
del { background: #fdd; color: #900; } ins { background: #dfd; color: #060; text-decoration: none; border-bottom: 2px solid #060; }
.summary { font-family: sans-serif; }
</style>
</head>
<body>
<h1>${escape(page.title)}</h1>
<p class="summary" dir="ltr" lang="en">${escape(page.from)} → ${escape(page.to)}: ${escape(summary(all))}</p>
${body}
</body>
</html>
`
}
