/**
 * rehype-raw, only for a tree that holds raw HTML. rehype-raw sends the whole
 * tree through an HTML parser (parse5) to turn raw nodes into elements; a
 * tree without raw HTML comes out of it as it went in but for one thing
 * (done here too: a `data-*` property set to `true`, as GFM's footnotes are,
 * comes back as the empty string the parser reads), and the trip cost the
 * 50-chapter book about 90 ms of its parse (docs/benchmarks.md). Loaded only
 * then, too: parse5 and rehype-raw are ~0.3 MB of JavaScript that a build
 * compiled before Chromium could start, for most texts never to use it.
 */
import type { Element, Root } from 'hast'
import type { VFile } from 'vfile'
import { EXIT, visit } from 'unist-util-visit'

/** Does `tree` hold a raw HTML node? */
function holdsRaw(tree: Root): boolean {
  let found = false
  visit(tree, 'raw', () => {
    found = true
    return EXIT
  })
  return found
}

/** `data-*` properties set to `true` as the HTML parser gives them back: the empty string. */
function parsedData(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    for (const [name, value] of Object.entries(node.properties)) if (value === true && /^data[A-Z]/.test(name)) node.properties[name] = ''
  })
}

type Transform = (tree: Root, file: VFile) => Root

/** rehype-raw's transformer, loaded on first use. */
let raw: Promise<Transform> | undefined
const rawTransform = (): Promise<Transform> => (raw ??= import('rehype-raw').then(({ default: rehypeRaw }) => rehypeRaw() as Transform))

/** The rehype plugin: rehype-raw's transformer, loaded and run only when there is raw HTML. */
export default function rehypeRawIfAny(): (tree: Root, file: VFile) => Promise<Root> | undefined {
  return (tree, file) => {
    if (holdsRaw(tree)) return rawTransform().then((transform) => transform(tree, file))
    parsedData(tree)
    return undefined
  }
}
