/**
 * Where the window reads a video row's bytes, named by its row id, never by a path
 * (media-file.ts answers): `media-file://row/<rowId>` in Electron (the page is app://), and
 * the same-origin path `/media-file/<rowId>` when the page is served over HTTP (the ui web
 * server, the browser tests), since Chromium allows CORS reads of http(s) only. Pure and free
 * of Node imports, so the window builds URLs with it too.
 */
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
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return undefined
  }
  let rowId: string
  if (url.protocol === `${MEDIA_FILE_SCHEME}:` && url.host === MEDIA_FILE_HOST) rowId = url.pathname.slice(1)
  else if ((url.protocol === 'http:' || url.protocol === 'https:') && url.pathname.startsWith(MEDIA_FILE_PATH)) {
    rowId = url.pathname.slice(MEDIA_FILE_PATH.length)
  } else return undefined
  return rowIdPattern.test(rowId) ? rowId : undefined
}
