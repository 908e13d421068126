import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileUploadStateStore } from './file-upload-state-store'
import type { UploadState } from './types'

const state = (uploadKey: string, extra: Partial<UploadState> = {}): UploadState => ({
  uploadKey,
  rowId: uploadKey,
  source: { path: `/media/${uploadKey}.mp4`, size: 30_000_000, mtimeMs: 1_700_000_000_123.456 },
  sha256: 'ab'.repeat(32),
  bucket: 'media-videos',
  key: `2026/01/01/${uploadKey}.mp4`,
  url: `http://127.0.0.1:1/media-videos/2026/01/01/${uploadKey}.mp4`,
  status: 'in-progress',
  multipart: { uploadId: `up-${uploadKey}`, partSize: 8_388_608, parts: [] },
  ...extra,
})

describe('FileUploadStateStore', () => {
  let dir: string
  let file: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'upload-journal-'))
    file = join(dir, 'uploads.ndjson')
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('survives a reopen with states, parts and deletes replayed in order', async () => {
    const store = await FileUploadStateStore.open(file)
    await store.save(state('a'))
    await Promise.all([
      store.savePart('a', { partNumber: 2, etag: '"e2"', size: 8 }),
      store.savePart('a', { partNumber: 1, etag: '"e1"', size: 8 }),
      store.save(state('b')),
    ])
    await store.savePart('a', { partNumber: 2, etag: '"e2-again"', size: 8 })
    await store.delete('b')
    await store.close()

    const reopened = await FileUploadStateStore.open(file)
    const a = await reopened.load('a')
    expect(a?.multipart?.parts).toEqual([
      { partNumber: 1, etag: '"e1"', size: 8 },
      { partNumber: 2, etag: '"e2-again"', size: 8 },
    ])
    expect(a?.source.mtimeMs).toBe(1_700_000_000_123.456)
    expect(await reopened.load('b')).toBeUndefined()
    await reopened.close()
  })

  it('ignores a torn last line left by a crash', async () => {
    const store = await FileUploadStateStore.open(file)
    await store.save(state('a'))
    await store.close()
    await appendFile(file, '{"t":"part","uploadKey":"a","part":{"partNu')
    const reopened = await FileUploadStateStore.open(file)
    expect(reopened.skippedAtOpen).toBe(1)
    expect((await reopened.load('a'))?.multipart?.parts).toEqual([])
    // The torn line is gone after the compaction on open, so later appends start on a clean line.
    await reopened.savePart('a', { partNumber: 1, etag: '"x"', size: 1 })
    await reopened.close()
    const again = await FileUploadStateStore.open(file)
    expect(again.skippedAtOpen).toBe(0)
    expect((await again.load('a'))?.multipart?.parts).toHaveLength(1)
    await again.close()
  })

  it('compacts superseded records into one state line per upload', async () => {
    const store = await FileUploadStateStore.open(file, { compactAfter: 50 })
    await store.save(state('a'))
    for (let n = 1; n <= 120; n++) await store.savePart('a', { partNumber: n, etag: `"${n}"`, size: 1 })
    await store.close()
    const lines = (await readFile(file, 'utf8')).trim().split('\n')
    expect(lines.length).toBeLessThan(50)
    const reopened = await FileUploadStateStore.open(file)
    expect((await reopened.load('a'))?.multipart?.parts).toHaveLength(120)
    await reopened.close()
  })

  it('hands out copies, so a caller cannot change the journal by mutating', async () => {
    const store = await FileUploadStateStore.open(file)
    await store.save(state('a'))
    const loaded = await store.load('a')
    loaded?.multipart?.parts.push({ partNumber: 9, etag: 'x', size: 1 })
    expect((await store.load('a'))?.multipart?.parts).toEqual([])
    await store.close()
    await expect(store.save(state('c'))).rejects.toThrow(/closed/)
  })
})
