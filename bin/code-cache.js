// Loading a CommonJS file with V8's code cache: the code V8 compiled for it
// in an earlier run, saved beside it, instead of parsing and compiling it
// again (what Node 22's `module.enableCompileCache` does; Node 20 has none).
// bin/chapkhana.js loads `lint` this way (dist/bundle/lint.cjs, made by
// scripts/bundle.mjs). Hand-written, not v8-compile-cache: that package
// saves the cache when a file is compiled, before it runs, so the functions
// compiled while linting were not in it; this saves it after the run.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'

/**
 * Run the CommonJS file `file` and return its exports, whether V8 took the
 * cache (`cached`), and `save()` to call once the work is done: it writes
 * the cache when there was none or V8 refused it. A cache that cannot be
 * written (a read-only install) is no error: the next run compiles, as
 * without one.
 */
export function loadCached(file) {
  const source = readFileSync(file, 'utf8')
  const { size, mtimeMs } = statSync(file)
  // V8 checks a cache against the source's length only: the name ties it to these bytes.
  const cacheFile = `${file}.${size}-${Math.trunc(mtimeMs)}.cache`
  let cachedData
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    // No cache yet.
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData })
  const module = { exports: {} }
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file))
  const save = () => {
    if (cachedData !== undefined && !script.cachedDataRejected) return
    // Whole or not at all: another run may be reading it.
    const part = `${cacheFile}.${process.pid}`
    try {
      writeFileSync(part, script.createCachedData())
      renameSync(part, cacheFile)
    } catch {
      // Not writable here: no cache, and no part of one left behind.
      rmSync(part, { force: true })
    }
  }
  return { exports: module.exports, cached: cachedData !== undefined && !script.cachedDataRejected, save }
}
