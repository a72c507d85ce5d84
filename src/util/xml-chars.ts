/**
 * Characters that XML 1.0 does not allow (C0 controls other than tab, line
 * feed and carriage return; lone UTF-16 surrogates; U+FFFE and U+FFFF). One
 * of them anywhere makes an EPUB's XHTML ill-formed, so readers refuse the
 * whole book. They reach chapkhana from text built in memory, YAML escapes
 * (`"\x01"`) and HTML character references (`&#1;`); each is replaced with
 * U+FFFD, the replacement character, and reported.
 */

// A surrogate is fine only as half of a pair, which the `u` flag matches as one.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Surrogate}/gu

/** What `toXmlText` changed. */
export interface XmlTextResult {
  readonly text: string
  /** How many characters were replaced. */
  readonly replaced: number
  /** Offset (UTF-16) of the first one, or -1. */
  readonly first: number
  /** The first one, as `U+XXXX`. */
  readonly firstCode: string
}

/** `text` with every character XML cannot carry replaced by U+FFFD. */
export function toXmlText(text: string): XmlTextResult {
  let replaced = 0
  let first = -1
  let firstCode = ''
  const out = text.replace(NOT_XML, (c, offset: number) => {
    if (replaced++ === 0) {
      first = offset
      firstCode = `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
    }
    return '\uFFFD'
  })
  return { text: replaced === 0 ? text : out, replaced, first, firstCode }
}

/** A sentence for reports: "2 characters that XML cannot hold (first U+0001)". */
export function describeReplaced(result: XmlTextResult): string {
  return `${result.replaced} character${result.replaced === 1 ? '' : 's'} an e-book cannot hold (the first is ${result.firstCode}, a control character, lone surrogate or non-character) replaced with U+FFFD �`
}
