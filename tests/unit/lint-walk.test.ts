/**
 * `lint` of a folder never follows a symbolic-link loop (issue 15, item 14):
 * four links to `..` used to make it list the same folders without end until
 * memory ran out. Each folder is now read once per real path, and a folder
 * reached through a link still counts once.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { markdownFilesUnder } from '../../src/util/markdown-files.ts'
import { CLI, tempDir } from '../helpers/paths.ts'

const ARTICLE = '---\ntitle: "تاقیکردنەوە"\nlang: ckb\n---\n\nئەمە دەقێکی پاکە.\n'

/** content/sub/a.md, content/b.md, four links content/sub/up1…4 → .., a dangling link, and node_modules/.git with Markdown inside. */
function looped(): string {
  const dir = tempDir('chapkhana-lint-loop-')
  const content = path.join(dir, 'content')
  mkdirSync(path.join(content, 'sub'), { recursive: true })
  mkdirSync(path.join(content, 'node_modules', 'pkg'), { recursive: true })
  mkdirSync(path.join(content, '.git'), { recursive: true })
  writeFileSync(path.join(content, 'sub', 'a.md'), ARTICLE)
  writeFileSync(path.join(content, 'b.md'), ARTICLE)
  writeFileSync(path.join(content, 'node_modules', 'pkg', 'README.md'), '# x\n')
  writeFileSync(path.join(content, '.git', 'notes.md'), '# x\n')
  for (const i of [1, 2, 3, 4]) symlinkSync('..', path.join(content, 'sub', `up${i}`))
  symlinkSync('nowhere', path.join(content, 'dangling.md'))
  return dir
}

describe('lint of a folder with symbolic-link loops', () => {
  it('lists each article once, skipping loops, dangling links, node_modules and .git', async () => {
    const content = path.join(looped(), 'content')
    assert.deepEqual(await markdownFilesUnder(content), [path.join(content, 'b.md'), path.join(content, 'sub', 'a.md')])
  })

  it('still follows a link to a folder outside the loop, once', async () => {
    const dir = looped()
    const shared = path.join(dir, 'common')
    mkdirSync(shared)
    writeFileSync(path.join(shared, 'c.md'), ARTICLE)
    symlinkSync(shared, path.join(dir, 'content', 'linked'))
    symlinkSync(shared, path.join(dir, 'content', 'sub', 'linked-again'))
    const found = await markdownFilesUnder(path.join(dir, 'content'))
    assert.equal(found.filter((f) => f.endsWith('c.md')).length, 1, found.join('\n'))
  })

  it('the CLI finishes in bounded memory with a clean report', () => {
    const dir = looped()
    // Before the fix this ran out of its 256 MB (or the time limit); now it reads two small files.
    const r = spawnSync(process.execPath, ['--max-old-space-size=256', CLI, 'lint', 'content'], { cwd: dir, encoding: 'utf8', timeout: 60_000 })
    assert.equal(r.signal, null, `killed: ${r.stderr}`)
    assert.equal(r.status, 0, r.stderr)
  })
})
