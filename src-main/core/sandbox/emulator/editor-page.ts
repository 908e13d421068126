/**
 * The Sandbox's stand-in for the Livingdocs editor: a small read-only HTML page per Media
 * Library entry at `/editor/media-library/{id}`, so "Open in Livingdocs" has a real page to
 * open. The real editor needs a login; this page serves only what the local library holds and
 * takes no input, so it needs none. Every value is HTML-escaped and the page runs no script.
 */
import type { Reply } from './responses'
import type { MediaLibraryEntry } from './types'

export const EDITOR_PAGE_PREFIX = '/editor/media-library/'

/** The page path's entry id, or undefined when the path is not an editor page. */
export function editorPageId(pathname: string): string | undefined {
  if (!pathname.startsWith(EDITOR_PAGE_PREFIX)) return undefined
  const segment = pathname.slice(EDITOR_PAGE_PREFIX.length)
  if (segment === '' || segment.includes('/')) return undefined
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

const show = (value: unknown): string => escapeHtml(typeof value === 'string' ? value : JSON.stringify(value))

function page(title: string, body: string, status: number): Reply {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:48rem}th{text-align:left;padding-right:1rem;vertical-align:top}</style>
</head><body>${body}</body></html>
`
  return {
    status,
    body: null,
    rawBody: html,
    headers: { 'content-type': 'text/html; charset=utf-8', 'x-content-type-options': 'nosniff' },
  }
}

export function editorPage(id: string, entry: MediaLibraryEntry | undefined): Reply {
  if (!entry) {
    return page(
      'Entry not found',
      `<h1>Entry not found</h1><p>The Sandbox library holds no entry with id <code>${escapeHtml(id)}</code>.</p>`,
      404,
    )
  }
  const rows: [string, unknown][] = [
    ['Media id', entry.id],
    ['Media type', entry.mediaType],
    ['systemName', entry.systemName ?? ''],
    ['externalId', entry.externalId ?? ''],
    ['File', entry.asset.filename],
    ['MIME type', entry.asset.mimeType],
    ['Size', `${entry.asset.size} bytes`],
    ['Asset URL', entry.asset.url],
    ...Object.entries(entry.metadata).map(([key, value]): [string, unknown] => [`metadata.${key}`, value]),
    ...entry.translations.map((t): [string, unknown] => [`translation ${t.locale}`, t.metadata]),
    ['Updated', entry.updatedAt],
  ]
  const title = typeof entry.metadata['title'] === 'string' ? entry.metadata['title'] : entry.id
  const table = rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${show(v)}</td></tr>`).join('\n')
  return page(
    `${title} · Media Library (Sandbox)`,
    `<p>Livingdocs editor (Sandbox, read-only)</p><h1>${escapeHtml(title)}</h1>\n<table>\n${table}\n</table>`,
    200,
  )
}
