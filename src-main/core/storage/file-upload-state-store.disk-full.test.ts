/**
 * The upload journal on a disk that fills up. The real case runs on a 64 KiB tmpfs, which needs
 * root (CI runs as root); elsewhere it is skipped and says so. A disk without room also stops
 * the compaction on open, which a directory in the temp file's place stands in for anywhere.
 */
import { appendFile, mkdir, mkdtemp, readFile, rm, rmdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fillDisk, mountTinyDisk, unmountTinyDisk } from '../../test-support/full-disk'
import { startStorageTestEnv } from '../../test-support/s3-test-env'
import { makeTestFile } from '../../test-support/test-files'
import { JournalWriteError } from './classify-error'
import { FileUploadStateStore } from './file-upload-state-store'
import type { UploadEvent, UploadState } from './types'
import { UploadEngine } from './upload-engine'

const state = (uploadKey: string, parts = 0): UploadState => ({
  uploadKey,
  rowId: uploadKey,
  source: { path: `/media/${uploadKey}.mp4`, size: 3_000_000_000, mtimeMs: 1_700_000_000_000 },
  sha256: 'cd'.repeat(32),
  bucket: 'media-videos',
  key: `2026/11/27/${uploadKey}.mp4`,
  url: `http://127.0.0.1:1/media-videos/2026/11/27/${uploadKey}.mp4`,
  status: 'in-progress',
  multipart: {
    uploadId: `up-${uploadKey}`,
    partSize: 16_777_216,
    parts: Array.from({ length: parts }, (_, i) => ({ partNumber: i + 1, etag: `"${'e'.repeat(32)}"`, size: 1 })),
  },
})

describe('FileUploadStateStore on a full disk', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'journal-full-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('fails only the write that found no room, cuts off what it left, and loses no other record', async (ctx) => {
    const disk = join(dir, 'disk')
    await mkdir(disk)
    if (!mountTinyDisk(disk)) ctx.skip() // needs root and tmpfs: a real full disk, not a simulated one
    try {
      const file = join(disk, 'uploads.ndjson')
      const store = await FileUploadStateStore.open(file)
      await store.save(state('before'))
      await fillDisk(join(disk, 'filler'))
      // ~7 KB: the disk takes what fits in the journal's last page, then refuses the rest.
      const refused = store.save(state('refused', 100))
      await expect(refused).rejects.toBeInstanceOf(JournalWriteError)
      await expect(refused).rejects.toMatchObject({ code: 'ENOSPC', path: file })
      expect((await readFile(file, 'utf8')).endsWith('\n')).toBe(true)

      await rm(join(disk, 'filler'))
      await store.save(state('after'))
      await store.close()
      const reopened = await FileUploadStateStore.open(file)
      expect(reopened.skippedAtOpen).toBe(0)
      expect(await reopened.load('before')).toBeDefined()
      expect(await reopened.load('after')).toBeDefined()
      expect(await reopened.load('refused')).toBeUndefined()
      await reopened.close()
    } finally {
      unmountTinyDisk(disk)
    }
  })

  it('stops an upload whose journal finds the disk full, says so on the row, and Retry sends it once', async (ctx) => {
    const disk = join(dir, 'disk')
    await mkdir(disk)
    if (!mountTinyDisk(disk)) ctx.skip() // needs root and tmpfs, as above
    const env = await startStorageTestEnv()
    try {
      const store = await FileUploadStateStore.open(join(disk, 'uploads.ndjson'))
      const engine = new UploadEngine(env.config(), { store })
      const events: UploadEvent[] = []
      engine.on('row', (e) => events.push(e))
      const photo = await makeTestFile(dir, 'photo.jpg', 30_000, 'image')
      await fillDisk(join(disk, 'filler'))
      engine.enqueue(photo.input)
      await engine.idle()
      expect(events.find((e) => e.type === 'failed')).toMatchObject({ code: 'journal-write', retryable: true })
      const failed = events.find((e) => e.type === 'failed') as Extract<UploadEvent, { type: 'failed' }>
      expect(failed.message).toMatch(/"photo\.jpg".*uploads\.ndjson, because the disk is full \(ENOSPC\)/)
      // The key is journaled before the PUT: with no journal, nothing was sent.
      const bucket = env.sandbox.buckets.image
      expect(await env.listKeys(bucket)).toEqual([])

      await rm(join(disk, 'filler'))
      await engine.retry(photo.input.rowId)
      await engine.idle()
      const uploaded = events.find((e) => e.type === 'uploaded')
      expect(uploaded).toBeDefined()
      const keys = await env.listKeys(bucket)
      expect(keys).toHaveLength(1)
      expect(await env.sha256Of(bucket, keys[0] ?? '')).toBe(photo.sha256)
      await engine.close()
      await store.close()
    } finally {
      await env.close()
      unmountTinyDisk(disk)
    }
  })

  it('opens a journal it cannot rewrite as it is, without its torn last line, and appends to it', async () => {
    const file = join(dir, 'uploads.ndjson')
    const store = await FileUploadStateStore.open(file)
    await store.save(state('a'))
    await store.close()
    await appendFile(file, '{"t":"part","uploadKey":"a","part":{"partNu')
    // The compaction's temp file cannot be created, as on a full disk.
    await mkdir(`${file}.tmp`)
    const reopened = await FileUploadStateStore.open(file)
    expect(reopened.skippedAtOpen).toBe(1)
    await reopened.savePart('a', { partNumber: 1, etag: '"p1"', size: 1 })
    await reopened.close()
    await rmdir(`${file}.tmp`)

    const again = await FileUploadStateStore.open(file)
    expect(again.skippedAtOpen).toBe(0)
    expect((await again.load('a'))?.multipart?.parts).toEqual([{ partNumber: 1, etag: '"p1"', size: 1 }])
    await again.close()
  })
})
