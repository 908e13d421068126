/**
 * Bad input ends in a row message with a retry action, and every other file still uploads.
 */
import { createHash } from 'node:crypto'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { appendFile, chmod, mkdtemp, rename, rm, symlink, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStorageTestEnv } from '../../test-support/s3-test-env'
import type { Fault } from '../../test-support/fault-proxy'
import type { StorageTestEnv } from '../../test-support/s3-test-env'
import { makeTestFile } from '../../test-support/test-files'
import type { StorageConfig, UploadEvent, UploadInput } from './types'
import { UploadEngine } from './upload-engine'

type Failed = Extract<UploadEvent, { type: 'failed' }>

describe('upload failures an editor can act on', () => {
  let env: StorageTestEnv
  let dir: string
  let n = 0

  beforeAll(async () => {
    env = await startStorageTestEnv()
    dir = await mkdtemp(join(tmpdir(), 'engine-errors-'))
  })
  afterAll(async () => {
    await env.close()
    await rm(dir, { recursive: true, force: true })
  })

  /** An engine that has uploaded (or failed) `inputs`, with every row event it sent so far. */
  async function uploadOnce(
    config: StorageConfig,
    inputs: UploadInput[],
  ): Promise<{ engine: UploadEngine; events: UploadEvent[] }> {
    const engine = new UploadEngine(config)
    const events: UploadEvent[] = []
    engine.on('row', (e) => events.push(e))
    engine.enqueue(inputs)
    await engine.idle()
    return { engine, events }
  }

  /** Uploads a broken file next to a healthy one; returns the broken one's failure. */
  async function runWithHealthyNeighbour(
    config: StorageConfig,
    prepare: (path: string) => Promise<void>,
    neighbourConfigOk = true,
  ): Promise<{ failed: Failed; events: UploadEvent[]; engine: UploadEngine }> {
    const bad = await makeTestFile(dir, `bad-${++n}.bin`, 40_000)
    const good = await makeTestFile(dir, `good-${n}.jpg`, 30_000, 'image')
    await prepare(bad.path)
    const { engine, events } = await uploadOnce(config, [bad.input, good.input])
    const failed = events.find((e): e is Failed => e.type === 'failed' && e.rowId === bad.input.rowId)
    if (!failed) throw new Error(`no failure for ${bad.path}: ${JSON.stringify(events)}`)
    if (neighbourConfigOk) expect(events.some((e) => e.type === 'uploaded' && e.rowId === good.input.rowId)).toBe(true)
    return { failed, events, engine }
  }

  it('file changed since the scan: says so, and Retry uploads the current version', async () => {
    const { failed, events, engine } = await runWithHealthyNeighbour(env.config(), (path) => appendFile(path, 'more'))
    expect(failed).toMatchObject({ code: 'source-changed', retryable: true })
    expect(failed.message).toMatch(/changed since it was scanned.*40000 → 40004 bytes.*Retry/)
    await engine.retry(failed.rowId)
    await engine.idle()
    const uploaded = events.find((e) => e.type === 'uploaded' && e.rowId === failed.rowId)
    expect(uploaded).toMatchObject({ size: 40_004 })
    await engine.close()
  })

  it("content changed with size and date kept: the store refuses the probe's hash, and Retry hashes anew", async () => {
    // Rewritten in place by a tool that keeps the date: what the probe hashed is gone. The photo
    // is read whole, the video (above the 4 MiB read-whole limit) streamed from disk.
    const photo = await makeTestFile(dir, `rewritten-${++n}.jpg`, 30_000, 'image')
    const video = await makeTestFile(dir, `rewritten-${n}.mp4`, 5 * 1024 * 1024, 'video')
    const stale = createHash('sha256').update('the bytes before').digest('hex')
    env.proxy.setRule((r) => (r.method === 'PUT' ? { type: 'check-sha256' } : undefined))
    try {
      const inputs = [photo, video].map((f) => ({ ...f.input, sha256: stale }))
      const { engine, events } = await uploadOnce(env.config(), inputs)
      const failed = events.filter((e): e is Failed => e.type === 'failed')
      expect(failed.map((e) => e.rowId).sort()).toEqual([photo.input.rowId, video.input.rowId].sort())
      for (const e of failed) {
        expect(e).toMatchObject({ code: 'source-changed', retryable: true })
        expect(e.message).toMatch(/received other bytes than those scanned \(XAmzContentSHA256Mismatch\)/)
      }

      for (const f of [photo, video]) await engine.retry(f.input.rowId)
      await engine.idle()
      for (const [f, bucket] of [
        [photo, env.sandbox.buckets.image],
        [video, env.sandbox.buckets.video],
      ] as const) {
        const uploaded = events.find((e) => e.type === 'uploaded' && e.rowId === f.input.rowId)
        expect(uploaded).toMatchObject({ sha256: f.sha256 })
        expect(await env.sha256Of(bucket, (uploaded as { key: string }).key)).toBe(f.sha256)
      }
      await engine.close()
    } finally {
      env.proxy.setRule(undefined)
    }
  })

  it('file deleted since the scan', async () => {
    const { failed, engine } = await runWithHealthyNeighbour(env.config(), (path) => unlink(path))
    expect(failed).toMatchObject({ code: 'source-missing', retryable: true })
    expect(failed.message).toMatch(/moved or deleted/)
    await engine.close()
  })

  it('bucket missing: names the bucket', async () => {
    const base = env.config()
    const config = { ...base, targets: { ...base.targets, file: { ...base.targets.file, bucket: 'no-such-bucket' } } }
    const { failed, engine } = await runWithHealthyNeighbour(config, async () => undefined)
    expect(failed).toMatchObject({ code: 'bucket-missing', retryable: true })
    expect(failed.message).toMatch(/Bucket "no-such-bucket" does not exist/)
    await engine.close()
  })

  it('access denied: names the credential source and the bucket', async () => {
    const config = env.config({
      credentials: { type: 'keys', accessKeyId: 'NOT-A-KEY', secretAccessKey: 'x', label: 'the keys saved in the app' },
    })
    const { failed, events, engine } = await runWithHealthyNeighbour(config, async () => undefined, false)
    expect(failed).toMatchObject({ code: 'access-denied', retryable: true })
    expect(failed.message).toMatch(
      /bucket "media-files" was denied for the keys saved in the app \(InvalidAccessKeyId\)/,
    )
    expect(failed.message).not.toContain('NOT-A-KEY')
    // The neighbour fails on its own row too; nothing stops the engine.
    expect(events.filter((e) => e.type === 'failed')).toHaveLength(2)
    await engine.close()
  })

  it('network gone: fails after bounded retries with a retry action', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const config = env.config({
      endpoint: `http://127.0.0.1:${port}`,
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
    })
    const { failed, engine } = await runWithHealthyNeighbour(config, async () => undefined, false)
    expect(failed).toMatchObject({ code: 'network', retryable: true })
    expect(failed.message).toMatch(/could not be reached \(ECONNREFUSED\) after 3 attempts/)
    await engine.close()
  })

  it('a web page instead of S3 (a Wi-Fi sign-in page): says so, stores nothing, and Retry uploads once', async () => {
    const page: Fault = {
      type: 'answer',
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<html>Guest Wi-Fi</html>',
    }
    env.proxy.setRule(() => page)
    const before = env.proxy.requests().length
    try {
      const photo = await makeTestFile(dir, `portal-${++n}.jpg`, 30_000, 'image')
      const { engine, events } = await uploadOnce(env.config(), [photo.input])
      const failed = events.find((e): e is Failed => e.type === 'failed')
      expect(failed).toMatchObject({ code: 'network', retryable: true })
      expect(failed?.message).toMatch(/answered with a web page \(HTTP 200, text\/html; charset=utf-8\) instead of S3/)
      expect(failed?.message).toMatch(/Wi-Fi sign-in page/)
      // Not retried on its own: the page will not go away until someone signs in.
      expect(
        env.proxy
          .requests()
          .slice(before)
          .filter((r) => r.method === 'PUT'),
      ).toHaveLength(1)

      env.proxy.setRule(undefined)
      await engine.retry(photo.input.rowId)
      await engine.idle()
      const uploaded = events.find((e) => e.type === 'uploaded')
      expect(uploaded).toBeDefined()
      const key = (uploaded as Extract<UploadEvent, { type: 'uploaded' }>).key
      expect(await env.sha256Of(env.sandbox.buckets.image, key)).toBe(photo.sha256)

      // A file that is a web page is still confirmed: HEAD answers with the object's own type.
      const html = await makeTestFile(dir, `page-${n}.html`, 2_000, 'file', { mimeType: 'text/html', ext: 'html' })
      engine.enqueue(html.input)
      await engine.idle()
      expect(events.find((e) => e.type === 'uploaded' && e.rowId === html.input.rowId)).toBeDefined()
      await engine.close()
    } finally {
      env.proxy.setRule(undefined)
    }
  })

  it("an answer that is not S3's XML (to Complete): says so, and Retry completes without resending a part", async () => {
    const MiB = 1024 * 1024
    env.proxy.setRule((r) =>
      r.operation === 'complete'
        ? { type: 'answer', status: 200, contentType: 'application/json', body: '{"ok":true}' }
        : undefined,
    )
    try {
      const video = await makeTestFile(dir, `garbled-${++n}.mp4`, 6 * MiB, 'video')
      const config = env.config({
        multipartThreshold: 5 * MiB,
        minPartSize: 5 * MiB,
        retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
      })
      const { engine, events } = await uploadOnce(config, [video.input])
      const failed = events.find((e): e is Failed => e.type === 'failed')
      expect(failed).toMatchObject({ code: 'server-error', retryable: true })
      expect(failed?.message).toMatch(
        /with something that is not S3's answer \(HTTP 200, application\/json\) after 2 attempts/,
      )

      env.proxy.setRule(undefined)
      await engine.retry(video.input.rowId)
      await engine.idle()
      const uploaded = events.find((e) => e.type === 'uploaded') as Extract<UploadEvent, { type: 'uploaded' }>
      expect(await env.sha256Of(env.sandbox.buckets.video, uploaded.key)).toBe(video.sha256)
      // Both parts were sent once: the retry only completed the upload.
      expect(env.proxy.bytesReceived(uploaded.key)).toBe(6 * MiB)
      await engine.close()
    } finally {
      env.proxy.setRule(undefined)
    }
  })

  it('read error: names the file and the cause; Retry uploads it once readable', async () => {
    // A path turned into a symlink loop cannot be opened, even by root (who reads any mode).
    let original = ''
    const { failed, events, engine } = await runWithHealthyNeighbour(env.config(), async (path) => {
      original = path
      await rename(path, `${path}.kept`)
      await symlink(path, path)
    })
    expect(failed).toMatchObject({ code: 'read-error', retryable: true })
    expect(failed.message).toMatch(
      /^"bad-\d+\.bin" could not be read \(ELOOP\)\. Check the disk and the file's permissions, then retry\.$/,
    )
    await unlink(original)
    await rename(`${original}.kept`, original)
    expect(await engine.retry(failed.rowId)).toBe(true)
    await engine.idle()
    expect(events.filter((e) => e.type === 'uploaded' && e.rowId === failed.rowId)).toHaveLength(1)
    await engine.close()
  })

  it.skipIf(process.getuid?.() === 0)('unreadable file (permissions): a read error on its row', async () => {
    const { failed, engine } = await runWithHealthyNeighbour(env.config(), (path) => chmod(path, 0o000))
    expect(failed).toMatchObject({ code: 'read-error', retryable: true })
    expect(failed.message).toMatch(/could not be read \(EACCES\)/)
    await engine.close()
  })

  it('a path that is no longer a file is refused without stopping the rest', async () => {
    const { failed, engine } = await runWithHealthyNeighbour(env.config(), async (path) => {
      await unlink(path)
      const { mkdir } = await import('node:fs/promises')
      await mkdir(path)
    })
    expect(failed).toMatchObject({ code: 'source-changed', retryable: true })
    expect(failed.message).toMatch(/no longer a regular file/)
    await engine.close()
  })
})
