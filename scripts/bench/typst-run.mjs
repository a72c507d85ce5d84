#!/usr/bin/env node
// The native-engine reference of `npm run bench`: the same Markdown files,
// turned into Typst markup by a plain converter (front matter dropped;
// headings, paragraphs, bold/italic and footnotes kept; everything else as
// text) and typeset to an A4 PDF, right to left in Amiri, by Typst's own
// compiler as the npm package @myriaddreamin/typst-ts-node-compiler ships it.
// Usage: typst-run.mjs OUT.pdf LANG FILE.md…   Plain JavaScript on purpose:
// timed from a fresh process, it should pay for Typst, not for a TS loader.
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const [out, lang, ...files] = process.argv.slice(2)
const require = createRequire(import.meta.url)
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler')
const amiri = path.dirname(require.resolve('@expo-google-fonts/amiri/package.json'))

/** Typst's markup characters, escaped so prose stays prose. */
const escape = (text) => text.replace(/[\\#*_`$<>@\[\]=~\/+-]/g, (c) => `\\${c}`)
const inline = (text, notes) =>
  escape(text)
    .replace(/\\\*\\\*(.+?)\\\*\\\*/g, '*$1*')
    .replace(/\\\[\^([^\]\\]+)\\\]/g, (_, id) => `#footnote[${notes.get(id) ?? ''}]`)

function toTypst(markdown) {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '')
  const title = /^title:\s*"?(.*?)"?\s*$/m.exec(markdown.slice(0, markdown.indexOf('\n---', 3)))?.[1]
  const notes = new Map()
  const text = body.replace(/^\[\^([^\]]+)\]:\s*(.*)$/gm, (_, id, note) => (notes.set(id, escape(note)), ''))
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean)
  const lines = title ? [`= ${escape(title)}`] : []
  for (const block of blocks) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(block)
    lines.push(heading ? `${'='.repeat(heading[1].length + (title ? 1 : 0))} ${inline(heading[2], notes)}` : inline(block.replace(/\n/g, ' '), notes))
  }
  return lines.join('\n\n')
}

const source = [
  `#set page(paper: "a4", margin: 2cm, numbering: "1")`,
  `#set text(font: "Amiri", size: 12pt, lang: "${lang === 'ckb' ? 'ku' : lang}", dir: rtl)`,
  `#set par(justify: true)`,
  `#show heading.where(level: 1): it => { pagebreak(weak: true); it }`,
  ...files.map((f) => toTypst(readFileSync(f, 'utf8')))
].join('\n\n')
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [path.join(amiri, '400Regular'), path.join(amiri, '700Bold'), path.join(amiri, '400Regular_Italic'), path.join(amiri, '700Bold_Italic')] }] })
const pdf = compiler.pdf({ mainFileContent: source })
writeFileSync(out, pdf)
