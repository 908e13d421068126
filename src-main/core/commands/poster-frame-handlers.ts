/**
 * `storePosterFrame`: a video's poster frame drawn by the window, where ffmpeg is missing
 * (the window draws a frame of the `media-file:` answer on a canvas with Chromium's own
 * decoder). It crosses as a PNG/JPEG/WebP data URL, so the same payload works over Electron's
 * IPC, the ui web server and the browser test bridge. Main stores it only for a probed video
 * row that has no thumbnail yet, re-encoded to WebP under that row's sha256, once per content.
 */
import { z } from 'zod'
import { servableMedia } from '../probe/thumbnails/media-file'
import { maxPosterFrameBytes, type ThumbnailCache } from '../probe/thumbnails/thumbnail-cache'
import type { Session } from '../session/session'
import { MediaImportError } from './errors'
import type { Handlers } from './handler-types'

const dataUrlPattern = /^data:image\/(png|jpeg|webp);base64,([A-Za-z0-9+/]+={0,2})$/

export const posterFrameSchemas = {
  storePosterFrame: z
    .object({
      rowId: z.string().min(1).max(100),
      // Base64 is 4/3 of the bytes; the header is short.
      image: z
        .string()
        .max(Math.ceil((maxPosterFrameBytes * 4) / 3) + 32)
        .regex(dataUrlPattern, 'a PNG, JPEG or WebP data URL'),
    })
    .strict(),
}

export function createPosterFrameHandlers(
  session: Session,
  thumbnails: ThumbnailCache | undefined,
): Pick<Handlers, 'storePosterFrame'> {
  return {
    storePosterFrame: async ({ rowId, image }) => {
      const row = session.getRow(rowId)
      if (!row || !servableMedia(row) || !row.sha256) {
        throw new MediaImportError(
          'not-a-video',
          'A poster frame can only be stored for a video row of this session.',
          {
            rowId,
          },
        )
      }
      if (row.thumbnail) return { stored: false, message: 'This video already has a thumbnail.' }
      if (!thumbnails) return { stored: false, message: 'This window keeps no thumbnails.' }
      const base64 = dataUrlPattern.exec(image)?.[2] ?? ''
      const outcome = await thumbnails.storeFrame(row.sha256, Buffer.from(base64, 'base64'))
      if ('unavailable' in outcome) return { stored: false, message: outcome.unavailable }
      // Every row with the same content shows the same frame.
      for (const other of session.snapshot().rows) {
        if (other.sha256 === row.sha256 && !other.thumbnail) {
          session.updateRow(other.rowId, { thumbnail: outcome.key, thumbnailUnavailable: undefined })
        }
      }
      return { stored: true }
    },
  }
}
