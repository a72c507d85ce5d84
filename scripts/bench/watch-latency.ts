/**
 * The correction loop as an editor lives it: `chapkhana watch` running, one
 * word changed and saved, and the time until both the EPUB and the PDF are
 * written (the "rebuilt" line comes after both files are in place).
 */
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'

/** Latencies (ms) of `rounds` one-word corrections of `article`, watched from `cwd`. */
export async function watchLatency(cli: string, cwd: string, article: string, rounds: number): Promise<number[]> {
  const child = spawn(process.execPath, [cli, 'watch', article], { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
  let buffer = ''
  const waiters: { pattern: RegExp; resolve: () => void }[] = []
  child.stderr.on('data', (d: Buffer) => {
    buffer += d.toString()
    for (const w of [...waiters]) {
      if (w.pattern.test(buffer)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve()
      }
    }
  })
  const waitFor = (pattern: RegExp, ms = 120_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`watch never printed ${pattern}:\n${buffer}`)), ms)
      waiters.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) })
      if (pattern.test(buffer)) resolve()
    })
  try {
    await waitFor(/watching/)
    const original = readFileSync(article, 'utf8')
    const out: number[] = []
    for (let i = 0; i < rounds; i++) {
      buffer = ''
      // A one-word correction, then back, so the text stays the seed's.
      const text = i % 2 === 0 ? original.replace('ئەمریکا', 'ئەمەریکا') : original
      const start = performance.now()
      writeFileSync(article, text)
      await waitFor(/rebuilt .* ms/)
      out.push(performance.now() - start)
      await new Promise((r) => setTimeout(r, 300))
    }
    writeFileSync(article, original)
    return out
  } finally {
    child.kill('SIGINT')
    await new Promise((r) => child.once('close', r))
  }
}
