#!/usr/bin/env node
// The house rule, checked: chapkhana's stages are folders of src/ and imports
// only point down the list below; writers never import one another. The
// imports are read by esbuild (already the bundler, so a real TypeScript
// parser at no extra cost; dependency-cruiser needs the TypeScript 5 compiler
// API, which TypeScript 7 no longer ships). Exits 1 listing every import that
// points up or sideways. `npm test` runs it.
import { build } from 'esbuild'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The stages, lowest first: a file may import its own stage or one listed before it. */
export const STAGES = [
  ['util', 'paths.ts', 'version.ts', 'types'],
  ['locale'],
  ['proofing'],
  ['config'],
  ['fonts', 'browser'],
  ['source'],
  ['diff'],
  ['tree'],
  ['lint'],
  ['publication'],
  ['writers'],
  ['pipeline'],
  ['release'],
  ['preview'],
  ['cli']
]
/** Stages whose sub-folders are independent of one another (writers: epub, pdf, site, cover). */
const SEPARATE = new Set(['writers'])

const rank = new Map(STAGES.flatMap((names, i) => names.map((n) => [n, i])))
const files = readdirSync(path.join(root, 'src'), { recursive: true })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => path.join(root, 'src', f))

const { metafile } = await build({
  entryPoints: files,
  bundle: true,
  write: false,
  metafile: true,
  outdir: path.join(root, 'dist', 'stage-check'),
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'error'
})

const parts = (file) => path.relative(path.join(root, 'src'), path.resolve(root, file)).split(path.sep)
const problems = []
const unknown = new Set()
for (const [input, { imports }] of Object.entries(metafile.inputs)) {
  if (!input.startsWith('src/')) continue
  const from = parts(input)
  for (const { path: target, external } of imports) {
    if (external || !target.startsWith('src/')) continue
    const to = parts(target)
    const [a, b] = [rank.get(from[0]), rank.get(to[0])]
    if (a === undefined) unknown.add(from[0])
    if (b === undefined) unknown.add(to[0])
    if (a === undefined || b === undefined) continue
    if (b > a) problems.push(`${input} imports ${target}: ${to[0]}/ comes after ${from[0]}/`)
    else if (SEPARATE.has(from[0]) && from[0] === to[0] && from.length > 2 && to.length > 2 && from[1] !== to[1]) {
      problems.push(`${input} imports ${target}: ${from[0]}/${from[1]} and ${to[0]}/${to[1]} must not import each other`)
    }
  }
}
for (const u of unknown) problems.push(`src/${u} is in no stage: add it to STAGES in scripts/check-stages.mjs`)
if (problems.length > 0) {
  process.stderr.write(`stage rule: ${problems.length} import(s) against the direction of the stages (docs/architecture.md):\n${problems.map((p) => `  ${p}`).join('\n')}\n`)
  process.exit(1)
}
process.stdout.write(`stage rule: ${Object.keys(metafile.inputs).filter((i) => i.startsWith('src/')).length} modules, every import points down\n`)
