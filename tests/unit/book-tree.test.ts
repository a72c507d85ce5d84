/** Joining chapter trees into a book: titles, ids, links, notes, images. */
import assert from 'node:assert/strict'
import type { Element, Root } from 'hast'
import { h } from 'hastscript'
import { describe, it } from 'node:test'
import { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { joinChapters, type ChapterPart } from '../../src/tree/join-chapters.ts'
import '../../src/types/document.ts'

function part(title: string, children: Root['children'], headings: { depth: number; id: string; text: string }[], baseDir = '/book'): ChapterPart {
  const file = new VFile({ path: `${baseDir}/x.md` })
  file.data.meta = { title, date: '2026-11-24', edition: 1 }
  file.data.headings = headings
  return { file, tree: { type: 'root', children }, baseDir }
}

const ids = (tree: Root): string[] => {
  const out: string[] = []
  visit(tree, 'element', (n: Element) => {
    if (typeof n.properties.id === 'string') out.push(n.properties.id)
  })
  return out
}

describe('joinChapters', () => {
  it('gives a chapter without a heading its title as the one top heading, and pushes its headings below it', () => {
    const a = part('یەکەم', [h('p', 'دەق'), h('h1', { id: 'h-1' }, 'ناونیشان'), h('h2', { id: 'h-2' }, 'لق')], [
      { depth: 1, id: 'h-1', text: 'ناونیشان' },
      { depth: 2, id: 'h-2', text: 'لق' }
    ])
    const b = part('دووەم', [h('h2', { id: 'h-1' }, 'سەرەتا'), h('p', 'دەق')], [{ depth: 2, id: 'h-1', text: 'سەرەتا' }])
    const { tree, headings } = joinChapters({ type: 'root', children: [] }, [], [a, b], '/book')
    const tops = tree.children.filter((n): n is Element => n.type === 'element' && n.tagName === 'h1')
    assert.deepEqual(tops.map((t) => t.properties.id), ['c1-title', 'c2-h-1'])
    assert.deepEqual(headings, [
      { depth: 1, id: 'c1-title', text: 'یەکەم' },
      { depth: 2, id: 'c1-h-1', text: 'ناونیشان' },
      { depth: 3, id: 'c1-h-2', text: 'لق' },
      { depth: 1, id: 'c2-h-1', text: 'سەرەتا' }
    ])
  })

  it('makes ids unique per chapter and keeps links and note references pointing at them', () => {
    const chapter = (t: string) =>
      part(t, [h('p', [h('sup', [h('a', { href: '#fn-1', id: 'fnref-1', ariaDescribedBy: ['footnote-label'] }, '1')])]), h('section', { dataFootnotes: true }, [h('h2', { id: 'footnote-label' }, 'پەراوێز'), h('ol', [h('li', { id: 'fn-1' }, [h('a', { href: '#fnref-1' }, '↩')])])])], [])
    const { tree } = joinChapters({ type: 'root', children: [] }, [], [chapter('a'), chapter('b')], '/book')
    const all = ids(tree)
    assert.equal(new Set(all).size, all.length, `duplicate ids: ${all.join(' ')}`)
    const hrefs: string[] = []
    visit(tree, 'element', (n: Element) => {
      if (typeof n.properties.href === 'string') hrefs.push(n.properties.href)
    })
    for (const href of hrefs) assert.ok(all.includes(href.slice(1)), `${href} points nowhere`)
    // Each chapter keeps its own notes section, after its text.
    const sections = tree.children.filter((n): n is Element => n.type === 'element' && n.tagName === 'section')
    assert.equal(sections.length, 2)
  })

  it('re-addresses images from the chapter folder to the book folder', () => {
    const a = part('a', [h('p', [h('img', { src: 'pics/one.png', alt: 'x' })])], [], '/book/part-1')
    const { tree } = joinChapters({ type: 'root', children: [] }, [], [a], '/book')
    let src = ''
    visit(tree, 'element', (n: Element) => {
      if (n.tagName === 'img') src = String(n.properties.src)
    })
    assert.equal(src, 'part-1/pics/one.png')
  })
})
