/** Code units that can be part of an emoji-regex match; a string without any is measured without the pattern. */
export declare const MAYBE_EMOJI: RegExp
/** Code points below U+203C that can join a grapheme: a string without any is walked by code point. */
export declare const JOINS: RegExp
/** string-width's width of `string` (see string-width-fast.mjs). */
export default function fastStringWidth(string: string, options?: { readonly ambiguousIsNarrow?: boolean; readonly countAnsiEscapeCodes?: boolean }): number
