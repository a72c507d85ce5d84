/**
 * Character classes the rules ask about, as code-point ranges: a regular
 * expression per character would be the slowest part of linting a corpus.
 */

/** The object replacement character: stands in the prose view for code, HTML, URLs. */
export const OPAQUE = '\uFFFC'

/** A letter of the Arabic script (not a digit, mark, punctuation or tatweel). */
export function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x063f) ||
    (c >= 0x0641 && c <= 0x064a) ||
    c === 0x066e ||
    c === 0x066f ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 ||
    c === 0x06e5 ||
    c === 0x06e6 ||
    c === 0x06ee ||
    c === 0x06ef ||
    (c >= 0x06fa && c <= 0x06fc) ||
    c === 0x06ff ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  )
}

/** A combining mark (Arabic harakat and the generic combining diacritics). */
export function isMark(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e4) ||
    c === 0x06e7 ||
    c === 0x06e8 ||
    (c >= 0x06ea && c <= 0x06ed) ||
    (c >= 0x08ca && c <= 0x08ff)
  )
}

/** A letter of the Latin script. */
export function isLatinLetter(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  )
}

/** Which digit system `c` belongs to, if it is a digit. */
export function digitSystem(c: number): 'latin' | 'arabic-indic' | 'persian' | undefined {
  if (c >= 0x30 && c <= 0x39) return 'latin'
  if (c >= 0x660 && c <= 0x669) return 'arabic-indic'
  if (c >= 0x6f0 && c <= 0x6f9) return 'persian'
  return undefined
}

const OTHER_LETTER = /\p{L}/u

/** Any letter, of any script. */
export function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
  return isArabicLetter(c) || isLatinLetter(c) || (c !== 0xfffc && OTHER_LETTER.test(String.fromCharCode(c)))
}

/**
 * Something a word can end with: a letter, digit or mark, a closing bracket
 * or quotation mark, or an opaque span (code, link) standing for a word.
 */
export function endsWord(c: number): boolean {
  return (
    isLetter(c) ||
    digitSystem(c) !== undefined ||
    isMark(c) ||
    c === 0xfffc ||
    c === 0x29 || // )
    c === 0x5d || // ]
    c === 0xbb || // »
    c === 0x203a || // ›
    c === 0x22 || // "
    c === 0x201d // ”
  )
}

/** White space as far as prose spacing is concerned (not NBSP: that is deliberate). */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
}
