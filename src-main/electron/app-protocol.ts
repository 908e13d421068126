/**
 * The app:// scheme the built renderer is served from. Registered as standard + secure so the
 * page gets a real origin (CSP 'self', relative module URLs, storage) without file:// and its
 * broad file access (Electron security checklist #18).
 */
import { protocol } from 'electron'
import { APP_SCHEME } from './security-policy'
import { createRendererFileHandler } from './renderer-files'
import { mediaFileScheme } from './media-file-protocol'
import { thumbnailScheme } from './thumbnail-protocol'

/**
 * Must run before `app` is ready, and Electron allows only one call: a later scheme (the
 * thumbnail protocol) has to be added to this list, not registered separately. `corsEnabled`
 * stays off: it would let other origins read app:// (electron/electron#52912); the renderer's
 * own module scripts are same-origin and need no CORS.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    thumbnailScheme,
    mediaFileScheme,
  ])
}

/** Serves files under `rendererDir` (out/renderer) only; see renderer-files.ts for the rules. */
export function serveRenderer(rendererDir: string): void {
  const handle = createRendererFileHandler(rendererDir)
  protocol.handle(APP_SCHEME, (request) => handle({ url: request.url, method: request.method }))
}
