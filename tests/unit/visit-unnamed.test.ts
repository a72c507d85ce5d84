/**
 * The bundled CLI loads unist-util-visit-parents without the naming of its
 * per-node visitors (scripts/visit-unnamed.mjs): the statement must still be
 * there to take out, only it goes, and the walk visits the same nodes in the
 * same order with the same parents.
 */
import assert from 'node:assert/strict'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { visitParents } from 'unist-util-visit-parents'
import { unnamedVisits } from '../../scripts/visit-unnamed.mjs'

const require = createRequire(import.meta.url)
const lib = path.join(path.dirname(require.resolve('unist-util-visit-parents')), 'lib')
// Inside the repository, so that the library's own imports resolve from its node_modules.
const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/tests\/\.tmp\/js\/$/, '')

test('takes out the naming statement of the installed unist-util-visit-parents, and nothing else', () => {
  const source = readFileSync(path.join(lib, 'index.js'), 'utf8')
  const out = unnamedVisits(source)
  assert.doesNotMatch(out, /defineProperty\(visit, 'name'/)
  const removed = source.split('\n').filter((line) => !out.split('\n').includes(line)).map((line) => line.trim())
  assert.deepEqual(removed, ["Object.defineProperty(visit, 'name', {", 'value:', "'node (' + color(node.type + (name ? '<' + name + '>' : '')) + ')'", '})'])
  assert.throws(() => unnamedVisits(out), /no longer names its visitors/)
})

test('the library without the naming walks a tree as the library does', async () => {
  // A copy of lib/ with the change, imported as a module.
  mkdirSync(path.join(root, 'tests', '.tmp'), { recursive: true })
  const dir = mkdtempSync(path.join(root, 'tests', '.tmp', 'visit-unnamed-'))
  cpSync(lib, dir, { recursive: true })
  writeFileSync(path.join(dir, 'index.js'), unnamedVisits(readFileSync(path.join(lib, 'index.js'), 'utf8')))
  const changed = (await import(pathToFileURL(path.join(dir, 'index.js')).href)) as typeof import('unist-util-visit-parents')
  const tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a' }, { type: 'emphasis', children: [{ type: 'text', value: 'b' }] }] }, { type: 'thematicBreak' }] }
  const walk = (visit: typeof visitParents): string[] => {
    const seen: string[] = []
    visit(tree, (node, parents) => {
      seen.push(`${parents.map((p) => p.type).join('>')}>${node.type}`)
      return node.type === 'emphasis' ? 'skip' : undefined
    })
    return seen
  }
  assert.deepEqual(walk(changed.visitParents), walk(visitParents))
  assert.equal(walk(visitParents).length, 5)
  rmSync(dir, { recursive: true, force: true })
})
