/**
 * Facts about a document that travel on `file.data`, typed through vfile's
 * `DataMap` so every plugin and renderer reads the same names.
 */
import type { Direction, Locale } from '../locale/locale.ts'

/** Front matter after validation. Only `title` is required. */
export interface DocumentMeta {
  readonly title: string
  /**
   * ISO date `YYYY-MM-DD` of this edition: the front matter's `date`, or for
   * the metadata only (dc:date, dcterms:modified, the PDF dates) one from
   * `SOURCE_DATE_EPOCH` or the source's history when it has none.
   */
  readonly date: string
  /** The front matter gives no date: none is printed (title block, colophon, cover, reader page). */
  readonly undated?: true
  readonly edition: number
  readonly author?: readonly string[]
  readonly publisher?: string
  readonly description?: string
  readonly subject?: readonly string[]
  readonly rights?: string
  /** Path of a cover image, relative to the article. */
  readonly cover?: string
  /**
   * List corrections in the colophon: `true` computes them from the edition
   * history; a list of strings is printed as the editor wrote it.
   */
  readonly corrections?: true | readonly string[]
  /** Where the PDF prints the notes (`notes:`); the config's `notes` when absent. */
  readonly notes?: 'foot' | 'end'
}

/** Corrections since the previous released edition, for the colophon. */
export interface Corrections {
  /** Number of the edition they are measured from. */
  readonly since: number
  /** Word changes (`before` → `after`), or the editor's own lines. */
  readonly items: readonly ({ readonly before: string; readonly after: string } | { readonly note: string })[]
}

/** One heading, as the table of contents and the PDF outline need it. */
export interface HeadingEntry {
  readonly depth: number
  readonly id: string
  readonly text: string
}

declare module 'vfile' {
  interface DataMap {
    meta: DocumentMeta
    /** BCP 47 language of the document. */
    lang: string
    dir: Direction
    /** Language facts and words, computed once from `lang` and `dir` (see `src/locale/`). */
    locale: Locale
    /** URL-safe name of the article, from its file name. */
    slug: string
    /** Headings in reading order, filled by `rehype-heading-ids`. */
    headings: HeadingEntry[]
    /** Text of the first paragraph, filled by `rehype-heading-ids`. */
    teaser: string
    /** Set by `src/publication/corrections.ts` when the front matter asks for corrections. */
    corrections: Corrections
  }
}
