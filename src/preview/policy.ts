/**
 * What the preview server answers and with which protections.
 *
 * - Only requests addressed to this machine by name (`127.0.0.1`, `localhost`,
 *   `[::1]` with the preview's port) are answered: a web page the author
 *   visits could otherwise point a domain of its own at 127.0.0.1 (DNS
 *   rebinding) and read `out/`, drafts included, as same-origin.
 * - Every answer carries a Content-Security-Policy that allows no script but
 *   the server's own reload snippet (by its hash), no request elsewhere, no
 *   frames, forms or plugins; an SVG or page that slipped anything past the
 *   sanitizer still cannot run or fetch it.
 */
import { createHash } from 'node:crypto'

/** The Host header values the server on `port` answers to (lower case). */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
}

/** Is `host` (a request's Host header) one the preview on `port` answers? */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.trim().toLowerCase())
}

/** `'sha256-…'` of an inline script or style, as CSP names it. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

/** The contents of every inline `<style>` of a page, so the policy can allow exactly those. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? '')
}

/**
 * The Content-Security-Policy of one answer: nothing but this origin's own
 * styles, fonts and images, and, for a page, its own inline styles and the
 * reload script named by hash.
 */
export function contentSecurityPolicy(page?: { readonly scripts: readonly string[]; readonly styles: readonly string[] }): string {
  const scripts = page?.scripts.map(cspHash) ?? []
  const styles = page?.styles.map(cspHash) ?? []
  return [
    "default-src 'none'",
    `script-src ${scripts.length > 0 ? scripts.join(' ') : "'none'"}`,
    "connect-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    `style-src 'self'${styles.length > 0 ? ` ${styles.join(' ')}` : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}
