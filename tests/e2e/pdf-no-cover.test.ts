/**
 * A PDF alone shows no cover: a `--format pdf` build must not draw one (a
 * 1600 × 2560 screenshot and its quantizing cost about 1.5 s of CPU).
 */
import assert from 'node:assert/strict'
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { SEED, tempDir } from '../helpers/paths.ts'
import { chapkhana } from '../helpers/tools.ts'

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])

/** The PNG images a project's artifact cache holds (a drawn cover is remembered there). */
function cachedPngs(project: string): string[] {
  const dir = path.join(project, '.cache', 'chapkhana', 'artifacts')
  if (!existsSync(dir)) return []
  return readdirSync(dir).filter((name) => readFileSync(path.join(dir, name)).subarray(0, 4).equals(PNG))
}

describe('a PDF-only build', () => {
  it('draws no cover; an EPUB build of the same article does', () => {
    const project = tempDir('chapkhana-pdf-no-cover-')
    const source = path.join(project, 'article.md')
    copyFileSync(SEED, source)
    const pdf = chapkhana(['build', '--format', 'pdf', '--out', path.join(project, 'out'), source], { cwd: project })
    assert.equal(pdf.code, 0, pdf.stderr)
    assert.ok(existsSync(path.join(project, 'out', 'article.pdf')))
    assert.deepEqual(cachedPngs(project), [], 'a cover was drawn for a PDF alone')
    // The check can see a cover: the EPUB's is remembered in the same place.
    const epub = chapkhana(['build', '--format', 'epub', '--out', path.join(project, 'out'), source], { cwd: project })
    assert.equal(epub.code, 0, epub.stderr)
    assert.equal(cachedPngs(project).length, 1)
  })
})
