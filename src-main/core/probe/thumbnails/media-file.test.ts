import { readFile, writeFile } from 'node:fs/promises'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Row } from '../../model/row'
import { tempDir, type TempDir } from '../testing/probe-helpers'
import { createMediaFileHandler, mediaFileUrl, parseRange, rowIdFromMediaFileUrl, servableMedia } from './media-file'
import { mediaFileUrlFor } from '../../../../src-shared/urls/media-file-url'
import { ThumbnailCache, maxPosterFrameBytes } from './thumbnail-cache'
import { thumbnailKey } from '../../../../src-shared/urls/thumbnail-url'
import { filledRow } from '../../../../src-shared/rows/testing/example-rows'

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('media-file')
})
afterAll(async () => dir.remove())

const sha = 'b'.repeat(64)
const video = (path: string, change: Partial<Row> = {}): Row =>
  filledRow({
    rowId: 'row-1',
    path,
    relativePath: 'drop/clip.mp4',
    size: 10,
    mtimeMs: 0,
    status: 'probed',
    kind: 'video',
    mimeType: 'video/mp4',
    sha256: sha,
    ...change,
  })

describe('media-file: URLs and which row may be served', () => {
  it('round-trips a row id and refuses anything that is not one', () => {
    expect(rowIdFromMediaFileUrl(mediaFileUrl('3f2a-b_c'))).toBe('3f2a-b_c')
    for (const url of [
      'media-file://row/../../etc/passwd',
      'media-file://row/%2Fetc%2Fpasswd',
      'media-file://other/row-1',
      'file:///etc/passwd',
      'media-file://row/a/b',
      'nonsense',
    ])
      expect(rowIdFromMediaFileUrl(url)).toBeUndefined()
  })

  it('uses the scheme in Electron and the same-origin path over HTTP', () => {
    expect(mediaFileUrlFor('r1', 'app://renderer/index.html')).toBe('media-file://row/r1')
    expect(mediaFileUrlFor('r1', 'http://127.0.0.1:5000/index.html')).toBe('http://127.0.0.1:5000/media-file/r1')
    expect(rowIdFromMediaFileUrl('http://127.0.0.1:5000/media-file/r1')).toBe('r1')
    expect(rowIdFromMediaFileUrl('http://127.0.0.1:5000/media-file/../secret')).toBeUndefined()
    expect(rowIdFromMediaFileUrl('http://127.0.0.1:5000/other/r1')).toBeUndefined()
  })

  it('serves only a probed video row with a hash', () => {
    expect(servableMedia(video('/v.mp4'))).toEqual({ path: '/v.mp4', mimeType: 'video/mp4' })
    expect(servableMedia(undefined)).toBeUndefined()
    expect(servableMedia(video('/a.jpg', { kind: 'image', mimeType: 'image/jpeg' }))).toBeUndefined()
    expect(servableMedia(video('/f.pdf', { kind: 'file', mimeType: 'application/pdf' }))).toBeUndefined()
    expect(servableMedia(video('/v.mp4', { sha256: undefined }))).toBeUndefined()
    expect(servableMedia(video('/v.mp4', { status: 'unreadable' }))).toBeUndefined()
  })

  it.each([
    ['bytes=0-', { start: 0, end: 9 }],
    ['bytes=2-4', { start: 2, end: 4 }],
    ['bytes=5-99', { start: 5, end: 9 }],
    ['bytes=-3', { start: 7, end: 9 }],
    ['bytes=10-', 'bad'],
    ['bytes=4-2', 'bad'],
    ['bytes=0-1,3-4', 'bad'],
    ['items=0-1', 'bad'],
  ] as const)('reads the range %s of a 10-byte file', (header, expected) => {
    expect(parseRange(header, 10)).toEqual(expected)
  })
})

describe('media-file: the handler', () => {
  it('answers the whole file, a range, and nothing for other rows or methods', async () => {
    const path = dir.path('clip.mp4')
    await writeFile(path, '0123456789')
    const rows = new Map([
      ['row-1', video(path)],
      ['img-1', video(path, { rowId: 'img-1', kind: 'image' })],
    ])
    const handle = createMediaFileHandler((id) => rows.get(id))
    const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
      handle({ url, method, headers: new Headers(headers) })

    const whole = await get(mediaFileUrl('row-1'))
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-type')).toBe('video/mp4')
    expect(await whole.text()).toBe('0123456789')
    const part = await get(mediaFileUrl('row-1'), { Range: 'bytes=2-5' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe('bytes 2-5/10')
    expect(await part.text()).toBe('2345')
    expect((await get(mediaFileUrl('row-1'), { Range: 'bytes=20-' })).status).toBe(416)
    expect((await get(mediaFileUrl('img-1'))).status).toBe(404)
    expect((await get(mediaFileUrl('nobody'))).status).toBe(404)
    expect((await get('media-file://row/..%2F..%2Fetc%2Fpasswd')).status).toBe(404)
    expect((await get(mediaFileUrl('row-1'), {}, 'POST')).status).toBe(405)
  })
})

describe('ThumbnailCache.storeFrame: a poster frame drawn by the window', () => {
  it('stores a PNG frame as the video’s WebP thumbnail, once per content', async () => {
    const cache = new ThumbnailCache({ dir: dir.path('cache'), edge: 64, ffmpeg: null })
    const png = await sharp({ create: { width: 320, height: 180, channels: 3, background: '#c03030' } })
      .png()
      .toBuffer()
    expect(await cache.storeFrame(sha, png)).toEqual({ key: thumbnailKey(sha, 64) })
    const file = cache.filePath(thumbnailKey(sha, 64))
    expect(await sharp(file).metadata()).toMatchObject({ format: 'webp', width: 64, height: 36 })
    const first = await readFile(file)
    const other = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
    expect(await cache.storeFrame(sha, other)).toEqual({ key: thumbnailKey(sha, 64) })
    expect((await readFile(file)).equals(first)).toBe(true)
  })

  it('refuses what is not an image, too many bytes, or no content hash', async () => {
    const cache = new ThumbnailCache({ dir: dir.path('cache2'), edge: 64, ffmpeg: null })
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>')
    expect(await cache.storeFrame(sha, svg)).toEqual({ unavailable: 'no poster frame: the frame sent is not an image' })
    expect(await cache.storeFrame(sha, Buffer.from('not an image'))).toEqual({
      unavailable: expect.stringMatching(/^no poster frame: /),
    })
    expect(await cache.storeFrame(sha, new Uint8Array(maxPosterFrameBytes + 1))).toEqual({
      unavailable: 'no poster frame: the frame sent is too large',
    })
    expect(await cache.storeFrame('../x', Buffer.from('x'))).toEqual({
      unavailable: 'no poster frame: the video has no content hash yet',
    })
  })
})
