/**
 * The PDF outline's titles, written from the document. Chromium builds the
 * outline from the headings but sometimes writes a heading's text twice
 * ("مبرة مصريةمبرة مصرية", when a heading was laid out on one page and moved
 * to the next) and always includes the footnote numbers attached to a
 * heading. The entries themselves (order, nesting, destinations) are right,
 * so only their titles are replaced, and only when they match one to one.
 */
import type { Element } from 'hast'
import { PDFDict, PDFHexString, PDFName, type PDFDocument } from 'pdf-lib'
import { visit } from 'unist-util-visit'
import type { Edition } from '../edition.ts'
import { plainText } from './chapters.ts'

/** The outline the print edition should have: the title, then every heading, as plain text. */
export function outlineTitles(edition: Edition): string[] {
  const plain = new Map<string, string>()
  visit(edition.tree, 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName) && typeof node.properties.id === 'string') plain.set(node.properties.id, plainText(node))
  })
  return [edition.meta.title, ...edition.headings.map((heading) => plain.get(heading.id) || heading.text)]
}

/** Replace the outline titles of `pdf` by `titles` when the counts agree; returns whether it did. */
export function retitleOutline(pdf: PDFDocument, titles: readonly string[]): boolean {
  const items: PDFDict[] = []
  const walk = (first: PDFDict | undefined): void => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      items.push(item)
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict))
    }
  }
  walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict))
  if (items.length !== titles.length) return false
  items.forEach((item, i) => item.set(PDFName.of('Title'), PDFHexString.fromText(titles[i]!)))
  return true
}
