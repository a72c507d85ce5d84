/**
 * `out/index.html`: the collection. Rebuilt after every build from the
 * articles' records (`record.ts`), so articles skipped as up to date are
 * listed too and deleted ones disappear. Each entry keeps its own language
 * and direction; the page takes the language most of them share.
 */
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { Element, ElementContent } from 'hast'
import { toString } from 'hast-util-to-string'
import { h } from 'hastscript'
import { localeOf } from '../../locale/index.ts'
import { writeFileAtomic } from '../../util/atomic.ts'
import { writePageFonts, writeSiteCss } from './assets.ts'
import { downloadList, offers } from './downloads.ts'
import { renderPage } from './layout.ts'
import { loadRecords, type ListedRecord } from './record.ts'
import { MANIFEST, manifestText } from './manifest.ts'

/** What `writeIndex` needs. */
export interface IndexArgs {
  readonly outDir: string
  /** Language of the page when the collection is empty or mixed evenly (the project's `lang`). */
  readonly lang?: string
  /** The articles to list, in order (`chapkhana index` merging shards); by default the records of `outDir`'s builds. */
  readonly records?: readonly ListedRecord[]
}

/** The language most records share (ties: the first in the list), else `fallback`. */
function mainLanguage(records: readonly ListedRecord[], fallback: string): string {
  const counts = new Map<string, number>()
  for (const r of records) counts.set(r.lang, (counts.get(r.lang) ?? 0) + 1)
  let best = fallback
  let most = 0
  for (const [lang, n] of counts) if (n > most) [best, most] = [lang, n]
  return best
}

async function entry(record: ListedRecord, outDir: string): Promise<Element> {
  const page = `${record.slug}.html`
  const headingId = `ch-entry-${record.slug}`
  return h('li', [
    h('article.entry', { lang: record.lang, dir: record.dir, ariaLabelledBy: headingId }, [
      // The title beside it names the cover: alt="" keeps the name from being read twice.
      h('a.thumb', { href: page, tabIndex: -1, ariaHidden: 'true' }, [h('img', { src: record.cover, alt: '', width: 160, height: 256 })]),
      h('div.facts', [
        h('h2', { id: headingId }, [h('a', { href: page }, record.title)]),
        ...(record.author ? [h('p.author', record.author.join(localeOf(record.lang).listSeparator))] : []),
        h('p.dateline', record.dateLabel === '' ? [record.editionLabel] : [h('time', { dateTime: record.date }, record.dateLabel), localeOf(record.lang).factSeparator, record.editionLabel]),
        ...(record.teaser ? [h('p.teaser', record.teaser)] : []),
        downloadList(await offers(outDir, record.slug), record.lang)
      ])
    ])
  ])
}

/**
 * Write `out/index.html` listing every article built into `outDir` whose
 * source still exists, and beside it the manifest of those articles
 * (`manifest.ts`) from which `chapkhana index` assembles shards' folders;
 * returns the path and size of the page.
 */
export async function writeIndex({ outDir, lang, records: given }: IndexArgs): Promise<{ path: string; bytes: number }> {
  const records = given ?? (await loadRecords(outDir))
  const pageLang = mainLanguage(records, lang ?? 'en')
  const dir = records.find((r) => r.lang === pageLang)?.dir ?? localeOf(pageLang).direction
  const words = localeOf(pageLang).words
  const list: ElementContent[] = []
  for (const r of records) list.push(await entry(r, outDir))
  const content: ElementContent[] = [
    h('header.site-header', [h('h1#ch-title', words.collection)]),
    h('main#ch-main', [h('section', { ariaLabelledBy: 'ch-title' }, [h('ul.collection', list)])]),
    h('footer.site-footer', [h('p', [h('span', { dir: 'ltr', lang: 'en' }, 'chapkhana')])])
  ]
  const text = [toString({ type: 'root', children: content }), ...Object.values(words)].join(' ')
  const fonts = await writePageFonts(outDir, 'index', text)
  await writeSiteCss(outDir)
  const first = records[0]
  const html = renderPage(
    {
      lang: pageLang,
      dir,
      title: words.collection,
      description: records.map((r) => r.title).join(localeOf(pageLang).factSeparator).slice(0, 300),
      fontCss: fonts.css,
      og: { type: 'website', ...(first ? { image: first.cover, imageAlt: `${words.coverOf} ${first.title}` } : {}) },
      meta: { generator: 'chapkhana' }
    },
    content,
    'index-page'
  )
  await writeFileAtomic(path.join(outDir, MANIFEST), manifestText(records))
  const file = await writeFileAtomic(path.join(outDir, 'index.html'), html)
  return { path: file, bytes: (await stat(file)).size }
}
