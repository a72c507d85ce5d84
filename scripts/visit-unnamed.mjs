// unist-util-visit-parents 6 names the visitor it makes for every node it
// walks (`Object.defineProperty(visit, 'name', …)`, "node (paragraph)"), for
// stack traces. Redefining a function's name is slow in V8, and every
// plugin and proofing rule walks every node: on the 100,000-paragraph test
// input the naming cost 1.7 s of a 30 s EPUB build (its CPU profile: the
// visitor factory and `set natives`), on the 50-chapter book about 0.5 s.
// The bundled CLI (scripts/bundle.mjs) loads the library without it; the
// walk itself is untouched. tests/unit/visit-unnamed.test.ts checks that the
// statement is still there to take out and that nothing else changes.

/** The naming statement as unist-util-visit-parents 6.0–6.1 writes it. */
const NAMING = /\n[ \t]*Object\.defineProperty\(visit, 'name', \{\n[ \t]*value:\n[ \t]*'node \(' \+ color\(node\.type \+ \(name \? '<' \+ name \+ '>' : ''\)\) \+ '\)'\n[ \t]*\}\)\n/

/** `source` (lib/index.js of unist-util-visit-parents) without the naming; throws when it is not found. */
export function unnamedVisits(source) {
  if (!NAMING.test(source)) throw new Error('unist-util-visit-parents no longer names its visitors as scripts/visit-unnamed.mjs expects: update or remove the stand-in')
  return source.replace(NAMING, '\n')
}

/** The esbuild plugin: the library's lib/index.js, less the naming. */
export const visitUnnamed = {
  name: 'visit-unnamed',
  setup(build) {
    build.onLoad({ filter: /[\\/]unist-util-visit-parents[\\/]lib[\\/]index\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises')
      return { contents: unnamedVisits(await readFile(args.path, 'utf8')), loader: 'js', resolveDir: args.path.replace(/[\\/][^\\/]+$/, '') }
    })
  }
}
