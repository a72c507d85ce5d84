/**
 * rehype-raw runs only on a tree that holds raw HTML: it sends the whole tree
 * through an HTML parser, which costs a book's parse about 90 ms and gives
 * back the tree it was given when there is no raw HTML in it (and the parser
 * is loaded only for such a tree: tests/e2e/cli-start.test.ts).
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Root } from 'hast'
import { h } from 'hastscript'
import { VFile } from 'vfile'
import rehypeRawIfAny from '../../src/tree/plugins/rehype-raw-if-any.ts'

describe('rehype-raw, when there is raw HTML', () => {
  it('turns raw HTML into elements', async () => {
    const tree: Root = { type: 'root', children: [h('p', [{ type: 'raw', value: '<b>سەرەکی</b>' }])] }
    const out = await rehypeRawIfAny()(tree, new VFile())
    assert.ok(out)
    const p = out.children[0]
    assert.ok(p && p.type === 'element' && p.tagName === 'p')
    const b = p.children[0]
    assert.ok(b && b.type === 'element' && b.tagName === 'b', 'the raw <b> became an element')
  })

  it('leaves a tree without raw HTML as the parser would give it back, without the parser', () => {
    const tree: Root = { type: 'root', children: [h('p', [h('a', { href: '#fn-1', dataFootnoteRef: true }, '١')])] }
    const parsed: Root = { type: 'root', children: [h('p', [h('a', { href: '#fn-1', dataFootnoteRef: '' }, '١')])] }
    assert.equal(rehypeRawIfAny()(tree, new VFile()), undefined)
    assert.deepEqual(tree, parsed)
  })
})
