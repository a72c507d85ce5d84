/**
 * A deep copy of a hast tree, for a writer that cuts and rewrites its own copy
 * of the edition's tree (the EPUB's chapters, the print chapters, the reader
 * page, the footnote passes).
 */
import type { Nodes, Properties } from 'hast'

function cloneProperties(properties: Properties): Properties {
  const copy: Properties = {}
  for (const [key, value] of Object.entries(properties)) copy[key] = Array.isArray(value) ? [...value] : value
  return copy
}

/**
 * Copy `node` and everything below it: every node, `properties` object and
 * property list (class names) is new, so the copy can be cut, re-linked and
 * given new ids. `position` objects are shared: nothing changes them after
 * parsing. `structuredClone` copied them too, one object per point, for every
 * node: on the 100,000-paragraph article each copy of the tree cost about 2 s,
 * most of it collecting that garbage (docs/benchmarks.md).
 */
export function cloneTree<T extends Nodes>(node: T): T {
  const copy = { ...node }
  if ('properties' in copy) copy.properties = cloneProperties(copy.properties)
  if ('children' in copy) copy.children = copy.children.map((child) => cloneTree(child)) as typeof copy.children
  // A <template>'s own tree (hast keeps it beside the children).
  if ('content' in copy && copy.content) copy.content = cloneTree(copy.content)
  // Plugins' data is rare and may be anything: copied the safe way.
  if (copy.data !== undefined) copy.data = structuredClone(copy.data)
  return copy
}
