/**
 * Where the window reads a video row's bytes, named by its row id, never by a path
 * (media-file.ts answers): `media-file://row/<rowId>` in Electron (the page is app://), and
 * the same-origin path `/media-file/<rowId>` when the page is served over HTTP (the ui web
 * server, the browser tests), since Chromium allows CORS reads of http(s) only. Pure and free
 * of Node imports, so the window builds URLs with it too.
 */
import { nameInServedUrl } from './served-url'

export const MEDIA_FILE_SCHEME = 'media-file'
export const MEDIA_FILE_HOST = 'row'

const rowIdPattern = /^[A-Za-z0-9_-]{1,100}$/

/** The same-origin path prefix over HTTP. */
export const MEDIA_FILE_PATH = '/media-file/'

export function mediaFileUrl(rowId: string): string {
  return `${MEDIA_FILE_SCHEME}://${MEDIA_FILE_HOST}/${encodeURIComponent(rowId)}`
}

/** The URL for a page at `pageUrl`: the scheme in Electron, the same-origin path over HTTP. */
export function mediaFileUrlFor(rowId: string, pageUrl: string): string {
  const page = new URL(pageUrl)
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return mediaFileUrl(rowId)
  return `${page.origin}${MEDIA_FILE_PATH}${encodeURIComponent(rowId)}`
}

/** The row id a `media-file://row/<rowId>` URL or an http(s) `/media-file/<rowId>` URL names, or undefined for anything else. */
export function rowIdFromMediaFileUrl(requestUrl: string): string | undefined {
  const rowId = nameInServedUrl(requestUrl, {
    scheme: MEDIA_FILE_SCHEME,
    host: MEDIA_FILE_HOST,
    httpPath: MEDIA_FILE_PATH,
  })
  return rowId !== undefined && rowIdPattern.test(rowId) ? rowId : undefined
}
