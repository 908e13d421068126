/**
 * The engine against the sandbox S3 behind the fault proxy: real uploads, real faults, and the
 * stored bytes checked by sha256.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStorageTestEnv } from '../../test-support/s3-test-env'
import type { StorageTestEnv } from '../../test-support/s3-test-env'
import { makeTestFile } from '../../test-support/test-files'
import type { TestFile } from '../../test-support/test-files'
import type { Fault } from '../../test-support/fault-proxy'
import { FileUploadStateStore } from './file-upload-state-store'
import type { TotalProgress, UploadEvent } from './types'
import { UploadEngine } from './upload-engine'

const MiB = 1024 * 1024
const multipart = { multipartThreshold: 5 * MiB, minPartSize: 5 * MiB }

function record(engine: UploadEngine): { events: UploadEvent[]; totals: { at: number; p: TotalProgress }[] } {
  const events: UploadEvent[] = []
  const totals: { at: number; p: TotalProgress }[] = []
  engine.on('row', (e) => events.push(e))
  // The monotonic clock, as the throttle uses: Date.now() is whole milliseconds and may be stepped.
  engine.on('total', (p) => totals.push({ at: performance.now(), p }))
  return { events, totals }
}

const uploadedOf = (events: UploadEvent[]) =>
  events.filter((e): e is Extract<UploadEvent, { type: 'uploaded' }> => e.type === 'uploaded')

describe('UploadEngine against the sandbox S3', () => {
  let env: StorageTestEnv
  let dir: string

  beforeAll(async () => {
    env = await startStorageTestEnv()
    dir = await mkdtemp(join(tmpdir(), 'engine-src-'))
  })
  afterAll(async () => {
    await env.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('uploads each kind to its bucket with key template, URL, content type and sha256', async () => {
    env.proxy.setRule(undefined)
    const files = [
      await makeTestFile(dir, 'photo.jpg', 300_000, 'image'),
      // Above the in-memory limit, below the multipart threshold: streamed in one PUT.
      await makeTestFile(dir, 'poster.jpg', 4 * MiB + 123, 'image'),
      await makeTestFile(dir, 'clip.mp4', 12 * MiB + 5, 'video'),
      await makeTestFile(dir, 'doc.pdf', 70_000, 'file'),
      await makeTestFile(dir, 'doc-fr.pdf', 50_000, 'file', { rowId: 'doc.pdf', locale: 'fr' }),
    ]
    const engine = new UploadEngine(env.config({ ...multipart, videoPublicRead: true }))
    const { events, totals } = record(engine)
    engine.enqueue(files.map((f) => f.input))
    await engine.idle()
    await engine.close()

    const uploaded = uploadedOf(events)
    expect(uploaded).toHaveLength(5)
    for (const file of files) {
      const event = uploaded.find((e) => e.rowId === file.input.rowId && e.locale === file.input.locale)
      expect(event, file.path).toBeDefined()
      if (!event) continue
      const target = env.config().targets[file.input.kind]
      expect(event.bucket).toBe(target.bucket)
      expect(event.key).toMatch(new RegExp(`^${target.prefix}\\d{4}/\\d{2}/\\d{2}/[0-9a-f-]{36}\\.${file.input.ext}$`))
      expect(event.url).toBe(`${target.publicUrl}/${event.key}`)
      expect(event.size).toBe(file.input.size)
      expect(event.sha256).toBe(file.sha256)
      const head = await env.head(event.bucket, event.key)
      expect(head).toEqual({ size: file.input.size, contentType: file.input.mimeType, sha256: file.sha256 })
      expect(await env.sha256Of(event.bucket, event.key)).toBe(file.sha256)
    }
    expect(events.find((e) => e.type === 'uploaded' && e.locale === 'fr')).toMatchObject({ rowId: 'doc.pdf' })
    const sent = env.proxy.requests()
    const videoKey = uploaded.find((e) => e.rowId === 'clip.mp4')?.key
    const photoKey = uploaded.find((e) => e.rowId === 'photo.jpg')?.key
    expect(sent.find((r) => r.key === videoKey && r.operation === 'create')?.acl).toBe('public-read')
    expect(sent.find((r) => r.key === photoKey && r.operation === 'put')?.acl).toBeUndefined()
    expect(sent.filter((r) => r.key === videoKey && r.operation === 'part')).toHaveLength(3)
    const last = totals[totals.length - 1]?.p
    expect(last).toMatchObject({ filesTotal: 5, filesUploaded: 5, filesFailed: 0, etaSeconds: 0 })
    const progress = events.filter((e) => e.type === 'uploading' && e.rowId === 'poster.jpg')
    expect(progress.length).toBeGreaterThan(0)
    expect(last?.bytesSent).toBe(files.reduce((sum, f) => sum + f.input.size, 0))
    // At most 5 updates a second: every update at least 200 ms after the one before.
    for (let i = 1; i < totals.length; i++) {
      expect((totals[i]?.at ?? 0) - (totals[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(200)
    }
  })
})

describe('UploadEngine under injected faults', () => {
  let env: StorageTestEnv
  let dir: string

  beforeAll(async () => {
    env = await startStorageTestEnv()
    dir = await mkdtemp(join(tmpdir(), 'engine-faults-'))
  })
  afterAll(async () => {
    await env.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('ends with every file uploaded exactly once with the right bytes', async () => {
    const faults: Fault[] = [
      { type: 'status', status: 503, code: 'SlowDown' },
      { type: 'reset', afterBytes: 48 * 1024 },
      { type: 'status', status: 500, code: 'InternalError' },
      { type: 'stall', afterBytes: 16 * 1024 },
      { type: 'drop-response' },
    ]
    const attemptsPerRequest = new Map<string, number>()
    let next = 0
    // The first two attempts of every request on an object get a fault, in rotation: PUTs, parts,
    // Create, Complete and the verifying HEAD alike.
    env.proxy.setRule((r) => {
      if (!r.key) return undefined
      const id = `${r.key}|${r.operation}|${r.partNumber ?? 0}`
      const n = (attemptsPerRequest.get(id) ?? 0) + 1
      attemptsPerRequest.set(id, n)
      return n <= 2 ? faults[next++ % faults.length] : undefined
    })
    const kinds = ['image', 'video', 'file'] as const
    const files: TestFile[] = []
    for (let i = 0; i < 9; i++) {
      const kind = kinds[i % 3] ?? 'file'
      files.push(
        await makeTestFile(
          dir,
          `small-${i}.${kind === 'image' ? 'jpg' : kind === 'video' ? 'mp4' : 'bin'}`,
          20_000 + i * 37_000,
          kind,
        ),
      )
    }
    files.push(await makeTestFile(dir, 'streamed.jpg', 4 * MiB + 999, 'image'))
    files.push(await makeTestFile(dir, 'big-a.mp4', 11 * MiB, 'video'))
    files.push(await makeTestFile(dir, 'big-b.bin', 16 * MiB - 7, 'file'))

    const engine = new UploadEngine(env.config({ ...multipart, stallTimeoutMs: 1_500 }))
    const { events } = record(engine)
    engine.enqueue(files.map((f) => f.input))
    await engine.idle()
    await engine.close()

    expect(events.filter((e) => e.type === 'failed')).toEqual([])
    const uploaded = uploadedOf(events)
    expect(uploaded).toHaveLength(files.length)
    const log = env.proxy.requests()
    expect(log.filter((r) => r.fault !== undefined).length).toBeGreaterThan(40)
    for (const kind of kinds) {
      const expected = uploaded.filter((e) => e.bucket === env.sandbox.buckets[kind]).map((e) => e.key)
      expect(await env.listKeys(env.sandbox.buckets[kind])).toEqual(expected.sort())
    }
    for (const file of files) {
      const event = uploaded.find((e) => e.rowId === file.input.rowId)
      if (!event) throw new Error(`${file.path} not uploaded`)
      expect(await env.sha256Of(event.bucket, event.key)).toBe(file.sha256)
      // Apart from attempts the proxy broke on purpose, every byte went over the wire once.
      const cleanBytes = log
        .filter((r) => r.key === event.key && r.method === 'PUT' && r.fault === undefined)
        .reduce((sum, r) => sum + r.bytesReceived, 0)
      expect(cleanBytes, file.path).toBe(file.input.size)
    }
  })
})

describe('UploadEngine: pause, resume, cancel and the journal', () => {
  let env: StorageTestEnv
  let dir: string

  beforeAll(async () => {
    env = await startStorageTestEnv()
    dir = await mkdtemp(join(tmpdir(), 'engine-journal-'))
  })
  afterAll(async () => {
    await env.close()
    await rm(dir, { recursive: true, force: true })
  })

  /** Holds parts from `fromPart` on in a stall until released, so a test can act mid-upload. */
  function holdParts(key: () => string | undefined, fromPart: number): { release(): void } {
    let held = true
    env.proxy.setRule((r) =>
      held && r.operation === 'part' && r.key === key() && (r.partNumber ?? 0) >= fromPart
        ? { type: 'stall', afterBytes: 0 }
        : undefined,
    )
    return { release: () => (held = false) }
  }

  async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 20_000
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  it('pauses mid-file and resumes at the next part; a finished file is never sent again', async () => {
    const file = await makeTestFile(dir, 'pause.mp4', 26 * MiB, 'video')
    const store = await FileUploadStateStore.open(join(dir, 'pause.ndjson'))
    const config = env.config({ ...multipart, concurrency: 2, stallTimeoutMs: 30_000 })
    const engine = new UploadEngine(config, { store })
    const { events } = record(engine)
    let key: string | undefined
    const hold = holdParts(() => key, 3)
    engine.enqueue(file.input)
    await until(async () => {
      key = (await store.load('pause.mp4'))?.key
      return ((await store.load('pause.mp4'))?.multipart?.parts.length ?? 0) >= 2
    }, 'two parts')
    engine.pause()
    await until(() => engine.status('pause.mp4') === 'paused', 'paused')
    expect(events.map((e) => e.type)).toContain('paused')
    hold.release()
    engine.resume()
    await engine.idle()
    const uploaded = uploadedOf(events)
    expect(uploaded).toHaveLength(1)
    const objectKey = uploaded[0]?.key ?? ''
    expect(await env.sha256Of(uploaded[0]?.bucket ?? '', objectKey)).toBe(file.sha256)
    // Parts 1 and 2 finished before the pause and went over the wire once.
    expect(env.proxy.partBytes(objectKey, 1)).toBe(5 * MiB)
    expect(env.proxy.partBytes(objectKey, 2)).toBe(5 * MiB)
    expect(env.proxy.partBytes(objectKey, 6)).toBe(1 * MiB)
    expect(env.proxy.requests().filter((r) => r.key === objectKey && r.operation === 'create')).toHaveLength(1)
    await engine.close()
    await store.close()

    // A new engine (a restarted app) with the same journal: the file is reported, not sent.
    const before = env.proxy.requests().length
    const reopened = await FileUploadStateStore.open(join(dir, 'pause.ndjson'))
    const again = new UploadEngine(config, { store: reopened })
    const second = record(again)
    again.enqueue(file.input)
    await again.idle()
    await again.close()
    await reopened.close()
    expect(uploadedOf(second.events)).toMatchObject([{ key: objectKey, sha256: file.sha256, size: file.input.size }])
    expect(env.proxy.requests().length).toBe(before)
  })

  it('cancel aborts the multipart upload on the server and forgets it', async () => {
    const file = await makeTestFile(dir, 'cancel.bin', 16 * MiB, 'file')
    const store = await FileUploadStateStore.open(join(dir, 'cancel.ndjson'))
    const engine = new UploadEngine(env.config({ ...multipart, concurrency: 2, stallTimeoutMs: 30_000 }), { store })
    const { events } = record(engine)
    let key: string | undefined
    holdParts(() => key, 2)
    engine.enqueue(file.input)
    await until(async () => {
      key = (await store.load('cancel.bin'))?.key
      return ((await store.load('cancel.bin'))?.multipart?.parts.length ?? 0) >= 1
    }, 'one part')
    const uploadId = (await store.load('cancel.bin'))?.multipart?.uploadId
    await engine.cancel('cancel.bin')
    expect(engine.status('cancel.bin')).toBe('cancelled')
    expect(events[events.length - 1]).toMatchObject({ type: 'cancelled', rowId: 'cancel.bin' })
    expect(env.proxy.requests().filter((r) => r.operation === 'abort')).toMatchObject([{ key, uploadId }])
    expect(await store.load('cancel.bin')).toBeUndefined()
    expect(await env.listKeys(env.sandbox.buckets.file)).not.toContain(key)
    env.proxy.setRule(undefined)
    await engine.close()
    await store.close()
  })
})
