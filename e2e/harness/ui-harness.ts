/**
 * The browser journeys reach the core the way a user of `media-import ui` does: through the ui
 * server (src-main/web/ui-server.ts), in-process and per test, on 127.0.0.1 with its token and its
 * request guard, serving the built renderer with its CSP, the page's bridge over HTTP + SSE, the
 * thumbnails and a video row's bytes. The one thing a browser cannot do — say where a dropped file
 * lives on disk — goes through the server's test hook (`testHooks`, bridge-script.ts).
 */
import type { Page } from '@playwright/test'
import type { Handlers } from '../../src-main/core/commands/handlers'
import type { RowLookup } from '../../src-main/core/probe/thumbnails/media-file'
import { TEST_HOOKS_GLOBAL } from '../../src-main/web/bridge-script'
import type { EventStreams } from '../../src-main/web/event-stream'
import { DEFAULT_RENDERER_DIR } from '../../src-main/web/renderer-files'
import { startUiServer, type UiServer } from '../../src-main/web/ui-server'

export interface HarnessUiServer {
  /** The address a user opens: it carries the token (the first visit turns it into a cookie). */
  url: string
  /** The server's origin, without the token. */
  origin: string
  port: number
  token: string
  close(): Promise<void>
}

/** `events` is made first (`new EventStreams()`): the core is built with its `emit`, then served here. */
export async function serveCore(options: {
  handlers: Handlers
  events: EventStreams
  thumbnailDir: string
  getRow: RowLookup
  /** 0 or absent: a free one. */
  port?: number
}): Promise<HarnessUiServer> {
  const server: UiServer = await startUiServer({ ...options, rendererDir: DEFAULT_RENDERER_DIR, testHooks: true })
  return {
    url: server.url,
    origin: `http://127.0.0.1:${server.port}`,
    port: server.port,
    token: server.token,
    close: () => server.close(),
  }
}

/** Tells the page's `pathForFile` which absolute path a dropped File's name stands for. */
export async function setDropPaths(page: Page, paths: ReadonlyMap<string, string>): Promise<void> {
  await page.evaluate(
    ([global, entries]) => {
      const hooks = (
        window as unknown as Record<string, { setDropPaths(e: ReadonlyArray<readonly [string, string]>): void }>
      )[global]
      if (!hooks) throw new Error('The ui server was not started with its test hooks.')
      hooks.setDropPaths(entries)
    },
    [TEST_HOOKS_GLOBAL, [...paths.entries()]] as const,
  )
}
