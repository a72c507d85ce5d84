/**
 * Books made from the seed article, for tests and the benchmark: `n` chapters,
 * each the whole seed article under its own title, in a folder book.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { SEED } from './paths.ts'

/** The seed article's text without its front matter. */
export function seedBody(): string {
  return readFileSync(SEED, 'utf8').replace(/^---[\s\S]*?\n---\n/, '').trim()
}

/** Write `<dir>/<name>/book.md` and `n` chapters (`01.md`, …); returns the book file. */
export function writeSeedBook(dir: string, name: string, n: number, options: { listed?: boolean } = {}): string {
  const folder = path.join(dir, name)
  mkdirSync(folder, { recursive: true })
  const body = seedBody()
  const files: string[] = []
  for (let i = 1; i <= n; i++) {
    const file = `${String(i).padStart(3, '0')}.md`
    files.push(file)
    writeFileSync(path.join(folder, file), `---\ntitle: "بەشی ${i}: ناتۆ و هاوپەیمانییەکە"\n---\n\n${body}\n\nتێبینی[^1].\n\n[^1]: پەراوێزی بەشی ${i}.\n`)
  }
  const list = options.listed ? `chapters:\n${files.map((f) => `  - ${f}`).join('\n')}\n` : ''
  const book = path.join(folder, 'book.md')
  writeFileSync(book, `---\ntitle: "کتێبی ناتۆ"\nlang: ckb\ndate: 2026-11-24\nedition: 1\n${list}---\n`)
  return book
}
