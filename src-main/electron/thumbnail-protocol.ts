/**
 * The media-thumb: scheme the grid loads thumbnails from. It serves files from the thumbnail
 * cache folder only: the URL must name a content-addressed cache key, never a path (see
 * core/probe/thumbnails/thumbnail-response.ts, where that rule lives and is tested).
 * Electron allows one registerSchemesAsPrivileged call, so this file exports the scheme entry
 * for app-protocol.ts to add to its list, and the handler to install once the app is ready.
 */
import { protocol, type CustomScheme } from 'electron'
import { createThumbnailHandler } from '../core/probe/thumbnails/thumbnail-response'
import { THUMBNAIL_SCHEME } from '../../src-shared/urls/thumbnail-url'

/** Add to `protocol.registerSchemesAsPrivileged([...])` before `app` is ready. */
export const thumbnailScheme: CustomScheme = {
  scheme: THUMBNAIL_SCHEME,
  // standard: a real origin and URL parsing; secure: usable from the app:// page. No fetch, no
  // service workers, no CORS bypass: <img> is the only reader.
  privileges: { standard: true, secure: true },
}

/** After `app` is ready: answers media-thumb://thumb/<key> from `cacheDir` (the ThumbnailCache's dir). */
export function serveThumbnails(cacheDir: string): void {
  const handle = createThumbnailHandler(cacheDir)
  protocol.handle(THUMBNAIL_SCHEME, (request) => handle({ url: request.url, method: request.method }))
}
