/**
 * Stamping a new edition into an article's front matter surgically: only the
 * values of `edition:` and `date:` change. Comments, key order, quoting of
 * other keys, CRLF line ends and a BOM stay exactly as the editor wrote them.
 */

import { frontMatterExtent } from '../document/front-matter-node.ts'

/** Front matter is missing or not closed: say what to do. */
export class StampError extends Error {
  override name = 'StampError'
}

/** `source` with `edition: <edition>` and `date: <date>` set in its front matter. */
export function stampEdition(source: string, edition: number, date: string): string {
  const bom = source.startsWith('\uFEFF') ? 1 : 0
  const text = source.slice(bom)
  if (!/^---[ \t]*\r?\n/.test(text)) throw new StampError('the article has no front matter (--- lines at the top) to record the edition in: add one with at least `title:`')
  // The block the build reads (closed by `---` or `...`), found the same way.
  const extent = frontMatterExtent(text)
  if (!extent) throw new StampError('the front matter never ends: close it with a line of `---`')
  const eol = text.charAt(extent.valueStart - 2) === '\r' ? '\r\n' : '\n'
  const head = bom + extent.valueStart
  const end = bom + extent.closeStart
  let yaml = source.slice(head, end)
  yaml = setKey(yaml, 'edition', String(edition), eol)
  yaml = setKey(yaml, 'date', date, eol)
  return source.slice(0, head) + yaml + source.slice(end)
}

/**
 * Replace the value of top-level `key:` in `yaml` (a trailing `# comment` and
 * the spacing before it survive), or append `key: value` as the last line.
 */
function setKey(yaml: string, key: string, value: string, eol: string): string {
  const line = new RegExp(`^(${key}:[ \\t]*)((?:"[^"\\r\\n]*"|'[^'\\r\\n]*'|[^#\\r\\n]*?))([ \\t]*(?:#[^\\r\\n]*)?)$`, 'm')
  const m = line.exec(yaml)
  if (m) {
    // Keep the editor's quoting style for the value.
    const old = m[2] ?? ''
    const quoted = /^(["']).*\1$/.test(old) ? `${old[0]}${value}${old[0]}` : value
    const key0 = m[1] ?? ''
    return yaml.slice(0, m.index) + key0 + (key0.endsWith(':') ? ' ' : '') + quoted + (m[3] ?? '') + yaml.slice(m.index + m[0].length)
  }
  return `${yaml}${yaml === '' || yaml.endsWith('\n') ? '' : eol}${key}: ${value}${eol}`
}
