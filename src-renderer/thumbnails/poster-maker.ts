/**
 * Finds video rows main could not make a poster frame for (no ffmpeg on this computer) and
 * has the window draw one (video-poster.ts), one video at a time, each row once per window.
 * Fed from the same patches as the store (connect.ts); main stores the frame per content.
 */
import type { Row, SessionPatch, SessionSnapshot } from '../../src-main/contract'
import { mediaFileUrlFor } from '../../src-shared/urls/media-file-url'
import type { Api } from '../api'
import { drawPosterFrame } from './video-poster'

/** Main re-encodes to its cache edge; twice that keeps a larger preview sharp. */
const FRAME_EDGE = 512

export function needsWindowPoster(row: Row): boolean {
  return (
    row.kind === 'video' &&
    row.status !== 'unreadable' &&
    !row.thumbnail &&
    !!row.sha256 &&
    (row.thumbnailUnavailable?.startsWith('no poster frame: ffmpeg') ?? false)
  )
}

export interface PosterMaker {
  snapshot(snapshot: SessionSnapshot): void
  patch(patch: SessionPatch): void
}

export function createPosterMaker(
  api: Pick<Api, 'storePosterFrame'>,
  draw: typeof drawPosterFrame = drawPosterFrame,
): PosterMaker {
  const tried = new Set<string>()
  const queue: Row[] = []
  let busy = false
  const pump = async (): Promise<void> => {
    if (busy) return
    busy = true
    try {
      for (let row = queue.shift(); row; row = queue.shift()) {
        try {
          const image = await draw(mediaFileUrlFor(row.rowId, window.location.href), row.duration, FRAME_EDGE)
          await api.storePosterFrame({ rowId: row.rowId, image })
        } catch {
          // The row keeps main's reason (no ffmpeg) and its badge; nothing to tell the editor.
        }
      }
    } finally {
      busy = false
    }
  }
  const consider = (rows: readonly Row[]): void => {
    for (const row of rows) {
      if (tried.has(row.rowId) || !needsWindowPoster(row)) continue
      tried.add(row.rowId)
      queue.push(row)
    }
    if (queue.length > 0) void pump()
  }
  return { snapshot: (snapshot) => consider(snapshot.rows), patch: (patch) => consider(patch.upsert) }
}
