/**
 * Records every image the article references (with its position) on
 * `file.data.images`, and refuses remote ones: a build never fetches from the
 * network. Reading and checking the files happens later, at the edge
 * (`document/resources.ts`); this plugin only looks at the tree.
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

/** The attacher: no options. */
export default function rehypeCollectImages() {
  return (tree: Root, file: VFile): void => {
    const images: ImageRef[] = []
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return
      const src = typeof node.properties.src === 'string' ? node.properties.src : ''
      const place = node.position
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) {
        file.fail(`Remote image ${JSON.stringify(src)} refused: a build never downloads anything. Save the image beside the article and refer to it by a relative path`, {
          ...(place ? { place } : {}),
          ruleId: 'image-remote',
          source: 'chapkhana'
        })
      }
      if (src === '') {
        file.fail('An image without a source: write ![description](picture.png)', { ...(place ? { place } : {}), ruleId: 'image-missing', source: 'chapkhana' })
      }
      images.push({ src, node, ...(place ? { position: place } : {}) })
    })
    file.data.images = images
  }
}
