/** The locale: one object per document language (see `locale.ts`). */
export { isKnownLanguage, knownLanguages, localeOf, type CounterStyle, type Direction, type Locale, type NumberingSystem, type Words } from './locale.ts'
export { localeOfFile } from './file.ts'
export { allDigits, localeCss } from './css.ts'
