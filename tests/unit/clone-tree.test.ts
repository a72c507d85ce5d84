/** cloneTree: the writers' copy of the edition's tree, as deep as structuredClone where they write. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import type { Element, ElementContent, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { cloneTree } from '../../src/tree/clone.ts'
import { SEED } from '../helpers/paths.ts'

/** Random hast trees: elements with class lists and other properties, text, comments, positions, data. */
const point = fc.record({ line: fc.nat(), column: fc.nat(), offset: fc.nat() }, { noNullPrototype: true })
const position = fc.option(fc.record({ start: point, end: point }, { noNullPrototype: true }), { nil: undefined })
const { content } = fc.letrec<{ content: ElementContent }>((tie) => ({
  content: fc.oneof(
    { depthSize: 'small' },
    fc.record({ type: fc.constant('text' as const), value: fc.string(), position }, { requiredKeys: ['type', 'value'], noNullPrototype: true }),
    fc.record({ type: fc.constant('comment' as const), value: fc.string() }, { noNullPrototype: true }),
    fc.record(
      {
        type: fc.constant('element' as const),
        tagName: fc.constantFrom('p', 'a', 'section', 'sup', 'span'),
        properties: fc.record({ id: fc.string(), className: fc.array(fc.string()), href: fc.string(), dataNote: fc.integer(), hidden: fc.boolean() }, { requiredKeys: [], noNullPrototype: true }),
        children: fc.array(tie('content'), { maxLength: 4 }),
        position,
        // Plugins' data: hast declares none of its own.
        data: fc.option(fc.record({ note: fc.string(), marks: fc.array(fc.nat()) }, { noNullPrototype: true }).map((d) => d as Element['data']), { nil: undefined })
      },
      { requiredKeys: ['type', 'tagName', 'properties', 'children'], noNullPrototype: true }
    )
  )
}))
const roots = fc.array(content, { maxLength: 5 }).map((children): Root => ({ type: 'root', children }))

/** Every object below `node`, by identity. */
function objects(node: unknown, out = new Set<object>()): Set<object> {
  if (typeof node === 'object' && node !== null) {
    out.add(node)
    for (const value of Object.values(node)) objects(value, out)
  }
  return out
}

describe('cloneTree', () => {
  it('copies random trees as structuredClone does', () => {
    fc.assert(fc.property(roots, (root) => assert.deepStrictEqual(cloneTree(root), structuredClone(root))))
  })

  it('copies the seed article’s tree as structuredClone does', async () => {
    const { tree } = await loadEdition(SEED, resolveConfig({}))
    assert.deepStrictEqual(cloneTree(tree), structuredClone(tree))
  })

  it('shares nothing a writer changes: nodes, properties, class lists, data', () => {
    fc.assert(
      fc.property(roots, (root) => {
        const shared = objects(cloneTree(root))
        const original = objects(root)
        const positions = new Set<object>()
        visit(root, (node) => {
          if (node.position) for (const o of objects(node.position)) positions.add(o)
        })
        for (const o of shared) if (original.has(o)) assert.ok(positions.has(o), `shared: ${JSON.stringify(o)}`)
      })
    )
  })

  it('a change to the copy leaves the original as it was', async () => {
    const { tree } = await loadEdition(SEED, resolveConfig({}))
    const before = structuredClone(tree)
    const copy = cloneTree(tree)
    visit(copy, 'element', (node: Element) => {
      node.properties.id = 'x'
      ;(node.properties.className as string[] | undefined)?.push('y')
      node.children.push({ type: 'text', value: 'z' })
    })
    assert.deepStrictEqual(tree, before)
  })
})
