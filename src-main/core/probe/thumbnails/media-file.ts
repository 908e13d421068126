/**
 * The `media-file:` answer: a video row's own bytes, read-only, so the window's Chromium can
 * draw a poster frame where ffmpeg is missing (poster-frame.ts stays the first choice). The
 * window names a row id, never a path: `servableMedia` decides which file a row id may give,
 * from the open session's row, and only a probed video's. Range requests are answered (206),
 * as a <video> seeks by them. Electron's protocol handler and the ui web server only forward
 * requests here, so the confinement is tested without either.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type { Row } from '../../model/row'
import { rowIdFromMediaFileUrl } from '../../../../src-shared/urls/media-file-url'

export {
  MEDIA_FILE_PATH,
  MEDIA_FILE_SCHEME,
  mediaFileUrl,
  rowIdFromMediaFileUrl,
} from '../../../../src-shared/urls/media-file-url'

export interface ServableMedia {
  path: string
  mimeType: string
}

/**
 * Which file a row id may serve: a probed video's, with its sha256 (the content the poster is
 * stored under) and a video type. Anything else (an image, a file, an unreadable or removed
 * row, a row id of another session) serves nothing.
 */
export function servableMedia(row: Row | undefined): ServableMedia | undefined {
  // A skipped row has no kind (never probed), so the first test already leaves it out.
  if (!row || row.kind !== 'video' || !row.sha256 || !row.mimeType?.startsWith('video/')) return undefined
  if (row.status === 'unreadable') return undefined
  return { path: row.path, mimeType: row.mimeType }
}

/** One `bytes=a-b` range (the only kind a <video> asks for) within `size`, or 'bad'. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | 'bad' | undefined {
  if (!header) return undefined
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return 'bad'
  let start: number
  let end: number
  if (match[1] === '') {
    const suffix = Number(match[2])
    if (suffix === 0) return 'bad'
    start = Math.max(0, size - suffix)
    end = size - 1
  } else {
    start = Number(match[1])
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  }
  return start > end || start >= size ? 'bad' : { start, end }
}

const baseHeaders = { 'X-Content-Type-Options': 'nosniff', 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' }

function text(status: number, message: string, extra: Record<string, string> = {}): Response {
  return new Response(message, {
    status,
    headers: { 'X-Content-Type-Options': 'nosniff', 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  })
}

export type RowLookup = (rowId: string) => Row | undefined

/**
 * `allowOrigin`: the window's origin when it is another scheme (Electron's app://), so the
 * <video> can load with `crossOrigin` and its frame can be read back from the canvas; only
 * that origin, never `*`. A same-origin server (the ui web server) needs none.
 */
export function createMediaFileHandler(lookup: RowLookup, allowOrigin?: string) {
  return async (request: { url: string; method: string; headers: Headers }): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed')
    const rowId = rowIdFromMediaFileUrl(request.url)
    const media = rowId === undefined ? undefined : servableMedia(lookup(rowId))
    if (!media) return text(404, 'Not found')
    let size: number
    try {
      const info = await stat(media.path)
      if (!info.isFile()) return text(404, 'Not found')
      size = info.size
    } catch {
      return text(404, 'Not found')
    }
    const range = parseRange(request.headers.get('range'), size)
    if (range === 'bad') return text(416, 'Range not satisfiable', { 'Content-Range': `bytes */${size}` })
    const { start, end } = range ?? { start: 0, end: size - 1 }
    const headers: Record<string, string> = {
      ...baseHeaders,
      ...(allowOrigin ? { 'Access-Control-Allow-Origin': allowOrigin, Vary: 'Origin' } : {}),
      'Content-Type': media.mimeType,
      'Content-Length': String(end - start + 1),
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    }
    const body =
      request.method === 'HEAD' || size === 0
        ? null
        : (Readable.toWeb(createReadStream(media.path, { start, end })) as ReadableStream<Uint8Array>)
    return new Response(body, { status: range ? 206 : 200, headers })
  }
}
