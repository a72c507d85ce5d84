/**
 * The project stylesheets from `styles/`, read once per process.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { localeCss } from '../locale/index.ts'
import { PACKAGE_ROOT } from '../paths.ts'

/** Folder holding `base.css`, `epub.css`, `print.css`. */
export const STYLES_DIR = path.join(PACKAGE_ROOT, 'styles')

const cache = new Map<string, Promise<string>>()

/** The text of `styles/<name>.css`. */
export function stylesheet(name: 'base' | 'epub' | 'print' | 'site' | 'footnotes'): Promise<string> {
  let css = cache.get(name)
  if (!css) {
    // The shared sheet gets the rules the locales imply (list digits).
    css = readFile(path.join(STYLES_DIR, `${name}.css`), 'utf8').then((text) => (name === 'base' ? `${text}\n${localeCss()}\n` : text))
    cache.set(name, css)
  }
  return css
}

/** Forget the stylesheets read so far (watch mode: a style was edited). */
export function reloadStylesheets(): void {
  cache.clear()
}

/**
 * A CSS string literal holding `text`: quotes and backslashes escaped, line
 * breaks made spaces, and `<` written as an escape so a title can never close
 * the `<style>` element it is printed in.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ').replace(/</g, '\\3c ')}"`
}
