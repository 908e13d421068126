import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { GetObjectCommand, HeadObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningS3Sandbox } from './s3-server'
import { createSandboxS3Client, defaultSandboxBuckets, sandboxPublicUrl, startS3Sandbox } from './s3-server'

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex')

describe('startS3Sandbox', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function start(dataDir?: string): Promise<{ sandbox: RunningS3Sandbox; dataDir: string }> {
    const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 's3-sandbox-')))
    if (!dataDir) cleanups.push(() => rm(dir, { recursive: true, force: true }))
    const sandbox = await startS3Sandbox({ dataDir: dir })
    cleanups.push(() => sandbox.close())
    return { sandbox, dataDir: dir }
  }

  it('serves the three buckets on a random loopback port', async () => {
    const { sandbox } = await start()
    expect(sandbox.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(sandbox.endpoint).not.toMatch(/:0$/)
    expect(sandbox.buckets).toEqual(defaultSandboxBuckets)
    const client = createSandboxS3Client(sandbox)
    const listed = await client.send(new ListBucketsCommand({}))
    expect(listed.Buckets?.map((b) => b.Name).sort()).toEqual(['media-files', 'media-images', 'media-videos'])
    client.destroy()
  })

  it('round-trips a stream body byte for byte (the checksum trap)', async () => {
    const { sandbox } = await start()
    const client = createSandboxS3Client(sandbox)
    const body = randomBytes(12_000)
    await client.send(
      new PutObjectCommand({
        Bucket: sandbox.buckets.video,
        Key: '2026/11/26/clip.mp4',
        Body: Readable.from([body.subarray(0, 5000), body.subarray(5000)]),
        ContentLength: body.length,
        ContentType: 'video/mp4',
      }),
    )
    const head = await client.send(new HeadObjectCommand({ Bucket: sandbox.buckets.video, Key: '2026/11/26/clip.mp4' }))
    expect(head.ContentLength).toBe(12_000)
    expect(head.ContentType).toBe('video/mp4')
    const got = await client.send(new GetObjectCommand({ Bucket: sandbox.buckets.video, Key: '2026/11/26/clip.mp4' }))
    expect(sha256(await got.Body!.transformToByteArray())).toBe(sha256(body))
    client.destroy()
  })

  it('serves objects anonymously under the public URL base', async () => {
    const { sandbox } = await start()
    const client = createSandboxS3Client(sandbox)
    await client.send(
      new PutObjectCommand({ Bucket: sandbox.buckets.image, Key: 'a/b.txt', Body: 'hello', ContentType: 'text/plain' }),
    )
    client.destroy()
    const res = await fetch(`${sandboxPublicUrl(sandbox, sandbox.buckets.image)}/a/b.txt`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain')
    expect(await res.text()).toBe('hello')
  })

  it('refuses an unknown access key id', async () => {
    const { sandbox } = await start()
    const client = new S3Client({
      endpoint: sandbox.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'NOT-A-KEY', secretAccessKey: sandbox.secretAccessKey },
    })
    await expect(client.send(new ListBucketsCommand({}))).rejects.toMatchObject({ name: 'InvalidAccessKeyId' })
    client.destroy()
  })

  it('keeps objects across a restart on the same data dir', async () => {
    const { sandbox, dataDir } = await start()
    const client = createSandboxS3Client(sandbox)
    await client.send(new PutObjectCommand({ Bucket: sandbox.buckets.file, Key: 'doc.pdf', Body: 'pdf bytes' }))
    client.destroy()
    await sandbox.close()

    const { sandbox: again } = await start(dataDir)
    const client2 = createSandboxS3Client(again)
    const got = await client2.send(new GetObjectCommand({ Bucket: again.buckets.file, Key: 'doc.pdf' }))
    expect(await got.Body!.transformToString()).toBe('pdf bytes')
    client2.destroy()
  })

  it('rejects a bucket name S3 would reject, before starting', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 's3-sandbox-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    await expect(startS3Sandbox({ dataDir, buckets: { image: 'b' } })).rejects.toThrow(/image bucket "b"/)
  })
})
