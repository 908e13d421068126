/**
 * Names of cached thumbnails and the `media-thumb:` URLs the grid loads them from. Pure and
 * free of Node imports, so the renderer can build URLs with it too. A key is content-addressed
 * (sha256 of the file + edge length), so byte-identical files share one thumbnail and a key
 * can never name anything but a cache file: no path, no dots, no slashes.
 */
export const THUMBNAIL_SCHEME = 'media-thumb'
export const THUMBNAIL_HOST = 'thumb'

const keyPattern = /^[0-9a-f]{64}-\d{2,4}\.webp$/

export function thumbnailKey(sha256: string, edge: number): string {
  return `${sha256}-${edge}.webp`
}

export function isThumbnailKey(key: string): boolean {
  return keyPattern.test(key)
}

export function thumbnailUrl(key: string): string {
  return `${THUMBNAIL_SCHEME}://${THUMBNAIL_HOST}/${key}`
}

/** The cache key a `media-thumb://thumb/<key>` URL names, or undefined for anything else. */
export function keyFromThumbnailUrl(requestUrl: string): string | undefined {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return undefined
  }
  if (url.protocol !== `${THUMBNAIL_SCHEME}:` || url.host !== THUMBNAIL_HOST) return undefined
  const key = url.pathname.slice(1)
  return isThumbnailKey(key) ? key : undefined
}

/** Where a key lives under the cache folder, `/`-joined (two-letter fan-out keeps folders small). */
export function thumbnailRelativePath(key: string): string {
  return `${key.slice(0, 2)}/${key}`
}
