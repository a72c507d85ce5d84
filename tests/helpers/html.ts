/** Markdown text → the HTML of its tree, as the unit tests compare it. */
import { toHtml } from 'hast-util-to-html'
import { documentFromText } from '../../src/source/read.ts'
import { toHast } from '../../src/tree/processor.ts'

/** Render `markdown` (with front matter) and return its HTML and the file. */
export async function render(markdown: string, filePath = 'test.md') {
  const file = documentFromText(markdown, filePath)
  const tree = await toHast(file, { latinLang: 'en', proofing: false })
  return { html: toHtml(tree), file, tree }
}
