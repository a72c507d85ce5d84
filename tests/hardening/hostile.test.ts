/**
 * Hostile input is contained: scripts never run, nothing reaches the network,
 * local references cannot leave the article's folder, and the EPUB holds only
 * what the article needs, with no path of the machine that built it.
 */
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, mkdirSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { tempDir } from '../helpers/paths.ts'
import { chapkhana, pdftotext, unzipEpub } from '../helpers/tools.ts'
import { articleDir, BODY, FRONT } from './helpers.ts'

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

/** Every way we know for an article to make the browser or a reader fetch something. */
function remoteReferences(base: string): string {
  return `
<img src="${base}/img.png" srcset="${base}/srcset.png 2x" alt="x">

<picture><source srcset="${base}/source.png"><img src="pic.png" alt="p"></picture>

<p style="background: url(${base}/style-url.png)">inline style</p>

<style>@import url("${base}/import.css"); body { background: url(${base}/style-tag.png) } @font-face { font-family: X; src: url(${base}/font.woff2) }</style>

<link rel="stylesheet" href="${base}/link.css">

<link rel="preload" as="image" href="${base}/preload.png">

<iframe src="${base}/iframe.html"></iframe>

<object data="${base}/object.bin"></object>

<embed src="${base}/embed.bin">

<video poster="${base}/poster.png" src="${base}/video.mp4"></video>

<audio src="${base}/audio.mp3"></audio>

<svg><image href="${base}/svg-image.png"/><use href="${base}/use.svg#x"/></svg>

<meta http-equiv="refresh" content="0; url=${base}/refresh">

<base href="${base}/base/">

<form action="${base}/form"><input type="image" src="${base}/input.png"></form>

<table background="${base}/table-bg.png"><tr><td>cell</td></tr></table>

<a href="${base}/link-ok">an ordinary link, which is not a request</a>
`
}

describe('hostile input', () => {
  let server: Server
  let base = ''
  const requests: string[] = []

  before(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '')
      res.end('no')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => server.close())

  it('scripts never run: no marker in the PDF text or the EPUB XHTML, and a warning at each', async () => {
    const dir = articleDir({
      'pwned.md': `${FRONT}${BODY}
<script>document.body.append('PWNED-SCRIPT')</script>

<img src="x.png" onerror="document.body.append('PWNED-ONERROR')" alt="">

<svg onload="document.body.append('PWNED-SVG')"><circle r="1"/></svg>

<a href="javascript:document.body.append('PWNED-JS')">link</a>

<iframe srcdoc="<script>parent.document.body.append('PWNED-IFRAME')</script>"></iframe>

<object data="data:text/html,<script>document.body.append('PWNED-OBJECT')</script>"></object>

<meta http-equiv="refresh" content="0; url=javascript:document.body.append('PWNED-META')">

<p style="background: url(javascript:document.body.append('PWNED-STYLE'))">styled</p>
`,
      'x.png': PNG
    })
    const out = tempDir()
    const r = chapkhana(['build', '--out', out, path.join(dir, 'pwned.md')])
    assert.equal(r.code, 0, r.stderr)
    const text = pdftotext(path.join(out, 'pwned.pdf'))
    assert.doesNotMatch(text, /PWNED/)
    const files = await unzipEpub(path.join(out, 'pwned.epub'))
    for (const [name, bytes] of files) assert.doesNotMatch(bytes.toString('latin1'), /PWNED|javascript:|onerror|onload/i, name)
    // Each removal is reported at its line and column.
    for (const [line, what] of [[15, /<script>/], [17, /onError/], [19, /<svg>/], [21, /script URL/], [23, /<iframe>/], [25, /<object>/], [27, /<meta>/], [29, /inline style/]] as const) {
      assert.match(r.stderr, new RegExp(`^\\s*${line}:\\d+(-\\d+:\\d+)?\\s+warning\\s+.*${what.source}`, 'm'), `warning at line ${line}`)
    }
  })

  it('a remote image is refused with a clear message at its position, and nothing is fetched', () => {
    const dir = articleDir({ 'remote.md': `${FRONT}${BODY}\n![](${base}/markdown.png)\n` })
    const r = chapkhana(['build', '--format', 'epub', '--out', tempDir(), path.join(dir, 'remote.md')])
    assert.equal(r.code, 1)
    assert.match(r.stderr, /remote\.md/)
    assert.match(r.stderr, /15:1-15:\d+\s+error\s+Remote image .* refused: a build never downloads anything/)
    assert.deepEqual(requests, [])
  })

  it('no request leaves the machine, whatever the article references: refused or dropped with warnings', async () => {
    const dir = articleDir({ 'net.md': `${FRONT}${BODY}${remoteReferences(base).replace(`<img src="${base}/img.png"`, '<img src="pic.png"')}`, 'pic.png': PNG })
    const out = tempDir()
    const r = chapkhana(['build', '--out', out, path.join(dir, 'net.md')])
    assert.equal(r.code, 0, r.stderr)
    assert.deepEqual(requests, [], 'the local server was never asked for anything')
    for (const tag of ['style', 'link', 'iframe', 'object', 'embed', 'svg', 'meta', 'base', 'form', 'source', 'video', 'audio']) assert.match(r.stderr, new RegExp(`Removed <${tag}>`), tag)
    const files = await unzipEpub(path.join(out, 'net.epub'))
    for (const [name, bytes] of files) {
      const text = bytes.toString('utf8')
      const remote = [...text.matchAll(/(?:src|srcset|href|poster|data|action|background)="(http[^"]*)"/g)].map((m) => m[1]).filter((u) => !u?.endsWith('/link-ok'))
      assert.deepEqual(remote, [], `${name} keeps no remote reference but the plain link`)
      assert.doesNotMatch(text, /url\(\s*["']?http|@import/, name)
    }
    // And the remote image itself, the one thing that cannot be dropped, is refused.
    const refused = chapkhana(['build', '--format', 'pdf', '--out', tempDir(), path.join(articleDir({ 'img.md': `${FRONT}${BODY}${remoteReferences(base)}` }), 'img.md')])
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /Remote image .*img\.png.* refused/)
    assert.deepEqual(requests, [])
  })

  it('local references cannot escape: ../../../etc/passwd, an absolute path and a symlink out are refused', () => {
    const outside = articleDir({ 'secret.png': PNG }, 'chapkhana-outside-')
    for (const [name, ref, rule] of [
      ['dots.md', '../../../../../../etc/passwd', /outside the article's folder/],
      ['abs.md', '/etc/passwd', /outside the article's folder/],
      ['fileurl.md', 'file:///etc/passwd', /refused: an image must be a file beside the article/],
      ['link.md', 'inside/link.png', /a link to a file outside the article's folder/]
    ] as const) {
      const dir = articleDir({ [name]: `${FRONT}${BODY}\n![x](${ref})\n` })
      mkdirSync(path.join(dir, 'inside'))
      symlinkSync(path.join(outside, 'secret.png'), path.join(dir, 'inside', 'link.png'))
      const out = tempDir()
      const r = chapkhana(['build', '--out', out, path.join(dir, name)])
      assert.equal(r.code, 1, `${name}: ${r.stderr}`)
      assert.match(r.stderr, new RegExp(name.replace('.', '\\.')))
      assert.match(r.stderr, /15:1-15:\d+\s+error/, `${name} names the line and column`)
      assert.match(r.stderr, rule, name)
      assert.equal(existsSync(path.join(out, name.replace('.md', '.epub'))), false)
    }
  })

  it('the EPUB holds exactly what the article needs, and no path of the building machine', async () => {
    const dir = articleDir({ 'closed.md': `${FRONT}${BODY}\nپەراوێز[^1].\n\n[^1]: تێبینی.\n` })
    const out = tempDir()
    const r = chapkhana(['build', '--format', 'epub', '--out', out, path.join(dir, 'closed.md')])
    assert.equal(r.code, 0, r.stderr)
    const files = await unzipEpub(path.join(out, 'closed.epub'))
    const names = [...files.keys()].sort()
    const fixed = names.filter((n) => !/^OEBPS\/fonts\/|^OEBPS\/text-\d+\.xhtml$|^OEBPS\/[\w-]+\.xhtml$/.test(n))
    // The generated cover is the one image the article needs.
    assert.deepEqual(fixed, ['META-INF/container.xml', 'OEBPS/content.opf', 'OEBPS/images/cover.png', 'OEBPS/style.css', 'OEBPS/toc.ncx', 'mimetype'])
    const xhtml = names.filter((n) => n.endsWith('.xhtml'))
    assert.ok(xhtml.includes('OEBPS/title.xhtml') && xhtml.includes('OEBPS/toc.xhtml') && xhtml.includes('OEBPS/colophon.xhtml'), xhtml.join(', '))
    assert.ok(xhtml.includes('OEBPS/cover.xhtml'), xhtml.join(', '))
    assert.ok(xhtml.length <= 7, `cover, title, contents, at most two chapters, colophon: ${xhtml.join(', ')}`)
    assert.ok(names.filter((n) => n.startsWith('OEBPS/fonts/')).every((n) => /\/amiri-[\w-]+\.ttf$/.test(n)), names.join(', '))
    // Every file the package lists is in the zip, and every file in the zip is listed.
    const opf = files.get('OEBPS/content.opf')!.toString('utf8')
    const manifest = [...opf.matchAll(/<item [^>]*href="([^"]+)"/g)].map((m) => `OEBPS/${m[1]}`).sort()
    assert.deepEqual(manifest, names.filter((n) => n.startsWith('OEBPS/') && n !== 'OEBPS/content.opf').sort())
    for (const [name, bytes] of files) {
      const text = bytes.toString('latin1')
      for (const leak of [dir, out, '/home/', '/root/', '/tmp/', '/work/', 'file:']) assert.ok(!text.includes(leak), `${name} contains ${leak}`)
    }
  })
})
