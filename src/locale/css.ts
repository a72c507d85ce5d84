/**
 * The CSS each language's locale implies, generated from the language data
 * so no stylesheet names a language: ordered lists counted in the language's
 * own digits. `:lang()` follows the nearest `lang`, so a chapter in another
 * language counts in its own digits. (Not `:where()`, which would weigh
 * nothing: EPUBCheck's CSS parser rejects it, CSS-008.)
 */
import { LANGUAGES } from './languages.ts'
import { localeOf } from './locale.ts'

/** `@`-free CSS rules for the list counters of every known language. */
export function localeCss(): string {
  return Object.keys(LANGUAGES)
    .map((tag) => [tag, localeOf(tag).counterStyle] as const)
    .filter(([, style]) => style !== 'decimal')
    // `:lang(ckb)` matches `ckb-Latn` too, whose locale counts 1 2 3: the
    // Latin and Cyrillic forms of the language come after, at equal weight.
    .flatMap(([tag, style]) => [
      `ol:lang(${tag}) { list-style-type: ${style}; }`,
      `ol:lang(${tag}-Latn), ol:lang(${tag}-Cyrl) { list-style-type: ${localeOf(`${tag}-Latn`).counterStyle}; }`
    ])
    .join('\n')
}

/** Every digit any known language prints (ASCII included), for font subsets. */
export function allDigits(): string {
  const sets = new Set(['0123456789', ...Object.keys(LANGUAGES).map((tag) => localeOf(tag).digits ?? '')])
  return [...sets].join('')
}
