import { createHash } from 'node:crypto'
import { readFile, stat, writeFile } from 'node:fs/promises'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeImage, makeVideo, tag } from '../fixtures/generate'
import { tempDir, type TempDir } from '../testing/probe-helpers'
import { ThumbnailCache } from './thumbnail-cache'
import { createThumbnailHandler } from './thumbnail-response'
import {
  isThumbnailKey,
  keyFromThumbnailUrl,
  servedOverHttp,
  thumbnailKey,
  thumbnailUrl,
} from '../../../../src-shared/urls/thumbnail-url'

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('thumbs')
})
afterAll(async () => dir.remove())

const sha = async (path: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
const key = thumbnailKey('a'.repeat(64), 256)

describe('thumbnail URLs', () => {
  it('round-trips a key through a media-thumb: URL', () => {
    expect(thumbnailUrl(key)).toBe(`media-thumb://thumb/${key}`)
    expect(keyFromThumbnailUrl(thumbnailUrl(key))).toBe(key)
    expect(keyFromThumbnailUrl(`${thumbnailUrl(key)}?v=2`)).toBe(key)
  })

  it("uses the page server's /media-thumb/ path in a browser page served over http (media-import ui)", () => {
    const page = (protocol: string, userAgent = 'Mozilla/5.0 Chrome/140') => ({
      location: { protocol },
      navigator: { userAgent },
    })
    expect(servedOverHttp(page('http:'))).toBe(true)
    expect(servedOverHttp(page('app:'))).toBe(false)
    // Electron's dev server is http too, but the window has the media-thumb: protocol.
    expect(servedOverHttp(page('http:', 'Mozilla/5.0 Chrome/140 Electron/45.5.0'))).toBe(false)
    expect(servedOverHttp({})).toBe(false)
    expect(thumbnailUrl(key, true)).toBe(`/media-thumb/${key}`)
    expect(keyFromThumbnailUrl(`http://127.0.0.1:4321${thumbnailUrl(key, true)}`)).toBe(key)
  })

  it.each([
    'media-thumb://thumb/../../etc/passwd',
    'media-thumb://thumb/%2e%2e%2fsecret',
    `media-thumb://other/${key}`,
    `file:///thumb/${key}`,
    `media-thumb://thumb/aa/${key}`,
    `http://127.0.0.1:4321/media-thumb/../${key}`,
    `http://127.0.0.1:4321/other/${key}`,
    'http://127.0.0.1:4321/media-thumb/%2e%2e%2fsecret',
    'media-thumb://thumb/' + 'A'.repeat(64) + '-256.webp',
    'not a url',
  ])('refuses %s', (url) => {
    expect(keyFromThumbnailUrl(url)).toBeUndefined()
  })

  it('only accepts content-addressed webp keys', () => {
    expect(isThumbnailKey(key)).toBe(true)
    expect(isThumbnailKey(`${'a'.repeat(64)}-256.png`)).toBe(false)
  })
})

describe('ThumbnailCache and the protocol handler', () => {
  it('makes an upright WebP thumbnail once and serves it only from the cache', async () => {
    const photo = await tag(await makeImage(dir.path('tall.jpg'), 400, 300), ['-Orientation#=6'])
    const cache = new ThumbnailCache({ dir: dir.path('cache'), edge: 64, ffmpeg: null })
    const request = { path: photo, sha256: await sha(photo), kind: 'image' as const, mimeType: 'image/jpeg' }
    const outcome = await cache.ensure(request)
    expect(outcome).toEqual({ key: thumbnailKey(request.sha256, 64) })
    const file = cache.filePath(thumbnailKey(request.sha256, 64))
    const meta = await sharp(file).metadata()
    expect(meta).toMatchObject({ format: 'webp', width: 48, height: 64 })
    // The user's only: the cache's folders 0700, the thumbnail 0600.
    expect(((await stat(file)).mode & 0o777).toString(8)).toBe('600')
    expect(((await stat(dir.path('cache'))).mode & 0o777).toString(8)).toBe('700')
    const before = (await stat(file)).mtimeMs
    await cache.ensure(request)
    expect((await stat(file)).mtimeMs).toBe(before)

    const handle = createThumbnailHandler(dir.path('cache'))
    const ok = await handle({ url: thumbnailUrl(thumbnailKey(request.sha256, 64)), method: 'GET' })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe('image/webp')
    expect(Buffer.from(await ok.arrayBuffer()).equals(await readFile(file))).toBe(true)
    await writeFile(dir.path('secret.txt'), 'secret')
    expect((await handle({ url: 'media-thumb://thumb/../secret.txt', method: 'GET' })).status).toBe(404)
    expect((await handle({ url: thumbnailUrl(key), method: 'GET' })).status).toBe(404)
    expect((await handle({ url: thumbnailUrl(key), method: 'POST' })).status).toBe(405)
  })

  it('takes a poster frame from a video where ffmpeg exists, and says so where it does not', async () => {
    const clip = await makeVideo(dir.path('clip.mp4'), {
      seconds: 2,
      width: 320,
      height: 180,
      args: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'],
    })
    const request = { path: clip, sha256: await sha(clip), kind: 'video' as const, mimeType: 'video/mp4', duration: 2 }
    const withFfmpeg = new ThumbnailCache({ dir: dir.path('cache'), edge: 128 })
    const outcome = await withFfmpeg.ensure(request)
    expect('key' in outcome).toBe(true)
    if ('key' in outcome)
      expect(await sharp(withFfmpeg.filePath(outcome.key)).metadata()).toMatchObject({ width: 128, height: 72 })
    const without = new ThumbnailCache({ dir: dir.path('cache2'), ffmpeg: null })
    expect(await without.ensure(request)).toEqual({
      unavailable: 'no poster frame: ffmpeg is not installed on this computer',
    })
  })
})
