/**
 * The preview server as an attacker meets it (issue 15, items 9 and 10): a
 * request naming any other host (DNS rebinding: evil.example resolving to
 * 127.0.0.1) is refused before a file is read, and every answer carries a
 * Content-Security-Policy that lets no script run but the reload snippet.
 * Real HTTP requests on the loopback interface; no browser.
 */
import assert from 'node:assert/strict'
import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { cspHash } from '../../src/preview/policy.ts'
import { RELOAD_SCRIPT, startPreviewServer, type PreviewServer } from '../../src/preview/server.ts'
import { tempDir } from '../helpers/paths.ts'

interface Answer {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

/** GET `urlPath` from 127.0.0.1:`port` with the given Host header. */
function get(port: number, urlPath: string, host: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers: { host } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const STYLE = '@font-face { font-family: "Amiri"; src: url("assets/a.woff") format("woff"); }'

describe('preview server: hosts and content security policy', () => {
  let server: PreviewServer
  let port = 0
  before(async () => {
    const out = tempDir('chapkhana-preview-policy-')
    mkdirSync(path.join(out, 'drafts'))
    writeFileSync(path.join(out, 'index.html'), `<!doctype html><html><head><style>${STYLE}</style></head><body><p>secret draft</p></body></html>`)
    writeFileSync(path.join(out, 'picture.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>')
    server = await startPreviewServer(out, 0)
    port = Number(new URL(server.url).port)
  })
  after(() => server.close())

  it('refuses a request whose Host is another site, before reading any file', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, '127.0.0.1', `localhost:${port + 1}`]) {
      const answer = await get(port, '/index.html', host)
      assert.equal(answer.status, 421, host)
      assert.doesNotMatch(answer.body, /secret draft/, host)
    }
  })

  it('answers 127.0.0.1, localhost and [::1] with its own port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const answer = await get(port, '/index.html', host)
      assert.equal(answer.status, 200, host)
      assert.match(answer.body, /secret draft/)
    }
  })

  it('serves pages with a policy allowing only the reload script and the page’s own styles, by hash', async () => {
    const answer = await get(port, '/', `127.0.0.1:${port}`)
    const policy = String(answer.headers['content-security-policy'])
    assert.match(policy, /default-src 'none'/)
    assert.match(policy, /frame-ancestors 'none'/)
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/)
    const script = /<script>([\s\S]*?)<\/script>/.exec(RELOAD_SCRIPT)?.[1] ?? ''
    assert.ok(policy.includes(`script-src ${cspHash(script)}`), policy)
    assert.ok(policy.includes(cspHash(STYLE)), policy)
    assert.equal(answer.headers['x-content-type-options'], 'nosniff')
  })

  it('serves an SVG and every other answer with no script allowed at all', async () => {
    for (const urlPath of ['/picture.svg', '/no-such-file']) {
      const answer = await get(port, urlPath, `localhost:${port}`)
      const policy = String(answer.headers['content-security-policy'])
      assert.match(policy, /script-src 'none'/, urlPath)
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', urlPath)
    }
  })
})
