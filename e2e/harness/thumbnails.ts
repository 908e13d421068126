/**
 * The browser stand-in for main's media-thumb: protocol (src-main/electron/thumbnail-protocol.ts):
 * the page's requests for media-thumb: URLs are answered by the same handler, from the same
 * cache folder a ThumbnailCache writes, so what the grid shows is what the app would show.
 */
import type { Page } from '@playwright/test'
import { ThumbnailCache } from '../../src-main/core/probe/thumbnails/thumbnail-cache'
import { createThumbnailHandler } from '../../src-main/core/probe/thumbnails/thumbnail-response'
import { THUMBNAIL_HTTP_PATH, THUMBNAIL_SCHEME } from '../../src-main/core/probe/thumbnails/thumbnail-url'

export async function serveThumbnailsTo(page: Page, dir: string): Promise<ThumbnailCache> {
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
  return new ThumbnailCache({ dir })
}
