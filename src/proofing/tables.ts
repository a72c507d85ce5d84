/**
 * The mapping tables of the proofing rules, kept as data so that a reviewer
 * can check them against their sources without reading rule code.
 *
 * Sources:
 * - KLPT, the Kurdish Language Processing Toolkit (Sina Ahmadi),
 *   `klpt/data/preprocess_map.json`, section `normalizer.universal.Arabic`:
 *   ك→ک, ڪ→ک, ي→ی, ى→ی, ے→ی, ه+ZWNJ→ە, ة→ە, and the numeral tables
 *   (`numerals.Arabic`, `numerals.Farsi`).
 * - AsoSoft Library (Aso Mahmudi et al., "Automated Kurdish Text
 *   Normalization", 2019), `src/asosoft/Normalize.py`: `NormalizeKurdish1`
 *   (tatweel between a joining letter and a letter — chapkhana also removes it
 *   after a non-joining letter, where it is a loose stroke; ZWNJ merged, removed
 *   before white space or punctuation and after non-joining letters, whose
 *   list `_joiners` is the basis of {@link DUAL_JOINING}), `NormalizeKurdish2`
 *   (ى|ي→ی, ك→ک, ه+ZWNJ→ە) and `Zarnegar2Unicode` / "errors from font
 *   conversion" (ی/و/ل/ر + a mark standing in for the Kurdish V → ێ/ۆ/ڵ/ڕ).
 * - Unicode `ArabicShaping.txt` (joining type D) for the joining letters that
 *   the two lists above leave out (Persian and Urdu letters).
 *
 * Both toolkits are NLP normalizers and also do lossy things that are not
 * proofing and that chapkhana deliberately does NOT copy: deleting every
 * ZWNJ and every haraka, أ/إ/آ→ا, ؤ→ۆ, word-final ه→ە, ھ→ه, and turning
 * stray tatweel into "-". Each would change words an author wrote on purpose
 * (Arabic quotations, the final h of a Sorani word, `APIـی`).
 */

/** Letters a Sorani text must not contain, with the Kurdish letter meant. */
export const SORANI_KAF: Readonly<Record<string, string>> = {
  '\u0643': '\u06A9', // ARABIC LETTER KAF → KEHEH (KLPT, AsoSoft)
  '\u06AA': '\u06A9' // ARABIC LETTER SWASH KAF → KEHEH (KLPT)
}

/** Arabic yeh and alef maksura are both Kurdish ی. */
export const SORANI_YEH: Readonly<Record<string, string>> = {
  '\u064A': '\u06CC', // ARABIC LETTER YEH → FARSI YEH (KLPT, AsoSoft)
  '\u0649': '\u06CC', // ALEF MAKSURA → FARSI YEH (KLPT, AsoSoft)
  '\u06D2': '\u06CC' // YEH BARREE (Urdu) → FARSI YEH (KLPT)
}

/** Teh marbuta stands for the Kurdish vowel ە (KLPT); heh + ZWNJ is handled by the rule. */
export const SORANI_AE: Readonly<Record<string, string>> = {
  '\u0629': '\u06D5' // TEH MARBUTA → AE
}

/** ARABIC LETTER HEH, which with a ZWNJ after it was the pre-Unicode way to type ە. */
export const HEH = '\u0647'
/** ARABIC LETTER AE, the Sorani vowel ە. */
export const AE = '\u06D5'

/**
 * The four Sorani letters with a V, and the plain letters (plus their Arabic
 * look-alikes) that people decorate with a combining mark to fake them.
 */
export const V_LETTER: Readonly<Record<string, string>> = {
  '\u0644': '\u06B5', // ل → ڵ
  '\u06B5': '\u06B5', // ڵ with a second V: drop the extra mark
  '\u06CC': '\u06CE', // ی → ێ
  '\u064A': '\u06CE', // ي → ێ
  '\u0649': '\u06CE', // ى → ێ
  '\u06CE': '\u06CE',
  '\u0648': '\u06C6', // و → ۆ
  '\u06C6': '\u06C6',
  '\u0631': '\u0695', // ر → ڕ
  '\u0695': '\u0695'
}

/**
 * Combining marks that look like the Kurdish V above or below a letter. Only
 * V-shaped marks: harakat (fatha, kasra, dammatan) are also used that way by
 * old font conversions (AsoSoft), but in a Sorani text they are more often a
 * real Arabic quotation, so they are left alone.
 */
export const V_MARKS = new Set([
  '\u065A', // ARABIC VOWEL SIGN SMALL V ABOVE
  '\u065B', // ARABIC VOWEL SIGN INVERTED SMALL V ABOVE
  '\u0302', // COMBINING CIRCUMFLEX ACCENT
  '\u0306', // COMBINING BREVE
  '\u030C', // COMBINING CARON
  '\u0311', // COMBINING INVERTED BREVE
  '\u032C', // COMBINING CARON BELOW
  '\u032D', // COMBINING CIRCUMFLEX ACCENT BELOW
  '\u032E', // COMBINING BREVE BELOW
  '\u032F' // COMBINING INVERTED BREVE BELOW
])

/**
 * Letters that join on both sides (Unicode joining type D): a ZWNJ or a
 * tatweel after anything else has nothing to break or stretch. AsoSoft's
 * `_joiners` plus the Persian/Urdu letters from ArabicShaping.txt.
 */
export const DUAL_JOINING = new Set(
  'ئبپتثجچحخسشصضطظعغفڤقکكگلڵمنیيهھێىڪڠڭٹٺٻټٽٿڀځڃڄڅڇڛڜڝڞڟڡڢڣڥڦڧڨګڬڮڰڱڲڳڴڶڷڸڹںڻڼڽڿېہ\u0640'
)

/** ASCII punctuation and the Arabic-script mark that replaces it between Arabic-script words. */
export const ARABIC_PUNCTUATION: Readonly<Record<string, string>> = {
  ',': '\u060C', // ARABIC COMMA
  ';': '\u061B', // ARABIC SEMICOLON
  '?': '\u061F' // ARABIC QUESTION MARK
}

/** Zero of each digit system; the digit d is `zero + d`. */
export const DIGIT_ZERO = { latin: 0x30, 'arabic-indic': 0x660, persian: 0x6f0 } as const

/** Writing systems of digits. */
export type DigitSystem = keyof typeof DIGIT_ZERO

/** Quotation marks by nesting depth: outermost «», then ‹› inside them. */
export const QUOTES: readonly (readonly [string, string])[] = [
  ['\u00AB', '\u00BB'],
  ['\u2039', '\u203A']
]

/**
 * Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFC) are glyphs, not
 * letters: text typed with them cannot be searched, hyphenated or shaped by
 * the font. The word ligatures U+FDF0–FDFF (ﷲ ﷺ ﷻ, the rial sign) are
 * left out: authors use them on purpose as symbols.
 */
export const PRESENTATION_FORMS = /[\uFB50-\uFDEF\uFE70-\uFEFC]+/g

/**
 * Primary language subtags written in Arabic script, where Arabic-script
 * punctuation, spacing, quotation and digit rules apply.
 */
export const ARABIC_SCRIPT_LANGS = new Set(['ar', 'ckb', 'fa', 'ur', 'ps', 'ug', 'sd', 'ks', 'bal', 'glk', 'mzn', 'lrc', 'sdh', 'azb', 'prs'])
