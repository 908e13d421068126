/**
 * Names of cached thumbnails and the `media-thumb:` URLs the grid loads them from. Pure and
 * free of Node imports, so the renderer can build URLs with it too. A key is content-addressed
 * (sha256 of the file + edge length), so byte-identical files share one thumbnail and a key
 * can never name anything but a cache file: no path, no dots, no slashes.
 */
import { nameInServedUrl } from './served-url'

export const THUMBNAIL_SCHEME = 'media-thumb'
export const THUMBNAIL_HOST = 'thumb'
/** Where a page served over http (`media-import ui`, src-main/web) loads thumbnails from its own server. */
export const THUMBNAIL_HTTP_PATH = '/media-thumb/'

const keyPattern = /^[0-9a-f]{64}-\d{2,4}\.webp$/

export function thumbnailKey(sha256: string, edge: number): string {
  return `${sha256}-${edge}.webp`
}

export function isThumbnailKey(key: string): boolean {
  return keyPattern.test(key)
}

interface PageLocation {
  location?: { protocol?: string }
  navigator?: { userAgent?: string }
}

/**
 * True in a browser page served over http(s) that is not an Electron window: a browser cannot
 * load a custom scheme, so the page's own server answers thumbnails there. Electron's window
 * (app://, or the dev server over http) keeps the media-thumb: protocol.
 */
export function servedOverHttp(page: PageLocation = globalThis as PageLocation): boolean {
  const protocol = page.location?.protocol
  if (protocol !== 'http:' && protocol !== 'https:') return false
  return !(page.navigator?.userAgent ?? '').includes('Electron/')
}

export function thumbnailUrl(key: string, overHttp = servedOverHttp()): string {
  return overHttp ? `${THUMBNAIL_HTTP_PATH}${key}` : `${THUMBNAIL_SCHEME}://${THUMBNAIL_HOST}/${key}`
}

/**
 * The cache key a `media-thumb://thumb/<key>` URL (or, from a page served over http,
 * `http://<host>/media-thumb/<key>`) names, or undefined for anything else.
 */
export function keyFromThumbnailUrl(requestUrl: string): string | undefined {
  const key = nameInServedUrl(requestUrl, {
    scheme: THUMBNAIL_SCHEME,
    host: THUMBNAIL_HOST,
    httpPath: THUMBNAIL_HTTP_PATH,
  })
  return key !== undefined && isThumbnailKey(key) ? key : undefined
}

/** Where a key lives under the cache folder, `/`-joined (two-letter fan-out keeps folders small). */
export function thumbnailRelativePath(key: string): string {
  return `${key.slice(0, 2)}/${key}`
}
