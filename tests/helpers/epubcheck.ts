/**
 * EPUBCheck for the tests, in one JVM for the whole run.
 *
 * A JVM running EPUBCheck 4.2 costs 6–14 s of CPU before it reads the first
 * byte of an EPUB (JIT-compiling its schema validators); checking one more
 * EPUB in the same JVM costs about 0.2 s. So the first test file that asks
 * starts `epubcheck/EpubcheckServer.java` (Java's source-file mode: the JRE's
 * own compiler module, no javac) on a Unix socket, every file of the run
 * (and of a corpus gate right after it) asks the same server, and the
 * server stops after five idle minutes. Its reply is byte for byte what
 * `java -jar epubcheck.jar FILE` prints: the same command-line code runs.
 * Where the server cannot start, each check starts its own JVM.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from './paths.ts'
import { traceEvent } from './trace.ts'
import { alive, sleep, tryLock, unlock } from './process-lock.ts'

const JAR = '/usr/share/java/epubcheck.jar'
const HERE = path.join(ROOT, 'tests', 'helpers', 'epubcheck')
const SERVER = path.join(HERE, 'EpubcheckServer.java')
const CLIENT = path.join(HERE, 'client.mjs')
/**
 * C1 only and the serial collector: EPUBCheck's work is short-lived, and the
 * optimizing compiler costs more than it saves (the seed: 14 s → 6 s of CPU).
 */
const JAVA_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC']
// Five minutes: under a loaded run, files between two checks took over two (each restart costs ≈ 8 s of CPU).
const IDLE_SECONDS = 300
const TIMEOUT = 600_000

/** The server's socket: one per checkout, jar and server code, so a changed one never answers. */
const SOCKET = (() => {
  const hash = createHash('sha256').update(ROOT).update(JSON.stringify(JAVA_FLAGS))
  if (existsSync(JAR)) hash.update(`${statSync(JAR).size}:${statSync(JAR).mtimeMs}`)
  hash.update(readFileSync(SERVER))
  return path.join(os.tmpdir(), `chapkhana-epubcheck-${hash.digest('hex').slice(0, 16)}.sock`)
})()

/** The server's reply to `request`, or null when no server answers. */
function ask(request: string): string | null {
  if (!existsSync(SOCKET)) return null
  const r = spawnSync(process.execPath, [CLIENT, SOCKET, request], { encoding: 'utf8', timeout: TIMEOUT, maxBuffer: 64 * 1024 * 1024 })
  // Nothing listens: the socket file of a server that was killed.
  if (r.status === 3) rmSync(SOCKET, { force: true })
  return r.status === 0 && r.stdout !== '' ? r.stdout : null
}

/**
 * Start the server unless another test process is starting it; wait until
 * its socket is there. False when it cannot start here.
 */
function startServer(): boolean {
  const lock = `${SOCKET}.lock`
  for (let waited = 0; waited < TIMEOUT; waited += 200) {
    if (existsSync(SOCKET)) return true
    if (!tryLock(lock)) {
      // Another process is starting the server: wait for its socket.
      sleep(200)
      continue
    }
    try {
      // Through sh and `&`: the JVM outlives this test file and is never its zombie.
      const log = `${SOCKET}.log`
      const started = spawnSync('sh', ['-c', 'java "$@" >"$LOG" 2>&1 </dev/null & echo $!', 'sh', ...JAVA_FLAGS, '-cp', JAR, SERVER, SOCKET, String(IDLE_SECONDS)], {
        encoding: 'utf8',
        env: { ...process.env, LOG: log }
      })
      const pid = Number(started.stdout.trim())
      if (!pid) return false
      for (let t = 0; t < TIMEOUT; t += 100) {
        if (existsSync(SOCKET)) return true
        if (!alive(pid)) return false
        sleep(100)
      }
      return false
    } finally {
      unlock(lock)
    }
  }
  return false
}

let serverFailed = false

/** What `java -jar epubcheck.jar file` prints (standard output and error). */
export function epubcheckOutput(file: string): string {
  const started = performance.now()
  try {
    return check(path.resolve(file))
  } finally {
    traceEvent('epubcheck', 1, (performance.now() - started) / 1000)
  }
}

function check(absolute: string): string {
  // Three tries: a server may stop (idle) between two requests.
  for (let attempt = 0; attempt < 3 && !serverFailed; attempt++) {
    const reply = ask(absolute)
    if (reply !== null) return reply
    if (!startServer()) serverFailed = true
  }
  const r = spawnSync('java', [...JAVA_FLAGS, '-jar', JAR, absolute], { encoding: 'utf8', timeout: TIMEOUT })
  return `${r.stdout}${r.stderr}`
}

/** Stop this checkout's EPUBCheck server now, if one runs (it also stops after five idle minutes). */
export function stopEpubcheckServer(): void {
  ask('QUIT')
}
