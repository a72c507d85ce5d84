/**
 * The download buttons (EPUB and PDF with their sizes) and the links to
 * earlier editions. Both look at what is really in the output folder, so a
 * page never offers a file that is not there; earlier editions are found by
 * name (`<slug>-ed<N>.epub` / `.pdf`, as `chapkhana release` writes them).
 */
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Element } from 'hast'
import { h } from 'hastscript'
import { localeOf } from '../../locale/index.ts'
import { sizeLabel } from './words.ts'

/** The formats a reader can download, in the order shown. */
export const FORMATS = [
  { ext: 'epub', label: 'EPUB', type: 'application/epub+zip' },
  { ext: 'pdf', label: 'PDF', type: 'application/pdf' }
] as const

/** One file on offer. */
export interface Offer {
  readonly ext: string
  readonly label: string
  readonly type: string
  readonly href: string
  readonly bytes: number
}

const size = (file: string): Promise<number | undefined> =>
  stat(file).then(
    (s) => (s.isFile() ? s.size : undefined),
    () => undefined
  )

/** The current edition's files of `slug` present in `outDir` (optionally only `formats`). */
export async function offers(outDir: string, slug: string, formats?: readonly string[]): Promise<Offer[]> {
  const out: Offer[] = []
  for (const f of FORMATS) {
    if (formats && !formats.includes(f.ext)) continue
    const bytes = await size(path.join(outDir, `${slug}.${f.ext}`))
    if (bytes !== undefined) out.push({ ...f, href: `${slug}.${f.ext}`, bytes })
  }
  return out
}

/** The buttons: "Download EPUB، ١٣٨ kB". */
export function downloadList(offers: readonly Offer[], lang: string): Element {
  const { words, factSeparator } = localeOf(lang)
  return h(
    'ul.downloads',
    offers.map((o) =>
      h('li', [
        h('a.button', { href: o.href, type: o.type, download: '' }, [
          h('span.verb', words.download),
          ' ',
          h('span.format', { lang: 'en', dir: 'ltr' }, o.label),
          h('span.size', `${factSeparator}${sizeLabel(o.bytes, lang)}`)
        ])
      ])
    )
  )
}

/** Earlier editions found in `outDir`: edition number → files, newest first. */
export async function earlierEditions(outDir: string, slug: string, current: number): Promise<{ n: number; files: Offer[] }[]> {
  const names = await readdir(outDir).catch(() => [] as string[])
  const pattern = new RegExp(`^${slug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-ed(\\d+)\\.(epub|pdf)$`)
  const found = new Map<number, Offer[]>()
  for (const name of names.sort()) {
    const m = pattern.exec(name)
    if (!m) continue
    const n = Number(m[1])
    const format = FORMATS.find((f) => f.ext === m[2])
    const bytes = await size(path.join(outDir, name))
    if (n >= current || !format || bytes === undefined) continue
    found.set(n, [...(found.get(n) ?? []), { ...format, href: name, bytes }])
  }
  return [...found].sort((a, b) => b[0] - a[0]).map(([n, files]) => ({ n, files }))
}

/** The list of earlier editions, or nothing when there are none. */
export function editionsSection(editions: readonly { n: number; files: readonly Offer[] }[], lang: string, editionWord: string): Element[] {
  if (editions.length === 0) return []
  const { words, factSeparator, number } = localeOf(lang)
  return [
    h('section.editions', { ariaLabelledBy: 'ch-editions' }, [
      h('h2#ch-editions', words.earlierEditions),
      h(
        'ul',
        editions.map((e) =>
          h('li', [
            `${editionWord} ${number(e.n)}: `,
            ...e.files.flatMap((f, i) => [
              ...(i > 0 ? [factSeparator] : []),
              h('a', { href: f.href, type: f.type }, [h('span', { lang: 'en', dir: 'ltr' }, f.label), ` (${sizeLabel(f.bytes, lang)})`])
            ])
          ])
        )
      )
    ])
  ]
}
