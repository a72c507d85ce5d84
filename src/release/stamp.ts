/**
 * Stamping a new edition into an article's front matter through the YAML
 * document model: the front matter is parsed with `yaml` (source ranges
 * kept), and only the source range of the `edition:` and `date:` values is
 * replaced. So any front matter `build` accepts can be released (`edition : 1`,
 * `"edition": 1`, a flow mapping `{title: …}`), and comments, key order,
 * quoting of other keys, CRLF line ends and a BOM stay exactly as the editor
 * wrote them. Errors carry the line and column of the user's file.
 */
import { isAlias, isMap, isScalar, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml'

import type { VFileMessage } from 'vfile-message'
import { frontMatterExtent } from '../source/front-matter-node.ts'
import { failure } from '../util/failure.ts'

/** Front matter that cannot take an edition: a `front-matter-edition` failure at the article's line and column (1-based). */
function stampError(reason: string, line = 1, column = 1): VFileMessage {
  return failure('front-matter-edition', reason, { place: { line, column } })
}

/** `source` with `edition: <edition>` and `date: <date>` set in its front matter. */
export function stampEdition(source: string, edition: number, date: string): string {
  const bom = source.startsWith('\uFEFF') ? 1 : 0
  const text = source.slice(bom)
  if (!/^---[ \t]*\r?\n/.test(text)) throw stampError('the article has no front matter (--- lines at the top) to record the edition in: add one with at least `title:`')
  // The block the build reads (closed by `---` or `...`), found the same way.
  const extent = frontMatterExtent(text)
  if (!extent) throw stampError('the front matter never ends: close it with a line of `---`')
  const eol = text.charAt(extent.valueStart - 2) === '\r' ? '\r\n' : '\n'
  const head = bom + extent.valueStart
  const end = bom + extent.closeStart
  let yaml = source.slice(head, end)
  yaml = setKey(yaml, 'edition', String(edition), eol)
  yaml = setKey(yaml, 'date', date, eol)
  return source.slice(0, head) + yaml + source.slice(end)
}

/** The top-level mapping of `yaml` (undefined when the front matter is empty), or a positioned failure. */
function parseMapping(yaml: string): { map: YAMLMap | undefined; fail: (offset: number, what: string) => never } {
  const lines = new LineCounter()
  const doc = parseDocument(yaml, { lineCounter: lines, uniqueKeys: true, keepSourceTokens: true })
  // The front matter starts on the article's second line (after `---`).
  const fail = (offset: number, what: string): never => {
    const at = lines.linePos(offset)
    throw stampError(what, at.line + 1, at.col)
  }
  const error = doc.errors[0]
  if (error) fail(error.pos[0], `the front matter is not valid YAML (${error.message.split('\n')[0]}); fix it, then release again`)
  const root = doc.contents
  if (root === null) return { map: undefined, fail }
  if (!isMap(root)) return fail(root.range?.[0] ?? 0, 'the front matter must be a mapping of keys (`title: …`) to record the edition in')
  return { map: root, fail }
}

const keyName = (pair: Pair): unknown => (isScalar(pair.key) ? pair.key.value : pair.key)

/** The text replacing a value node: the same quotes as the editor's, else plain. */
function valueText(node: Node | null, value: string): string {
  if (isScalar(node) && node.type === 'QUOTE_DOUBLE') return `"${value}"`
  if (isScalar(node) && node.type === 'QUOTE_SINGLE') return `'${value}'`
  return value
}

/** Replace the value of top-level `key` in `yaml`, or add `key: value` to the mapping. */
function setKey(yaml: string, key: string, value: string, eol: string): string {
  const { map, fail } = parseMapping(yaml)
  const pair = map?.items.find((p) => keyName(p) === key)
  if (pair) {
    const node = pair.value as Node | null
    if (node && !isScalar(node) && !isAlias(node)) fail(node.range?.[0] ?? 0, `\`${key}\` must be a single value, not a list or mapping`)
    const range = node?.range
    if (range && range[1] > range[0]) {
      // A block scalar's range takes its line end with it: keep that.
      const old = yaml.slice(range[0], range[1])
      const tail = /\r?\n$/.exec(old)?.[0] ?? ''
      return yaml.slice(0, range[0]) + valueText(node, value) + tail + yaml.slice(range[1])
    }
    // `key:` with no value: write it after the colon.
    const keyEnd = (pair.key as Node).range?.[1] ?? 0
    const colon = yaml.indexOf(':', keyEnd)
    return `${yaml.slice(0, colon + 1)} ${value}${yaml.slice(colon + 1)}`
  }
  if (map?.flow) {
    // Inside the braces, after the last entry.
    const close = yaml.lastIndexOf('}', map.range?.[1] ?? yaml.length)
    let at = close
    while (at > 0 && /\s/.test(yaml[at - 1] ?? '')) at--
    const before = yaml[at - 1]
    const sep = before === '{' ? '' : before === ',' ? ' ' : ', '
    return `${yaml.slice(0, at)}${sep}${key}: ${value}${yaml.slice(at)}`
  }
  return `${yaml}${yaml === '' || yaml.endsWith('\n') ? '' : eol}${key}: ${value}${eol}`
}
