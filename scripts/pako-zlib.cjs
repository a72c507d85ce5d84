// Stands in for `pako` inside the bundled CLI, for JSZip only
// (scripts/bundle.mjs), which zips every EPUB through pako's JavaScript
// deflate at level 9: 0.1–0.3 s of every build and of every `watch`
// rebuild on the seed article, on the thread that also talks to Chromium
// (docs/benchmarks.md). Node's zlib does the same raw deflate natively.
// JSZip uses `new pako.Deflate({ raw, level })` / `new pako.Inflate({ raw })`,
// `onData`, and `push(chunk, last)`; an entry is compressed whole when its
// last chunk arrives (entries are held in memory anyway). Other packages
// (pdf-lib) keep the real pako.
'use strict'
const zlib = require('node:zlib')

class Stream {
  constructor(run) {
    this.chunks = []
    this.run = run
    this.onData = () => {}
    this.err = 0
    this.msg = ''
  }

  push(data, last) {
    if (data.length > 0) this.chunks.push(Buffer.from(data))
    if (last === true || last === 4) {
      const out = this.run(Buffer.concat(this.chunks))
      this.chunks = []
      this.onData(new Uint8Array(out.buffer, out.byteOffset, out.byteLength))
    }
    return true
  }
}

/** Raw (or zlib-wrapped) deflate of everything pushed, at `level` (-1: zlib's default). */
exports.Deflate = class Deflate extends Stream {
  constructor(options = {}) {
    const settings = { level: options.level ?? -1 }
    super((input) => (options.raw ? zlib.deflateRawSync(input, settings) : zlib.deflateSync(input, settings)))
  }
}

/** Raw (or zlib-wrapped) inflate of everything pushed. */
exports.Inflate = class Inflate extends Stream {
  constructor(options = {}) {
    super((input) => (options.raw ? zlib.inflateRawSync(input) : zlib.inflateSync(input)))
  }
}
