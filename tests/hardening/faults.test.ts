/**
 * Faults are recovered or reported: no Chromium, a render that hangs, a build
 * killed with -9, two builds at once, an out folder that cannot be written or
 * a full disk. The previous edition always survives, and no browser process
 * outlives a build.
 */
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import JSZip from 'jszip'
import { CLI, tempDir } from '../helpers/paths.ts'
import { chapkhana } from '../helpers/tools.ts'
import { removeStaleTemps, writeFilesAtomic } from '../../src/util/atomic.ts'
import { articleDir, BODY, chromiumWith, FRONT, sha, snapshot } from './helpers.ts'

/** A TMPDIR of its own, so this build's Chromium profile names its processes. */
function isolatedTmp(): { env: NodeJS.ProcessEnv; marker: string } {
  const marker = tempDir('chapkhana-tmp-')
  return { env: { TMPDIR: marker }, marker }
}

const big = (n: number) => `${FRONT}${Array.from({ length: n }, (_, i) => `پەرەگرافی ژمارە ${i}: ئەمە دەقێکی درێژە بۆ ئەوەی چاپکردن کات بخایەنێت.`).join('\n\n')}\n`

function canMount(): boolean {
  const dir = tempDir('chapkhana-mnt-')
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' })
  if (r.status !== 0) return false
  spawnSync('umount', [dir])
  return true
}

describe('faults', () => {
  const dir = articleDir({ 'article.md': `${FRONT}${BODY}` })
  const source = path.join(dir, 'article.md')
  const out = tempDir('chapkhana-out-')
  let good: Record<string, string> = {}
  const mounts: string[] = []

  before(() => {
    const { env, marker } = isolatedTmp()
    const r = chapkhana(['build', '--out', out, source], { env })
    assert.equal(r.code, 0, r.stderr)
    good = snapshot(out)
    assert.deepEqual(chromiumWith(marker), [], 'no browser left after a successful build')
    assert.deepEqual(readdirSync(marker), [], 'the browser profile is removed')
  })
  after(() => {
    for (const m of mounts) spawnSync('umount', ['-l', m])
  })

  it('no Chromium: exit 1, the exact install command, the old edition untouched', () => {
    writeFileSync(source, `${FRONT}${BODY}\nگۆڕانکاری.\n`)
    const r = chapkhana(['build', '--out', out, source], { env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' } })
    assert.equal(r.code, 1)
    assert.match(r.stderr, /article\.md\n\s+error\s+PUPPETEER_EXECUTABLE_PATH=\/nonexistent\/chromium does not exist\. The PDF needs a headless browser: (sudo )?apt-get install -y chromium/)
    assert.deepEqual(snapshot(out), good, 'not even the EPUB is replaced: an edition is replaced whole')
  })

  it('a render that cannot finish in time: one retry, then a clear error, and no browser left behind', () => {
    const { env, marker } = isolatedTmp()
    const r = chapkhana(['build', '--format', 'pdf', '--timeout', '200', '--out', out, path.join(articleDir({ 'slow.md': big(3000) }), 'slow.md')], { env })
    assert.equal(r.code, 1, r.stderr)
    assert.match(r.stderr, /slow\.md\n\s+error\s+Printing the PDF failed twice: .*(took longer than 200 ms|Timeout)/)
    assert.deepEqual(chromiumWith(marker), [], 'no orphan Chromium after a failure')
    assert.deepEqual(snapshot(out), good)
  })

  it('kill -9 while rendering leaves the last good edition, no temporary file and no browser', async () => {
    const { env, marker } = isolatedTmp()
    const long = articleDir({ 'article.md': big(20_000) })
    const child = spawn(process.execPath, [CLI, 'build', '--out', out, path.join(long, 'article.md')], { env: { ...process.env, ...env }, stdio: 'ignore' })
    const deadline = Date.now() + 60_000
    while (chromiumWith(marker).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    assert.ok(chromiumWith(marker).length > 0, 'the build reached Chromium')
    await new Promise((r) => setTimeout(r, 1500))
    assert.equal(child.exitCode, null, 'still building when killed')
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    assert.deepEqual(snapshot(out), good, 'old EPUB and PDF, byte for byte, and nothing else (no temp files)')
    // Chromium, connected over a pipe, notices its parent is gone.
    for (let i = 0; i < 50 && chromiumWith(marker).length > 0; i++) await new Promise((r) => setTimeout(r, 100))
    assert.deepEqual(chromiumWith(marker), [], 'no orphan Chromium after kill -9')
  })

  it('temporary files of a killed build are removed by the next write; a live build\'s are kept', async () => {
    const folder = tempDir()
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout
    writeFileSync(path.join(folder, `.a.epub.${dead}.0123abcd.tmp`), 'half')
    writeFileSync(path.join(folder, `.a.pdf.${process.pid}.0123abcd.tmp`), 'mine')
    assert.deepEqual(await removeStaleTemps(folder), [`.a.epub.${dead}.0123abcd.tmp`])
    assert.deepEqual(readdirSync(folder), [`.a.pdf.${process.pid}.0123abcd.tmp`])
  })

  it('an edition is replaced whole: when one file cannot be written, none is', async () => {
    const folder = tempDir()
    writeFileSync(path.join(folder, 'a.epub'), 'old epub')
    // (A path under /proc would make Node 20's recursive mkdir spin forever.)
    const blocked = path.join(tempDir(), 'file')
    writeFileSync(blocked, '')
    await assert.rejects(
      writeFilesAtomic([
        { target: path.join(folder, 'a.epub'), bytes: 'new epub' },
        { target: path.join(blocked, 'sub', 'a.pdf'), bytes: 'new pdf' }
      ]),
      /Cannot write .*Nothing was replaced; the previous edition is untouched/
    )
    assert.equal(readFileSync(path.join(folder, 'a.epub'), 'utf8'), 'old epub')
    assert.deepEqual(readdirSync(folder), ['a.epub'])
  })

  it('two builds at once into the same folder: both succeed, valid files, the same bytes as one build', async () => {
    writeFileSync(source, `${FRONT}${BODY}`)
    const shared = tempDir()
    const run = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'build', '--out', shared, source], { stdio: 'ignore' })
        child.once('exit', resolve)
      })
    assert.deepEqual(await Promise.all([run(), run()]), [0, 0])
    // The edition and its reader page, and no temporary file of either build.
    assert.deepEqual(readdirSync(shared).sort(), ['article-cover.png', 'article.epub', 'article.html', 'article.pdf', 'assets', 'chapkhana-site.json', 'index.html'])
    const zip = await JSZip.loadAsync(readFileSync(path.join(shared, 'article.epub')))
    assert.ok(zip.file('OEBPS/content.opf'))
    assert.match(readFileSync(path.join(shared, 'article.pdf')).subarray(-32).toString('latin1'), /%%EOF\s*$/)
    assert.deepEqual(snapshot(shared), good)
  })

  it('an out path that is a file: a clear error, nothing written', () => {
    const file = path.join(tempDir(), 'not-a-folder')
    writeFileSync(file, 'x')
    const r = chapkhana(['build', '--format', 'epub', '--out', file, source])
    assert.equal(r.code, 1)
    assert.match(r.stderr, /article\.md\n\s+error\s+Cannot write .*not-a-folder\/article\.epub: .*not-a-folder .* is a file, not a folder: choose another --out/)
    assert.equal(readFileSync(file, 'utf8'), 'x')
  })

  it('a read-only out folder and a full disk: a clear error, the old edition untouched, nothing half-written', { skip: canMount() ? false : 'mount is not permitted here: covered by the /proc and file-path tests above' }, () => {
    // Root ignores chmod 555, so a read-only tmpfs is the honest test.
    const ro = tempDir('chapkhana-ro-')
    mkdirSync(ro, { recursive: true })
    assert.equal(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', ro]).status, 0)
    mounts.push(ro)
    writeFileSync(source, `${FRONT}${BODY}`)
    assert.equal(chapkhana(['build', '--out', ro, source]).code, 0)
    const before = snapshot(ro)
    assert.equal(spawnSync('mount', ['-o', 'remount,ro', ro]).status, 0)
    writeFileSync(source, `${FRONT}${BODY}\nگۆڕانکاری.\n`)
    let r = chapkhana(['build', '--out', ro, source])
    assert.equal(r.code, 1)
    assert.match(r.stderr, /Cannot write .*: the folder .* is not writable: choose another with --out/)
    assert.deepEqual(snapshot(ro), before)

    // Full: fill the 1 MB tmpfs but for a few kilobytes.
    assert.equal(spawnSync('mount', ['-o', 'remount,rw', ro]).status, 0)
    const free = () => Number(spawnSync('df', ['-B1', '--output=avail', ro], { encoding: 'utf8' }).stdout.split('\n')[1])
    writeFileSync(path.join(ro, 'filler'), Buffer.alloc(Math.max(0, free() - 8192)))
    const full = snapshot(ro)
    r = chapkhana(['build', '--out', ro, source])
    assert.equal(r.code, 1)
    assert.match(r.stderr, /Cannot write .*: the disk holding .* is full: free some space\. Nothing was replaced/)
    assert.deepEqual(snapshot(ro), full, 'old files intact, no temporary file left')
    assert.equal(sha(path.join(ro, 'article.epub')), before['article.epub'])
    assert.ok(existsSync(path.join(ro, 'article.pdf')))
  })
})
