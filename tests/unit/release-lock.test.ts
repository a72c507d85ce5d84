/**
 * The release lock names its holder and is taken over when the holder died
 * (Ctrl-C, kill -9), so a stale lock never blocks later releases.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { acquireLock, type LockHolder } from '../../src/release/lock.ts'
import { isFailure } from '../../src/util/failure.ts'
import { ROOT, tempDir } from '../helpers/paths.ts'

/** A child process that takes the lock, says so, and waits to be killed. */
async function holder(file: string): Promise<{ pid: number; kill: () => Promise<void> }> {
  const code = `import { acquireLock } from ${JSON.stringify(path.join(ROOT, 'src/release/lock.ts'))}; await acquireLock(${JSON.stringify(file)}); process.stdout.write('locked\\n'); setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve())
    child.once('exit', (c) => reject(new Error(`holder exited ${c}`)))
  })
  return {
    pid: child.pid!,
    kill: async () => {
      child.kill('SIGKILL')
      await new Promise((r) => child.once('exit', r))
    }
  }
}

describe('release lock', () => {
  it('refuses while a live process holds it, naming that process', async () => {
    const file = path.join(tempDir(), 'a.history.yaml.lock')
    const other = await holder(file)
    try {
      await assert.rejects(acquireLock(file), (e: unknown) => isFailure(e, 'release-locked') && e.message.includes(`process ${other.pid}`) && /wait for it to finish/.test(e.message))
    } finally {
      await other.kill()
    }
  })

  it('takes over the lock of a holder killed with -9, and releases only its own lock', async () => {
    const file = path.join(tempDir(), 'a.history.yaml.lock')
    const other = await holder(file)
    await other.kill()
    assert.ok(existsSync(file), 'kill -9 leaves the lock behind')
    const taken: (LockHolder | undefined)[] = []
    const held = await acquireLock(file, (h) => taken.push(h))
    assert.equal(taken[0]?.pid, other.pid)
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).pid, process.pid)
    await held.release()
    assert.ok(!existsSync(file))
  })

  it('takes over an empty lock file left by an older chapkhana', async () => {
    const file = path.join(tempDir(), 'a.history.yaml.lock')
    writeFileSync(file, '')
    const held = await acquireLock(file)
    await held.release()
    assert.ok(!existsSync(file))
  })

  it('tells whoever takes over which files the dead holder was writing', async () => {
    const file = path.join(tempDir(), 'a.history.yaml.lock')
    const first = await acquireLock(file)
    await first.writing(['/out/a-ed2.epub'])
    // As if this process had died: a holder with a pid that is gone.
    const gone = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    writeFileSync(file, JSON.stringify({ ...gone, pid: 2 ** 22 + 12345 }))
    const taken: (LockHolder | undefined)[] = []
    const second = await acquireLock(file, (h) => taken.push(h))
    assert.deepEqual(taken[0]?.files, ['/out/a-ed2.epub'])
    await first.release()
    assert.ok(existsSync(file), 'a lock taken over is not released by its former holder')
    await second.release()
    assert.ok(!existsSync(file))
  })
})
