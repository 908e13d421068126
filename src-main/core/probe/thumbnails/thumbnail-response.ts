/**
 * Answers a `media-thumb:` request from the thumbnail cache and nothing else: the URL must
 * name a well-formed cache key, the file is read from the cache folder, and the answer is
 * always WebP. Electron's protocol handler (src-main/electron/thumbnail-protocol.ts) only
 * forwards requests here, so the confinement is tested without Electron.
 */
import { readFile as fsReadFile } from 'node:fs/promises'
import { join } from 'node:path'
import { keyFromThumbnailUrl, thumbnailRelativePath } from '../../../../src-shared/urls/thumbnail-url'

export type ReadFile = (path: string) => Promise<Uint8Array<ArrayBuffer>>

const headers = { 'X-Content-Type-Options': 'nosniff' }

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } })
}

export function createThumbnailHandler(cacheDir: string, readFile: ReadFile = fsReadFile) {
  return async (request: { url: string; method: string }): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed')
    const key = keyFromThumbnailUrl(request.url)
    if (!key) return text(404, 'Not found')
    let body: Uint8Array<ArrayBuffer>
    try {
      body = await readFile(join(cacheDir, ...thumbnailRelativePath(key).split('/')))
    } catch {
      return text(404, 'Not found')
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      // Content-addressed: a key's bytes never change.
      headers: { ...headers, 'Content-Type': 'image/webp', 'Cache-Control': 'max-age=31536000, immutable' },
    })
  }
}
