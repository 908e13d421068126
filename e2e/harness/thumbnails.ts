/**
 * The browser stand-in for main's media-thumb: protocol (src-main/electron/thumbnail-protocol.ts):
 * the page's requests for media-thumb: URLs are answered by the same handler, from the same
 * cache folder a ThumbnailCache writes, so what the grid shows is what the app would show.
 * Likewise a video row's bytes (media-file), for the poster frames the page draws.
 */
import type { Page } from '@playwright/test'
import {
  createMediaFileHandler,
  MEDIA_FILE_PATH,
  type RowLookup,
} from '../../src-main/core/probe/thumbnails/media-file'
import { ThumbnailCache } from '../../src-main/core/probe/thumbnails/thumbnail-cache'
import { createThumbnailHandler } from '../../src-main/core/probe/thumbnails/thumbnail-response'
import { THUMBNAIL_HTTP_PATH, THUMBNAIL_SCHEME } from '../../src-main/core/probe/thumbnails/thumbnail-url'

/** `ffmpeg: null` makes thumbnails as on a computer without ffmpeg (poster frames from the page). */
export async function serveThumbnailsTo(
  page: Page,
  dir: string,
  options: { ffmpeg?: null } = {},
): Promise<ThumbnailCache> {
  const handle = createThumbnailHandler(dir)
  // media-thumb: from an Electron-like page; /media-thumb/ on the page's own http server otherwise (thumbnail-url.ts).
  await page.route(new RegExp(`^${THUMBNAIL_SCHEME}:|^https?://[^/]+${THUMBNAIL_HTTP_PATH}`), async (route) => {
    const request = route.request()
    const answer = await handle({ url: request.url(), method: request.method() })
    await route.fulfill({
      status: answer.status,
      headers: Object.fromEntries(answer.headers.entries()),
      body: Buffer.from(await answer.arrayBuffer()),
    })
  })
  return new ThumbnailCache({ dir, ...options })
}

/**
 * The stand-in for main's media-file: protocol (src-main/electron/media-file-protocol.ts) and
 * the ui web server's route: a video row's bytes by row id, from the same handler.
 */
export async function serveMediaFilesTo(page: Page, lookup: RowLookup, origin: string): Promise<void> {
  const handle = createMediaFileHandler(lookup)
  // Served over HTTP, the page reads same-origin /media-file/<rowId> (media-file-url.ts).
  await page.route(`${origin}${MEDIA_FILE_PATH}**`, async (route) => {
    const request = route.request()
    const answer = await handle({
      url: request.url(),
      method: request.method(),
      headers: new Headers(await request.allHeaders()),
    })
    await route.fulfill({
      status: answer.status,
      headers: Object.fromEntries(answer.headers.entries()),
      body: Buffer.from(await answer.arrayBuffer()),
    })
  })
}
