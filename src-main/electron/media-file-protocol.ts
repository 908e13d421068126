/**
 * The media-file: scheme the window reads a video row's bytes from, to draw a poster frame
 * with Chromium's own decoder where ffmpeg is missing. A URL names a row id of the open
 * session, never a path; which file a row id may give is decided in
 * core/probe/thumbnails/media-file.ts (probed video rows only), where it is tested.
 * Electron allows one registerSchemesAsPrivileged call, so app-protocol.ts adds this entry.
 */
import { protocol, type CustomScheme } from 'electron'
import { createMediaFileHandler, MEDIA_FILE_SCHEME, type RowLookup } from '../core/probe/thumbnails/media-file'
import { APP_ORIGIN } from './security-policy'

/** Add to `protocol.registerSchemesAsPrivileged([...])` before `app` is ready. */
export const mediaFileScheme: CustomScheme = {
  scheme: MEDIA_FILE_SCHEME,
  // stream: a <video> reads it by ranges. corsEnabled: the answer allows app:// only
  // (Access-Control-Allow-Origin), so the drawn frame can be read back from the canvas.
  privileges: { standard: true, secure: true, stream: true, corsEnabled: true },
}

/** After `app` is ready: answers media-file://row/<rowId> for the open session's video rows. */
export function serveMediaFiles(lookup: RowLookup): void {
  const handle = createMediaFileHandler(lookup, APP_ORIGIN)
  protocol.handle(MEDIA_FILE_SCHEME, (request) =>
    handle({ url: request.url, method: request.method, headers: request.headers }),
  )
}
