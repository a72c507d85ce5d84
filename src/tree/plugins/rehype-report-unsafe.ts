/**
 * Warns, with its position, about every piece of raw HTML that sanitizing is
 * about to drop, so an editor learns why something vanished. It only reads the
 * tree; `rehype-sanitize` does the removing.
 */
import type { Element, Root } from 'hast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { refuseUrlImage } from './rehype-collect-images.ts'

const DANGEROUS = new Set(['script', 'iframe', 'object', 'embed', 'applet', 'frame', 'frameset', 'meta', 'link', 'base', 'form', 'style', 'svg', 'math', 'template', 'noscript', 'video', 'audio'])
const REMOTE_CSS = /url\s*\(|@import|expression\s*\(/i

function urlIsScript(value: unknown): boolean {
  // Browsers ignore control characters and spaces inside the scheme.
  return typeof value === 'string' && /^\s*(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|v\s*b\s*s\s*c\s*r\s*i\s*p\s*t|data\s*:\s*text\/html)/i.test(value.replace(/[\u0000-\u001f]/g, ''))
}

/** The attacher: no options. */
export default function rehypeReportUnsafe() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'element', (node: Element) => {
      const place = node.position
      const warn = (reason: string, ruleId: string): void => {
        file.message(reason, { ...(place ? { place } : {}), ruleId, source: 'chapkhana-sanitize' })
      }
      if (node.tagName === 'img' && typeof node.properties.src === 'string') refuseUrlImage(file, node.properties.src, place)
      if (node.tagName === 'source') {
        warn('Removed <source>: a book carries one checked image per picture; the <img> inside <picture> is kept', 'unsafe-element')
        return
      }
      if (DANGEROUS.has(node.tagName)) {
        warn(`Removed <${node.tagName}>: raw HTML that runs code, loads other pages or changes the document head is not allowed in an article`, 'unsafe-element')
        return
      }
      for (const [key, value] of Object.entries(node.properties)) {
        if (/^on/i.test(key)) warn(`Removed the event handler \`${key}\` on <${node.tagName}>: articles cannot run scripts`, 'unsafe-attribute')
        else if ((key === 'href' || key === 'src' || key === 'action' || key === 'formAction') && urlIsScript(value)) warn(`Removed a script URL in \`${key}\` on <${node.tagName}>`, 'unsafe-url')
        else if (key === 'srcSet') warn(`Removed \`srcset\` on <${node.tagName}>: a book carries the one image in \`src\`, checked and embedded`, 'unsafe-url')
        else if (key === 'style' && typeof value === 'string' && REMOTE_CSS.test(value)) warn(`Removed the inline style on <${node.tagName}>: it loads a URL or runs an expression`, 'unsafe-style')
        else if (key === 'style') warn(`Removed the inline style on <${node.tagName}>: use the project's stylesheets instead`, 'inline-style')
      }
    })
  }
}
