/**
 * The preview server: `out/` over HTTP on the loopback interface only, with
 * the right media types, nothing outside the folder (no `..`, encoded or
 * not, no symlink leading out), and live reload: each HTML page is served
 * with a small script listening to Server-Sent Events on
 * `/__chapkhana/events`, and `notify()` after a rebuild reloads it. The files
 * on disk stay free of scripts; only what is served carries one.
 */
import { createReadStream } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { isWithin } from '../util/inside.ts'
import { contentSecurityPolicy, inlineStyles, isAllowedHost } from './policy.ts'

/** Where the reload events are served. */
export const EVENTS_PATH = '/__chapkhana/events'

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.epub': 'application/epub+zip',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2'
}

/** The media type served for `file`. */
export const mediaType = (file: string): string => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'

/** The reload snippet's code: reload when the server says a build finished. */
const RELOAD_CODE = `new EventSource(${JSON.stringify(EVENTS_PATH)}).addEventListener('reload', () => location.reload())`

/** Added before `</body>` of served pages (the policy allows exactly this script, by hash). */
export const RELOAD_SCRIPT = `<script>${RELOAD_CODE}</script>`

/** A running preview server. */
export interface PreviewServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string
  /** Tell every open page to reload. */
  notify(): void
  close(): Promise<void>
}

/**
 * The file under `root` that `urlPath` names, or a status code: 400 for a
 * malformed path, 403 for one that climbs out of `root` (by `..`, an encoded
 * `%2e%2e`, a backslash or a symlink), 404 when there is none.
 */
export async function resolveRequest(root: string, urlPath: string): Promise<string | 400 | 403 | 404> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return 400
  }
  if (decoded.includes('\0')) return 400
  // Refuse any climbing segment outright rather than normalising it away.
  if (decoded.split(/[/\\]/).some((s) => s === '..')) return 403
  const realRoot = await realpath(root).catch(() => undefined)
  if (!realRoot) return 404
  let file = path.join(realRoot, decoded)
  if (!isWithin(realRoot, file)) return 403
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html')
    const real = await realpath(file)
    if (!isWithin(realRoot, real)) return 403
    return (await stat(real)).isFile() ? real : 404
  } catch {
    return 404
  }
}

/** Serve `root` on 127.0.0.1:`port` (0: any free port). */
export async function startPreviewServer(root: string, port: number): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>()
  const guard = { 'content-security-policy': contentSecurityPolicy(), 'x-content-type-options': 'nosniff' }
  const send = (res: ServerResponse, status: number, text: string): void => {
    res.writeHead(status, { ...guard, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(`${text}\n`)
  }
  let actual = port
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Before anything else: a page of another site reaching us by DNS rebinding names its own host.
    if (!isAllowedHost(req.headers.host, actual)) return send(res, 421, `This preview answers only http://127.0.0.1:${actual}/, http://localhost:${actual}/ and http://[::1]:${actual}/`)
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Only GET and HEAD')
    const rawPath = (req.url ?? '/').split(/[?#]/)[0] ?? '/'
    if (rawPath === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(': chapkhana preview\n\n')
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return
    }
    const file = await resolveRequest(root, rawPath)
    if (typeof file === 'number') return send(res, file, file === 403 ? 'Forbidden' : file === 404 ? 'Not found' : 'Bad request')
    const type = mediaType(file)
    const headers = { ...guard, 'content-type': type, 'cache-control': 'no-store' }
    if (type.startsWith('text/html')) {
      const html = (await readFile(file, 'utf8')).replace(/<\/body>(?![\s\S]*<\/body>)/i, `${RELOAD_SCRIPT}</body>`)
      const body = Buffer.from(html)
      const policy = contentSecurityPolicy({ scripts: [RELOAD_CODE], styles: inlineStyles(html) })
      res.writeHead(200, { ...headers, 'content-security-policy': policy, 'content-length': body.length })
      return void res.end(req.method === 'HEAD' ? undefined : body)
    }
    res.writeHead(200, { ...headers, 'content-length': (await stat(file)).size })
    if (req.method === 'HEAD') return void res.end()
    createReadStream(file).on('error', () => res.destroy()).pipe(res)
  }
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, (error as Error).message)
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  actual = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actual}/`,
    notify() {
      for (const res of clients) res.write(`event: reload\ndata: ${Date.now()}\n\n`)
    },
    async close() {
      for (const res of clients) res.end()
      clients.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
