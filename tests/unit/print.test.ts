/**
 * The print edition's pieces without a browser: verse recognition, chapters
 * matching the EPUB's, endnotes per chapter, safe CSS strings in `@page`.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'
import { toHtml } from 'hast-util-to-html'
import { loadEdition } from '../../src/pipeline/article.ts'
import { resolveConfig } from '../../src/config/schema.ts'
import { makeEdition } from '../../src/publication/edition.ts'
import { splitChapters } from '../../src/writers/epub/chapters.ts'
import { printChapters } from '../../src/writers/pdf/chapters.ts'
import { pageCss } from '../../src/writers/pdf/page-css.ts'
import { tocEntries } from '../../src/writers/pdf/toc.ts'
import { cssString } from '../../src/publication/styles.ts'
import { render } from '../helpers/html.ts'
import { CORPORA } from '../helpers/paths.ts'

const doc = (body: string, title = 'عنوان') => `---\ntitle: ${JSON.stringify(title)}\nlang: ar\ndate: 2026-11-24\n---\n\n${body}\n`

describe('rehype-verse', () => {
  it('turns consecutive bayts into one poem of two hemistichs each', async () => {
    const { html } = await render(doc('قال:\n\nما كل يوم ينال المرءُ ما طلبا   ولا يسوغه المقدار ما وهبا\n\nواحزم الناس من أن نال فرصته   لم يجعل السبب الموصول مقتضبا\n\nومنها:'))
    assert.equal((html.match(/<div class="verse">/g) ?? []).length, 1)
    assert.equal((html.match(/<p class="bayt">/g) ?? []).length, 2)
    assert.match(html, /<span class="hemistich">ما كل يوم ينال المرءُ ما طلبا<\/span> <span class="hemistich">ولا يسوغه المقدار ما وهبا<\/span>/)
    assert.match(html, /<p>ومنها:<\/p>/)
  })

  it('leaves prose with a wide gap alone', async () => {
    for (const prose of [
      'اعلم أن للحكمة مسالك تقضي مضايق أوائلها بمن أمها سالكاً وركب خيارها قاصداً   إلى سعة عاقبتها وأمن سرحها وشرف عزها وأنعها',
      'استمع مرة ولا تتكلم إلا مرة واحدة.   من العار الحذر من الأصحاب.',
      'فقال:   وإني لعف عن زيارة جارتي وإني لمشنوء إلي اغتيالها',
      'سطر واحد بلا فجوة'
    ]) {
      const { html } = await render(doc(prose))
      assert.doesNotMatch(html, /verse|hemistich/, prose)
    }
  })

  it('keeps footnote references inside the hemistich they belong to', async () => {
    const { html } = await render(doc('لو أن سلمى شهدت[^1] مطلي   تمتح أو تدلج أو تعلي\n\n[^1]: حاشية.'))
    assert.match(html, /<span class="hemistich">لو أن سلمى شهدت<sup>.*?<\/sup> مطلي<\/span>/)
  })
})

describe('print chapters', () => {
  it('are the chapters the EPUB has, for every al-Muqtabas issue', async () => {
    for (const n of [29, 49, 60, 65]) {
      const source = path.join(CORPORA, 'muqtabas', `al-muqtabas-issue-${n}.md`)
      const edition = await loadEdition(source, resolveConfig({ lang: 'ar' }))
      const print = printChapters(edition)
      const epub = splitChapters(edition)
      assert.deepEqual(print.map((c) => c.title), epub.map((c) => c.title.replace(/\s+/g, ' ').replace(/\s*[٠-٩]+$/, '')), `issue ${n}`)
    }
  })

  it('end with the notes first referenced in them, numbered as at the reference, the number linking back', async () => {
    const { file, tree } = await render(doc('# أ\n\nنص[^a] آخر[^b]\n\n# ب\n\nنص[^c] وإعادة[^a]\n\n[^a]: الأولى.\n[^b]: الثانية.\n[^c]: الثالثة.'))
    const chapters = printChapters(makeEdition(file, tree, '.'))
    const html = chapters.map((c) => toHtml(c.children))
    assert.match(html[0]!, /<section class="endnotes"[^>]*>.*<li id="fn-a" value="1">.*<span class="endnote-number">\(<a [^>]*href="#fnref-a"[^>]*>١<\/a>\)<\/span>.*href="#fnref-a-2"[^>]*><sup>٢<\/sup><\/a>.*<li id="fn-b" value="2">/s)
    assert.doesNotMatch(html[0]!, /fn-c"/)
    assert.match(html[1]!, /<li id="fn-c" value="3">/)
    assert.doesNotMatch(html.join(''), /↩/)
    assert.deepEqual(tocEntries(chapters).map((e) => e.target), ['chapter-1', 'chapter-2'])
  })
})

describe('page CSS', () => {
  it('escapes titles for CSS strings and never lets one close the style element', () => {
    assert.equal(cssString('a "b" \\ c\nd'), '"a \\"b\\" \\\\ c d"')
    assert.doesNotMatch(cssString('</style><script>'), /</)
  })

  it('names a page per chapter and starts its head after the opening page', async () => {
    const { file, tree } = await render(doc('# أول "فصل"\n\nنص\n\n# ثان\n\nنص', 'كتاب \\ "س"'))
    const edition = makeEdition(file, tree, '.')
    const css = pageCss(edition, printChapters(edition), new Map([['chapter-1', 3], ['chapter-2', 7]]))
    assert.match(css, /section#chapter-2 \{ page: chapter-2; \}/)
    assert.match(css, /@counter-style chapkhana-head-chapter-1 \{ system: cyclic; symbols: "أول \\"فصل\\""; range: 4 infinite;/)
    assert.match(css, /@counter-style chapkhana-head-book-2 \{ system: cyclic; symbols: "كتاب \\\\ \\"س\\""; range: 8 infinite;/)
    // Right to left: the recto is the left-hand page.
    assert.match(css, /@page chapter-1:left \{ @top-center \{ content: counter\(page, chapkhana-head-chapter-1\)/)
  })
})
