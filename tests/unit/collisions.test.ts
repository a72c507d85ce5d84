/**
 * Two sources never share an output or a history file, and no article takes
 * a name reserved for released editions or the collection page.
 */
import assert from 'node:assert/strict'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { assertNoCollisions, findCollisions, reservedSlug } from '../../src/pipeline/collisions.ts'
import { isFailure } from '../../src/util/failure.ts'
import { tempDir } from '../helpers/paths.ts'

function folder(files: readonly string[]): string {
  const dir = tempDir()
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
    writeFileSync(path.join(dir, f), '---\ntitle: x\n---\nbody\n')
  }
  return dir
}

describe('collisions', () => {
  it('reserves -edN names for released editions and index for the collection page', () => {
    assert.match(reservedSlug('my-piece-ed2') ?? '', /reserved for released editions .*edition 2 of "my-piece"/)
    // `my-piece-ed2-press.md` would write out/my-piece-ed2-press.pdf, edition 2's released press PDF.
    assert.match(reservedSlug('my-piece-ed2-press') ?? '', /reserved for released editions .*out\/my-piece-ed2-press\.pdf is .*edition 2 of "my-piece"/)
    assert.match(reservedSlug('my-piece-ed2-press-cover') ?? '', /out\/my-piece-ed2-press-cover\.pdf is .*edition 2 of "my-piece"/)
    assert.equal(reservedSlug('my-press'), undefined)
    assert.match(reservedSlug('index') ?? '', /out\/index\.html/)
    assert.equal(reservedSlug('editor'), undefined)
    assert.equal(reservedSlug('my-piece-ed'), undefined)
  })

  it('refuses content/my-piece-ed2.md and _index.md by name', async () => {
    const dir = folder(['my-piece-ed2.md', '_index.md'])
    const problems = await findCollisions([path.join(dir, 'my-piece-ed2.md'), path.join(dir, '_index.md')])
    assert.equal(problems.length, 2)
    assert.match(problems[0]?.reason ?? '', /my-piece-ed2\.md: .*reserved for released editions/)
    assert.match(problems[1]?.reason ?? '', /_index\.md: .*out\/index\.html/)
  })

  it('names both sources when two spellings fold to one slug', async () => {
    const dir = folder(['My Piece.md', 'my-piece.md'])
    await assert.rejects(assertNoCollisions([path.join(dir, 'My Piece.md'), path.join(dir, 'my-piece.md')]), (e: unknown) => isFailure(e, 'name-collision') && /My Piece\.md and .*my-piece\.md: both would be written to out\/my-piece\.epub/.test(e.message))
  })

  it('finds the other spelling beside a released article when asked to look at its neighbours', async () => {
    const dir = folder(['My Piece.md', 'my-piece.md', 'other.md'])
    assert.deepEqual(await findCollisions([path.join(dir, 'my-piece.md')]), [])
    const found = await findCollisions([path.join(dir, 'my-piece.md')], { neighbours: true })
    assert.equal(found.length, 1)
    assert.match(found[0]?.reason ?? '', /my-piece\.md and .*My Piece\.md: both would be written to/)
  })

  it('a.md and a.markdown share a history file: refused, once, naming both', async () => {
    const dir = folder(['a.md', 'a.markdown'])
    const found = await findCollisions([path.join(dir, 'a.md')], { neighbours: true })
    assert.equal(found.length, 1)
    assert.match(found[0]?.reason ?? '', /a\.md and .*a\.markdown: /)
  })

  it('a folder book is compared with the articles beside its folder, not with its own chapters', async () => {
    const dir = folder(['nato/book.md', 'nato/nato.md', 'nato/02.md', 'other.md'])
    assert.deepEqual(await findCollisions([path.join(dir, 'nato', 'book.md')], { neighbours: true }), [])
    const clash = folder(['nato/book.md', 'nato/01.md', 'Nato.md'])
    assert.equal((await findCollisions([path.join(clash, 'nato', 'book.md')], { neighbours: true })).length, 1)
  })

  it('with --press, foo.md\'s press files and foo-press.md (or foo-press-cover.md) are refused as one name', async () => {
    const dir = folder(['foo.md', 'foo-press.md', 'foo-press-cover.md'])
    const sources = ['foo.md', 'foo-press.md', 'foo-press-cover.md'].map((f) => path.join(dir, f))
    // Without --press the three write different files.
    assert.deepEqual(await findCollisions(sources), [])
    const found = await findCollisions(sources, { press: true })
    assert.deepEqual(found.map((f) => /: both would write (\S+)/.exec(f.reason)?.[1]), ['out/foo-press.pdf', 'out/foo-press-cover.pdf'])
    assert.match(found[0]?.reason ?? '', /foo\.md and .*foo-press\.md: .*the press PDF of/)
  })

  it('the same file named twice (or through a link) is no collision', async () => {
    const dir = folder(['a.md'])
    // `A.md` folds to the slug of `a.md`, but it is the same file.
    symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'A.md'))
    assert.deepEqual(await findCollisions([path.join(dir, 'a.md'), path.join(dir, 'a.md')]), [])
    assert.deepEqual(await findCollisions([path.join(dir, 'a.md'), path.join(dir, 'A.md')]), [])
  })
})
