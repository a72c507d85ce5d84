/**
 * What raw HTML in an article may keep: GitHub's schema (no scripts, no
 * event handlers, no `javascript:` URLs, no frames or objects) plus what books
 * need: language and direction on every element, bidi isolation, asides,
 * figures and the classes the stylesheets use.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize'

const attributes = defaultSchema.attributes ?? {}

// Presentational attributes HTML5 dropped: EPUBCheck rejects them (RSC-005)
// and the stylesheets do their work. `align` and `valign` stay, to become
// classes (`rehype-align.ts`); `width` and `height` stay on images only.
const OBSOLETE = new Set(['axis', 'border', 'cellPadding', 'cellSpacing', 'char', 'charOff', 'charSet', 'clear', 'color', 'compact', 'frame', 'hSpace', 'noHref', 'noShade', 'noWrap', 'rev', 'rules', 'size', 'summary', 'width', 'height'])
const everywhere = (attributes['*'] ?? []).filter((a) => !(typeof a === 'string' && OBSOLETE.has(a)))

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // Ids are ours (headings, footnotes) or the author's; the outputs run no
  // scripts, so DOM clobbering cannot hurt and prefixes would only break links.
  clobber: [],
  clobberPrefix: '',
  // Removed with their content: a style sheet's or a template's text is no
  // prose (GitHub's schema strips only scripts, so `<style>` left its CSS,
  // `@import url(…)` and all, printed in the text).
  strip: [...(defaultSchema.strip ?? []), 'style', 'template'],
  // No `<source>`: its `srcset` would make a reader (or Chromium) fetch what
  // the build never checked; `<picture>` keeps its `<img>`, which is checked.
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => t !== 'source'), 'bdi', 'bdo', 'section', 'aside', 'figure', 'figcaption', 'abbr', 'mark', 'small', 'cite', 'time'],
  attributes: {
    ...attributes,
    '*': [...everywhere, 'dir', 'lang', 'className', 'title'],
    a: [...(attributes.a ?? []), 'dataFootnoteRef', 'dataFootnoteBackref'],
    section: ['dataFootnotes', 'className'],
    // GitHub allows only `sr-only` here; our footnote label carries its own class.
    h2: ['className'],
    time: ['dateTime'],
    abbr: ['title'],
    img: [...(attributes.img ?? []).filter((a) => a !== 'longDesc'), 'width', 'height']
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] }
}
