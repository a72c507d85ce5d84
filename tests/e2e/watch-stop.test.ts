/**
 * `watch` and `preview` stop when asked and watch only what they need
 * (issue 15, items 11 and 14), with the real CLI and Chromium:
 * - Ctrl-C during the first build used to print "This operation was
 *   aborted" and then start watching with Chromium running; now it exits
 *   130 with no browser and no profile left in the temporary folder, and a
 *   second Ctrl-C during that stop leaves nothing either.
 * - `watch note.md` used to watch every folder below the current one
 *   (node_modules and .git included) and warn about listeners past ten
 *   folders; now it watches the note's folder and the styles.
 */
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { CLI, ROOT, SEED, tempDir } from '../helpers/paths.ts'
import { chromiumWith } from '../hardening/helpers.ts'

/** Resolve when `test()` holds, polling; reject after `ms` (a safety net against a hang, not a speed check). */
function until(test: () => boolean, what: () => string, ms = 240_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = setInterval(() => {
      if (test()) {
        clearInterval(poll)
        resolve()
      } else if (Date.now() - started > ms) {
        clearInterval(poll)
        reject(new Error(`timed out: ${what()}`))
      }
    }, 25)
  })
}

/** Start `chapkhana <args>` in `cwd` with its own temporary folder. */
function start(args: readonly string[], cwd: string, tmp: string): { child: ChildProcess; log: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, log: () => log, exited }
}

const profiles = (tmp: string): string[] => readdirSync(tmp).filter((n) => n.startsWith('chapkhana-chromium-'))

/** A project with the seed article in content/. */
function seedProject(): string {
  const project = tempDir('chapkhana-watch-stop-')
  mkdirSync(path.join(project, 'content'))
  copyFileSync(SEED, path.join(project, 'content', 'nato.md'))
  return project
}

describe('Ctrl-C during the first build', () => {
  for (const [command, presses] of [['watch', 1], ['preview', 1], ['watch', 2]] as const) {
    it(`${command}: ${presses === 1 ? 'one Ctrl-C' : 'two Ctrl-C'} stops it with exit 130, no Chromium and no profile left`, async () => {
      const project = seedProject()
      const tmp = tempDir('chapkhana-watch-tmp-')
      const run = start(command === 'preview' ? ['preview', '--port', '0'] : ['watch'], project, tmp)
      // The browser's profile appears when the first build launches Chromium: the build is under way.
      await until(() => profiles(tmp).length > 0, () => `no Chromium started:\n${run.log()}`)
      run.child.kill('SIGINT')
      if (presses === 2) setTimeout(() => run.child.kill('SIGINT'), 50)
      // Before the fix it went on watching: give it ample time, then kill it and fail.
      const code = await Promise.race([run.exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 120_000).unref())])
      if (code === 'still running') run.child.kill('SIGKILL')
      assert.equal(code, 130, run.log())
      assert.doesNotMatch(run.log(), /watching|operation was aborted/, run.log())
      assert.deepEqual(chromiumWith(`chapkhana-chromium-${run.child.pid}-`), [])
      assert.deepEqual(profiles(tmp), [], 'a Chromium profile was left behind')
    })
  }
})

/** Inodes that process `pid` watches through inotify, from /proc. */
function inotifyInodes(pid: number): Set<number> {
  const inodes = new Set<number>()
  for (const fd of readdirSync(`/proc/${pid}/fdinfo`)) {
    try {
      for (const m of readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').matchAll(/^inotify wd:\S+ ino:([0-9a-f]+)/gm)) inodes.add(Number.parseInt(m[1]!, 16))
    } catch {
      // The descriptor closed while we looked.
    }
  }
  return inodes
}

/**
 * What process `pid` watches, as paths relative to `project` (the styles
 * folder as `styles/…`): every entry below `project` and the styles, links
 * not followed, matched by inode. Each watched folder and each file in it
 * is one inotify watch (chokidar watches files too).
 */
function watchedPaths(pid: number, project: string): string[] {
  const inodes = inotifyInodes(pid)
  const names = new Map<number, string>()
  const walk = (dir: string, name: string): void => {
    names.set(lstatSync(dir).ino, name)
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      const shown = name === '.' ? entry.name : `${name}/${entry.name}`
      if (entry.isDirectory()) walk(full, shown)
      else names.set(lstatSync(full).ino, shown)
    }
  }
  walk(path.join(ROOT, 'styles'), 'styles')
  walk(project, '.')
  return [...inodes].map((ino) => names.get(ino) ?? `elsewhere:${ino}`).sort()
}

describe('watch of one named file', () => {
  it('watches its folder and the styles, not every folder below the current one, with no listener warning', async (t) => {
    if (!existsSync('/proc/self/fdinfo')) return t.skip('needs /proc to count inotify watches')
    const project = tempDir('chapkhana-watch-narrow-')
    // A cover of its own: the EPUB needs no browser, so this test starts none.
    writeFileSync(path.join(project, 'cover.png'), Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2e1d8a90000000049454e44ae426082', 'hex'))
    writeFileSync(path.join(project, 'note.md'), '---\ntitle: "تێبینی"\nlang: ckb\ncover: cover.png\n---\n\nدەق.\n')
    for (let i = 0; i < 15; i++) mkdirSync(path.join(project, 'drafts', `d${i}`), { recursive: true })
    mkdirSync(path.join(project, 'node_modules', 'a', 'b'), { recursive: true })
    mkdirSync(path.join(project, '.git', 'objects'), { recursive: true })
    const run = start(['watch', '--format', 'epub', 'note.md'], project, tempDir('chapkhana-watch-tmp-'))
    try {
      await until(() => /watching/.test(run.log()) || run.child.exitCode !== null, () => run.log())
      assert.match(run.log(), /watching \. and the styles/)
      // The note's folder, its files and the styles; before the fix, 22 folders.
      const watched = watchedPaths(run.child.pid!, project)
      const styles = readdirSync(path.join(ROOT, 'styles')).map((n) => `styles/${n}`)
      assert.deepEqual(watched, ['.', 'cover.png', 'note.md', 'styles', ...styles].sort(), run.log())
      assert.doesNotMatch(run.log(), /MaxListenersExceeded|listeners/)
    } finally {
      run.child.kill('SIGINT')
    }
    assert.equal(await run.exited, 0, run.log())
  })

  it('watches the content folder and its sub-folders once each, without node_modules or .git, and with no listener warning past ten', async (t) => {
    if (!existsSync('/proc/self/fdinfo')) return t.skip('needs /proc to count inotify watches')
    const project = tempDir('chapkhana-watch-content-')
    const content = path.join(project, 'content')
    mkdirSync(content)
    writeFileSync(path.join(content, 'cover.png'), Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2e1d8a90000000049454e44ae426082', 'hex'))
    writeFileSync(path.join(content, 'note.md'), '---\ntitle: "تێبینی"\nlang: ckb\ncover: cover.png\n---\n\nدەق.\n')
    for (let i = 0; i < 12; i++) mkdirSync(path.join(content, `images-${i}`))
    mkdirSync(path.join(content, 'node_modules', 'a'), { recursive: true })
    mkdirSync(path.join(content, '.git'))
    // A link back up: the folder must still be watched once.
    symlinkSync('..', path.join(content, 'images-0', 'up'))
    const run = start(['watch', '--format', 'epub'], project, tempDir('chapkhana-watch-tmp-'))
    try {
      await until(() => /watching/.test(run.log()) || run.child.exitCode !== null, () => run.log())
      // content/, its files, its twelve folders and the styles (the link up is no folder of its own).
      const watched = watchedPaths(run.child.pid!, project)
      const styles = readdirSync(path.join(ROOT, 'styles')).map((n) => `styles/${n}`)
      const folders = Array.from({ length: 12 }, (_, i) => `content/images-${i}`)
      assert.deepEqual(watched, ['content', 'content/cover.png', 'content/note.md', ...folders, 'styles', ...styles].sort(), run.log())
      assert.doesNotMatch(run.log(), /MaxListenersExceeded|listeners/)
    } finally {
      run.child.kill('SIGINT')
    }
    assert.equal(await run.exited, 0, run.log())
  })
})

/** A 1 × 1 PNG: a cover of its own, so an EPUB-only watch starts no browser. */
const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2e1d8a90000000049454e44ae426082', 'hex')
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('folders created while watching', () => {
  it('a named article waiting for images/map.png is rebuilt when the images folder and the file appear', async () => {
    const project = tempDir('chapkhana-watch-later-')
    writeFileSync(path.join(project, 'cover.png'), TINY_PNG)
    writeFileSync(path.join(project, 'note.md'), '---\ntitle: "تێبینی"\nlang: ckb\ncover: cover.png\n---\n\nدەق.\n\n![نەخشە](images/map.png)\n')
    const run = start(['watch', '--format', 'epub', 'note.md'], project, tempDir('chapkhana-watch-tmp-'))
    try {
      await until(() => /watching/.test(run.log()) || run.child.exitCode !== null, () => run.log())
      assert.match(run.log(), /images\/map\.png/, 'the first build names the missing image')
      assert.equal(existsSync(path.join(project, 'out', 'note.epub')), false)
      mkdirSync(path.join(project, 'images'))
      // Time for the watcher to see the folder before the file arrives in it.
      await pause(500)
      writeFileSync(path.join(project, 'images', 'map.png'), TINY_PNG)
      await until(() => /rebuilt note\.md/.test(run.log()), () => run.log(), 30_000)
      assert.match(run.log(), /rebuilt note\.md in \d+ ms: note\.epub/)
      assert.ok(existsSync(path.join(project, 'out', 'note.epub')))
    } finally {
      run.child.kill('SIGINT')
    }
    assert.equal(await run.exited, 0, run.log())
  })

  it('a book folder made in content/ after the start is built when its files are saved into it', async () => {
    const project = tempDir('chapkhana-watch-later-')
    const content = path.join(project, 'content')
    mkdirSync(content)
    writeFileSync(path.join(content, 'cover.png'), TINY_PNG)
    writeFileSync(path.join(content, 'note.md'), '---\ntitle: "تێبینی"\nlang: ckb\ncover: cover.png\n---\n\nدەق.\n')
    const run = start(['watch', '--format', 'epub'], project, tempDir('chapkhana-watch-tmp-'))
    try {
      await until(() => /watching/.test(run.log()) || run.child.exitCode !== null, () => run.log())
      const book = path.join(content, 'book')
      mkdirSync(book)
      await pause(500)
      writeFileSync(path.join(book, 'cover.png'), TINY_PNG)
      writeFileSync(path.join(book, '01.md'), '---\ntitle: "بەشی یەکەم"\n---\n\nدەقی بەش.\n')
      writeFileSync(path.join(book, 'book.md'), '---\ntitle: "کتێب"\nlang: ckb\ncover: cover.png\n---\n')
      await until(() => /rebuilt content\/book\/book\.md/.test(run.log()), () => run.log(), 30_000)
      assert.match(run.log(), /rebuilt content\/book\/book\.md in \d+ ms: book\.epub/)
      assert.ok(existsSync(path.join(project, 'out', 'book.epub')))
    } finally {
      run.child.kill('SIGINT')
    }
    assert.equal(await run.exited, 0, run.log())
  })
})
