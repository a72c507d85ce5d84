/**
 * The file-system and URL name of an article, from its file name. Letters
 * stay whole: Arabic-script names keep their hamza letters and the Persian
 * zero-width non-joiner, so two different names never share a slug.
 */
import path from 'node:path'

/** ZERO WIDTH NON-JOINER: part of Persian (and Sorani) spelling (`می‌شود`), not a separator. */
const ZWNJ = '\u200C'

/**
 * The URL-safe name of an article from its path: `content/My Piece.md` →
 * `my-piece`, `ئاسایش.md` → `ئاسایش`, `کتاب‌ها.md` → `کتاب‌ها`.
 *
 * NFC, never NFKD: decomposition splits `ئ أ إ ؤ` into a bare letter and a
 * combining hamza, and stripping the mark turns `ئاسایش` into `ي-اسایش` and
 * makes `أحمد` and `إحمد` the same file. Marks (harakat) are kept with their
 * letter; a ZWNJ is kept between letters and dropped elsewhere.
 */
export function slugOf(filePath: string): string {
  let base = path.basename(filePath).replace(/\.(md|markdown)$/i, '')
  // `guide/index.md` is the article "guide", as on every static site;
  // `my-book/book.md` is the book "my-book".
  if (/^(index|readme|book)$/i.test(base)) base = path.basename(path.dirname(path.resolve(filePath)))
  const slug = base
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\u200C]+/gu, '-')
    // A ZWNJ only means something between two letters.
    .replace(/(?<![\p{L}\p{M}])\u200C+|\u200C+(?!\p{L})/gu, '')
    .replace(/\u200C+/g, ZWNJ)
    .replace(/^[-\p{M}]+|-+$/gu, '')
  return slug === '' ? 'article' : slug
}
