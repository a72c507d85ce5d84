/**
 * A shared build is named by the code that makes it (tests/helpers/shared-build.ts).
 * Files the CLI writes beside its code while it runs, such as `lint`'s V8
 * code cache (bin/code-cache.js, in dist/bundle), are not code: a test file
 * that asked for the seed's build after a `lint` run had written its cache
 * got another name, and built the seed (and the four al-Muqtabas issues)
 * a second time beside the first.
 */
import assert from 'node:assert/strict'
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { ROOT } from '../helpers/paths.ts'
import { codeFingerprint } from '../helpers/shared-build.ts'

describe('a shared build’s name', () => {
  it('does not change when a run writes a code cache beside the CLI', () => {
    const before = codeFingerprint()
    const cache = path.join(ROOT, 'dist', 'bundle', `lint.cjs.1-${process.pid}.cache`)
    const part = `${cache}.${process.pid}`
    try {
      writeFileSync(cache, 'cached code')
      writeFileSync(part, 'half a cache')
      assert.equal(codeFingerprint(), before)
    } finally {
      rmSync(cache, { force: true })
      rmSync(part, { force: true })
    }
  })

  it('changes when a compiled module changes', () => {
    const before = codeFingerprint()
    const extra = path.join(ROOT, 'dist', 'bundle', `extra-${process.pid}.mjs`)
    try {
      writeFileSync(extra, 'export {}\n')
      assert.notEqual(codeFingerprint(), before)
    } finally {
      rmSync(extra, { force: true })
    }
  })
})
