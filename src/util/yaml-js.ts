/**
 * Turning a parsed YAML document into plain data without letting an alias
 * bomb (`&a [*b, *b, …]` nested a few times: a few hundred bytes that expand
 * to billions of values) exhaust memory. The yaml library stops such a
 * document itself (`maxAliasCount`), but its error carries no position; the
 * user needs to know where in their file the aliases are.
 */
import { isAlias, visit, type Document } from 'yaml'

/** How many alias expansions a document may cause (yaml's own default, made explicit). */
export const MAX_ALIAS_COUNT = 100

/** Plain data, or why it could not be made and the source offset to point at. */
export type YamlData = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string; readonly offset: number }

/** `doc.toJS()`, with an alias bomb turned into a positioned reason instead of a bare exception. */
export function yamlToData(doc: Document.Parsed | Document): YamlData {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) }
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error
    let offset = 0
    // The first alias is where the expansion begins: the user's place to look.
    visit(doc, {
      Alias(_, node) {
        if (!isAlias(node)) return undefined
        offset = node.range?.[0] ?? 0
        return visit.BREAK
      }
    })
    return {
      ok: false,
      reason: `YAML aliases here expand to more than ${MAX_ALIAS_COUNT} copies (an "alias bomb"); write the values out instead of repeating \`*name\` references`,
      offset
    }
  }
}
