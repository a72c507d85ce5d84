/**
 * Files that are not files (issue 15, item 12): an image, a cover, an
 * article or a linted source that is a named pipe (FIFO) used to block the
 * build forever; one that is a folder failed with no line and column. Each is
 * now refused at once, at the reference's place.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { VFileMessage } from 'vfile-message'
import { loadEdition } from '../../src/pipeline/article.ts'
import { loadProjectConfig } from '../../src/config/load.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { readDocument } from '../../src/source/read.ts'
import { readSource } from '../../src/lint/lint-source.ts'
import { tempDir } from '../helpers/paths.ts'

const FRONT = '---\ntitle: "تاقیکردنەوە"\nlang: ckb\ndate: 2026-11-24\n---\n\n'
const config = resolveConfig({ formats: ['epub'] })

/** A folder with `a.md` (`body` after the front matter) and a FIFO `pipe.png`, and a folder `folder.png`. */
function project(body: string, front = FRONT): string {
  const dir = tempDir('chapkhana-special-')
  writeFileSync(path.join(dir, 'a.md'), `${front}${body}`)
  execFileSync('mkfifo', [path.join(dir, 'pipe.png')])
  mkdirSync(path.join(dir, 'folder.png'))
  return dir
}

/** The VFileMessage `promise` rejects with. */
async function refusal(promise: Promise<unknown>): Promise<VFileMessage> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof VFileMessage, `expected a positioned message, got ${String(error)}`)
    return error
  }
  return assert.fail('expected the document to be refused')
}

// A hang is the defect: each test fails by timing out if a read blocks.
describe('images and sources that are not regular files', { timeout: 20_000 }, () => {
  it('refuses an image that is a named pipe at its line and column, without blocking', async () => {
    const dir = project('دەق.\n\n![وێنە](pipe.png)\n')
    const message = await refusal(loadEdition(path.join(dir, 'a.md'), config))
    assert.match(message.reason, /"pipe\.png" is a named pipe \(FIFO\), not an image file/)
    assert.equal(message.line, 9)
    assert.equal(message.column, 1)
  })

  it('refuses an image that is a folder at its line and column', async () => {
    const dir = project('دەق.\n\nوێنەیەک: ![وێنە](folder.png)\n')
    const message = await refusal(loadEdition(path.join(dir, 'a.md'), config))
    assert.match(message.reason, /"folder\.png" is a folder, not an image file/)
    assert.equal(message.line, 9)
    assert.equal(message.column, 10)
  })

  it('refuses a cover that is a named pipe at the cover: line', async () => {
    const dir = project('دەق.\n', FRONT.replace('---\n\n', 'cover: pipe.png\n---\n\n'))
    const message = await refusal(loadEdition(path.join(dir, 'a.md'), config))
    assert.match(message.reason, /named pipe/)
    assert.equal(message.line, 5)
  })

  it('refuses an article or a linted source that is a named pipe', async () => {
    const dir = project('')
    const message = await refusal(readDocument(path.join(dir, 'pipe.png')))
    assert.match(message.reason, /named pipe \(FIFO\), not a Markdown file/)
    const linted = await readSource(path.join(dir, 'pipe.png'))
    assert.ok(!('text' in linted))
    assert.match(linted.messages[0]?.reason ?? '', /named pipe/)
  })
})

describe('a project configuration that is not a regular file', { timeout: 20_000 }, () => {
  it('is refused with a clear message instead of blocking every command', async () => {
    const dir = tempDir('chapkhana-special-config-')
    execFileSync('mkfifo', [path.join(dir, 'chapkhana.config.json')])
    await assert.rejects(loadProjectConfig(dir), /chapkhana\.config\.json is a named pipe \(FIFO\), not a file/)
  })
})
