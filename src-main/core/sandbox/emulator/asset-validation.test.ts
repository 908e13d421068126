import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestEmulator } from './testing'
import {
  fileAsset,
  fileEntry,
  imageAsset,
  imageEntry,
  importResults,
  startTestEmulator,
  videoAsset,
  videoEntry,
} from './testing'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(async () => {
  await emu.dispose()
})

async function messageFor(entry: Record<string, unknown>): Promise<string> {
  const [result] = await importResults(emu, [entry])
  expect(result).toMatchObject({
    ok: false,
    status: 400,
    error: 'ValidationError',
    correlation: `id: ${String(entry.id)}`,
  })
  return (result?.error_details as { message: string }).message
}

describe('asset rules (over HTTP)', () => {
  it('requires an asset', async () => {
    expect(await messageFor(imageEntry('no-asset', { asset: undefined }))).toBe('asset is required')
  })

  it('names each missing image field', async () => {
    const { width: _w, height: _h, ...asset } = imageAsset()
    const message = await messageFor(imageEntry('img-missing', { asset }))
    expect(message).toContain(
      'asset.width is required (image assets need key, url, size, width, height, mimeType, filename)',
    )
    expect(message).toContain('asset.height is required')
  })

  it('requires duration on a video', async () => {
    const { duration: _d, ...asset } = videoAsset()
    expect(await messageFor(videoEntry('vid-no-duration', { asset }))).toMatch(
      /^asset\.duration is required \(video assets need/,
    )
  })

  it('rejects fields a file asset does not have (additionalProperties: false)', async () => {
    const message = await messageFor(fileEntry('file-width', { asset: { ...fileAsset(), width: 10 } }))
    expect(message).toBe('asset.width is not allowed (file assets need key, url, size, mimeType, filename)')
  })

  it('rejects an unknown field on an image asset', async () => {
    const message = await messageFor(imageEntry('img-extra', { asset: { ...imageAsset(), colour: 'red' } }))
    expect(message).toMatch(/^asset\.colour is not allowed/)
  })

  it('rejects wrong types, naming the field and the value', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ width: '640' }, 'asset.width must be an integer >= 1 (pixels), got "640"'],
      [{ size: -1 }, 'asset.size must be an integer >= 0 (bytes), got -1'],
      [{ url: 'not a url' }, 'asset.url must be an absolute http(s) URL, got "not a url"'],
      [{ mimeType: 'jpeg' }, 'asset.mimeType must be a MIME type like "image/jpeg", got "jpeg"'],
      [{ filename: '' }, 'asset.filename must be a non-empty string, got ""'],
    ]
    for (const [index, [patch, expected]] of cases.entries()) {
      expect(await messageFor(imageEntry(`img-type-${index}`, { asset: { ...imageAsset(), ...patch } }))).toBe(expected)
    }
    const video = { ...videoAsset(), duration: 'long' }
    expect(await messageFor(videoEntry('vid-duration', { asset: video }))).toBe(
      'asset.duration must be a number >= 0 (seconds), got "long"',
    )
  })

  it("rejects keys starting with '/' or 'v/'", async () => {
    const slash = await messageFor(imageEntry('key-slash', { asset: { ...imageAsset(), key: '/2026/a.jpeg' } }))
    expect(slash).toBe("asset.key must not start with '/': '/2026/a.jpeg'")
    const variant = await messageFor(imageEntry('key-variant', { asset: { ...imageAsset(), key: 'v/2026/a.jpeg' } }))
    expect(variant).toBe("asset.key must not start with 'v/' (reserved for image variants): 'v/2026/a.jpeg'")
  })

  it('rejects an asset that is not an object', async () => {
    expect(await messageFor(imageEntry('asset-string', { asset: 'photo.jpeg' }))).toMatch(/^asset must be an object/)
  })
})
