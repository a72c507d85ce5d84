/** Numbers written in a language's own digits. */
import { languageInfo } from '../config/languages.ts'

/** `n` in the digits `lang` prints: Arabic-Indic, Persian or ASCII. */
export function toArabicIndic(n: number, lang: string): string {
  const digits = languageInfo(lang)?.digits
  const zero = digits === 'arabic-indic' ? 0x660 : digits === 'persian' ? 0x6f0 : 0x30
  return String(n).replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)))
}
