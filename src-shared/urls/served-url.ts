/**
 * The name a URL for the window's own media carries, in either of the two ways it is served:
 * `<scheme>://<host>/<name>` in Electron, or the same-origin `http(s)://…<path><name>` when the page
 * is served over HTTP (`media-import ui`). Thumbnails (`thumbnail-url.ts`) and a video row's bytes
 * (`media-file-url.ts`) are asked for both ways. Pure and free of Node imports (the window uses it).
 */
export interface ServedUrlShape {
  scheme: string
  host: string
  /** The same-origin path prefix over HTTP, with its slashes: `/media-thumb/`. */
  httpPath: string
}

/** The (still encoded) name after the scheme's host or the HTTP path, or undefined for any other URL. */
export function nameInServedUrl(requestUrl: string, shape: ServedUrlShape): string | undefined {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return undefined
  }
  if (url.protocol === `${shape.scheme}:` && url.host === shape.host) return url.pathname.slice(1)
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.pathname.startsWith(shape.httpPath)) {
    return url.pathname.slice(shape.httpPath.length)
  }
  return undefined
}
