/**
 * storePosterFrame through dispatch (the zod schema) and the handler: a frame the window drew
 * becomes the video rows' thumbnail once, and nothing else is accepted.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir, type TempDir } from '../probe/testing/probe-helpers'
import { ThumbnailCache } from '../probe/thumbnails/thumbnail-cache'
import { thumbnailKey } from '../../../src-shared/urls/thumbnail-url'
import type { Row } from '../model/row'
import { Session } from '../session/session'
import { dispatchCommand } from './dispatch'
import type { Handlers } from './handlers'
import { createPosterFrameHandlers } from './poster-frame-handlers'
import { toRow } from '../../../src-shared/rows/row-shape'

let dir: TempDir
beforeAll(async () => {
  dir = await tempDir('poster-frames')
})
afterAll(async () => dir.remove())

const sha = 'c'.repeat(64)
const row = (rowId: string, change: Partial<Row> = {}): Row =>
  toRow({
    rowId,
    path: `/drop/${rowId}.mp4`,
    relativePath: `drop/${rowId}.mp4`,
    size: 10,
    mtimeMs: 0,
    status: 'probed',
    kind: 'video',
    mimeType: 'video/mp4',
    sha256: sha,
    thumbnailUnavailable: 'no poster frame: ffmpeg is not installed on this computer',
    ...change,
  })

async function setUp() {
  const session = new Session({
    rows: [row('clip'), row('copy'), row('photo', { kind: 'image', mimeType: 'image/jpeg', sha256: 'd'.repeat(64) })],
  })
  const cache = new ThumbnailCache({ dir: dir.path(`cache-${Math.random()}`), edge: 64, ffmpeg: null })
  const handlers = createPosterFrameHandlers(session, cache) as Handlers
  const store = (arg: unknown) => dispatchCommand(handlers, 'storePosterFrame', arg)
  return { session, cache, store }
}

const frame = async (): Promise<string> => {
  const png = await sharp({ create: { width: 160, height: 90, channels: 3, background: '#2040c0' } })
    .png()
    .toBuffer()
  return `data:image/png;base64,${png.toString('base64')}`
}

describe('storePosterFrame', () => {
  it('stores the frame under the video’s sha256 and gives every row of that content the thumbnail', async () => {
    const { session, cache, store } = await setUp()
    expect(await store({ rowId: 'clip', image: await frame() })).toEqual({ ok: true, value: { stored: true } })
    const key = thumbnailKey(sha, 64)
    expect(session.getRow('clip')).toMatchObject({ thumbnail: key, thumbnailUnavailable: undefined })
    expect(session.getRow('copy')).toMatchObject({ thumbnail: key })
    expect(await sharp(cache.filePath(key)).metadata()).toMatchObject({ format: 'webp', width: 64, height: 36 })
    // Made once: a second frame for a row that has its thumbnail is not stored.
    expect(await store({ rowId: 'clip', image: await frame() })).toEqual({
      ok: true,
      value: { stored: false, message: 'This video already has a thumbnail.' },
    })
  })

  it('refuses a row that is not a video of this session, and a payload that is not an image data URL', async () => {
    const { store } = await setUp()
    const image = await frame()
    expect(await store({ rowId: 'photo', image })).toMatchObject({ ok: false, error: { code: 'not-a-video' } })
    expect(await store({ rowId: 'nobody', image })).toMatchObject({ ok: false, error: { code: 'not-a-video' } })
    for (const bad of [
      { rowId: 'clip', image: 'data:image/svg+xml;base64,PHN2Zy8+' },
      { rowId: 'clip', image: 'file:///etc/passwd' },
      { rowId: 'clip', image: `data:image/png;base64,${'A'.repeat(6 << 20)}` },
      { rowId: 'clip', image, path: '/etc/passwd' },
    ]) {
      expect(await store(bad)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
  })
})
