// Stands in for `fontverter` inside the bundled CLI (scripts/bundle.mjs).
// subset-font imports fontverter to convert between sfnt, WOFF and WOFF2;
// chapkhana asks it for sfnt only (WOFF is made by src/fonts/woff.ts), and
// fontverter's import alone compiles two WOFF2 WebAssembly modules (~0.1 s
// of every cold build). Anything but sfnt in and out is refused loudly.
'use strict'

exports.detectFormat = function detectFormat(buffer) {
  const signature = buffer.toString('ascii', 0, 4)
  if (signature === 'true' || signature === 'OTTO' || signature === '\x00\x01\x00\x00') return 'sfnt'
  if (signature === 'wOFF') return 'woff'
  if (signature === 'wOF2') return 'woff2'
  throw new Error(`Unrecognized font signature: ${signature}`)
}

exports.convert = async function convert(buffer, toFormat, fromFormat) {
  const to = toFormat === 'truetype' ? 'sfnt' : toFormat
  const from = fromFormat === 'truetype' ? 'sfnt' : (fromFormat ?? exports.detectFormat(buffer))
  if (to !== 'sfnt' || from !== 'sfnt') throw new Error(`chapkhana's bundled subset-font converts sfnt only, not ${from} to ${to} (src/fonts/woff.ts makes WOFF)`)
  return buffer
}
