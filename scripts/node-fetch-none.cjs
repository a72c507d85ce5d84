// Stand-in for `node-fetch` inside epub-gen-memory, in the bundle only
// (scripts/bundle.mjs). epub-gen-memory fetches a chapter's images and fonts
// when it is given their addresses; chapkhana gives it none (it adds every
// image and face to the zip itself, src/writers/epub/write.ts) and never
// reaches the network at build time. The real package brings whatwg-url and
// its tr46 mapping table: ~0.33 MB of the bundle's largest chunk, compiled
// and evaluated at every cold build.
'use strict'
function fetch(url) {
  return Promise.reject(new Error(`chapkhana never fetches over the network (${String(url)}): the EPUB's images and fonts are read from disk`))
}
module.exports = fetch
module.exports.default = fetch
