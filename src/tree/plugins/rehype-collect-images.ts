/**
 * Records every image the article references (with its position) on
 * `file.data.images`, and refuses remote ones: a build never fetches from the
 * network. Reading and checking the files happens later, at the edge
 * (`tree/resources.ts`); this plugin only looks at the tree.
 */
import type { Element, Root } from 'hast'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'

/** One image reference as written in the article. */
export interface ImageRef {
  readonly src: string
  readonly position?: Position
  /** The element, so a renderer can rewrite `src`. */
  readonly node: Element
}

declare module 'vfile' {
  interface DataMap {
    images: ImageRef[]
  }
}

const SCHEME = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i

/**
 * Fail `file` when `src` is a URL rather than a file beside the article
 * (`https:`, `//host`, `file:`, `data:`…). Called before sanitizing too, which
 * would otherwise silently drop the schemes it does not allow.
 */
export function refuseUrlImage(file: VFile, src: string, place: Position | undefined): void {
  if (!SCHEME.test(src)) return
  const remote = /^(?:https?:|\/\/)/i.test(src)
  file.fail(
    remote
      ? `Remote image ${JSON.stringify(src.slice(0, 200))} refused: a build never downloads anything. Save the image beside the article and refer to it by a relative path`
      : `Image ${JSON.stringify(src.slice(0, 200))} refused: an image must be a file beside the article, referred to by a relative path`,
    { ...(place ? { place } : {}), ruleId: 'image-remote', source: 'chapkhana' }
  )
}

/** The attacher: no options. */
export default function rehypeCollectImages() {
  return (tree: Root, file: VFile): void => {
    const images: ImageRef[] = []
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return
      const src = typeof node.properties.src === 'string' ? node.properties.src : ''
      const place = node.position
      refuseUrlImage(file, src, place)
      if (src === '') {
        file.fail('An image without a source: write ![description](picture.png)', { ...(place ? { place } : {}), ruleId: 'image-missing', source: 'chapkhana' })
      }
      images.push({ src, node, ...(place ? { position: place } : {}) })
    })
    file.data.images = images
  }
}
