/**
 * A build refused for its front matter or its bytes starts no browser: the
 * text is read before Chromium is launched (a start costs about a second of
 * CPU, and the hardening suite refused 19 builds, each paying it). The
 * "browser" here is a script that leaves a mark and fails, so the test sees
 * every launch without a real one.
 */
import assert from 'node:assert/strict'
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { tempDir } from '../helpers/paths.ts'
import { chapkhana } from '../helpers/tools.ts'

describe('a refused build starts no browser', () => {
  const dir = tempDir('chapkhana-refusal-')
  const mark = path.join(dir, 'launched')
  const fake = path.join(dir, 'fake-chromium')
  writeFileSync(fake, `#!/bin/sh\ntouch '${mark}'\nexit 1\n`)
  chmodSync(fake, 0o755)
  const env = { PUPPETEER_EXECUTABLE_PATH: fake }
  const build = (name: string, text: string | Buffer) => {
    rmSync(mark, { force: true })
    const source = path.join(dir, name)
    writeFileSync(source, text)
    return chapkhana(['build', '--format', 'pdf', '--out', path.join(dir, 'out'), source], { env, timeout: 120_000 })
  }

  for (const [name, text, expect] of [
    ['yaml.md', '---\ntitle: "unclosed\nlang: [ckb\n---\n\nدەق\n', /Invalid YAML front matter/],
    ['lang.md', '---\ntitle: t\nlang: klingon\n---\n\nدەق\n', /Unknown language/],
    ['bytes.md', Buffer.concat([Buffer.from('---\ntitle: t\nlang: ar\n---\n\nab'), Buffer.from([0xc7, 0xe1]), Buffer.from('\n')]), /not valid UTF-8/],
    ['empty.md', '---\ntitle: t\nlang: ar\n---\n\n  \n', /a title but no text/]
  ] as const) {
    it(`${name}: refused with its message, and no browser was launched`, () => {
      const r = build(name, text)
      assert.equal(r.code, 1, r.stderr)
      assert.match(r.stderr, expect)
      assert.equal(existsSync(mark), false, 'the browser was launched for a refused text')
    })
  }

  it('a good text does launch it (the mark works)', () => {
    const r = build('good.md', '---\ntitle: t\nlang: ar\ndate: 2026-01-01\n---\n\nنص.\n')
    assert.notEqual(r.code, 0)
    assert.match(r.stderr, /did not start/)
    assert.equal(existsSync(mark), true)
  })
})
