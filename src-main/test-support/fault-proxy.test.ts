import { randomBytes } from 'node:crypto'
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStorageTestEnv } from './s3-test-env'
import type { StorageTestEnv } from './s3-test-env'

describe('fault proxy', () => {
  let env: StorageTestEnv
  let client: S3Client
  let impatient: S3Client
  const bucket = (): string => env.sandbox.buckets.file

  beforeAll(async () => {
    env = await startStorageTestEnv()
    const options = {
      endpoint: env.proxy.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: env.sandbox.accessKeyId, secretAccessKey: env.sandbox.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 1,
    } as const
    client = new S3Client(options)
    impatient = new S3Client({ ...options, requestHandler: { socketTimeout: 500 } })
  })
  afterAll(async () => {
    client.destroy()
    impatient.destroy()
    await env.close()
  })

  const put = (key: string, body: Buffer): Promise<unknown> =>
    client.send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: body }))

  it('passes requests through and counts body bytes per key', async () => {
    env.proxy.setRule(undefined)
    const body = randomBytes(300_000)
    await put('plain/a.bin', body)
    const out = await client.send(new GetObjectCommand({ Bucket: bucket(), Key: 'plain/a.bin' }))
    // Buffer.equals, not toEqual: a deep compare of 500,000 elements blocks the loop for seconds.
    expect(
      Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()).equals(
        body,
      ),
    ).toBe(true)
    expect(env.proxy.bytesReceived('plain/a.bin')).toBe(300_000)
    expect(env.proxy.partBytes('plain/a.bin', 0)).toBe(300_000)
  })

  // Once failed with `read ECONNRESET` in ~25 ms after the test above blocked the loop for 5+ s:
  // the proxy reused an upstream socket s3rver was closing (see the agent in fault-proxy.ts).
  it('forwards a body slowly, intact', async () => {
    env.proxy.setRule((r) => (r.key === 'slowly.bin' ? { type: 'slow', bytesPerSecond: 2_000_000 } : undefined))
    const body = randomBytes(500_000)
    const started = Date.now()
    await put('slowly.bin', body)
    expect(Date.now() - started).toBeGreaterThanOrEqual(200)
    const out = await client.send(new GetObjectCommand({ Bucket: bucket(), Key: 'slowly.bin' }))
    // Buffer.equals, not toEqual: a deep compare of 500,000 elements blocks the loop for seconds.
    expect(
      Buffer.from(await (out.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray()).equals(
        body,
      ),
    ).toBe(true)
  })

  it('answers with an injected 503 SlowDown that the SDK reads as such', async () => {
    env.proxy.setRule((r) => (r.key === 'slow.bin' ? { type: 'status', status: 503, code: 'SlowDown' } : undefined))
    const err = await put('slow.bin', randomBytes(1000)).catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'SlowDown', $metadata: { httpStatusCode: 503 } })
    expect(await env.listKeys(bucket())).not.toContain('slow.bin')
    expect(env.proxy.bytesReceived('slow.bin')).toBe(1000)
  })

  it('resets the connection in the middle of a body; nothing is stored', async () => {
    env.proxy.setRule((r) => (r.key === 'reset.bin' ? { type: 'reset', afterBytes: 100_000 } : undefined))
    const err = await put('reset.bin', randomBytes(1_000_000)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Error)
    expect((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBeUndefined()
    expect(await env.listKeys(bucket())).not.toContain('reset.bin')
    expect(env.proxy.bytesReceived('reset.bin')).toBeGreaterThan(100_000)
    expect(env.proxy.bytesReceived('reset.bin')).toBeLessThan(1_000_000)
  })

  it('stalls mid-body until the client gives up; nothing is stored', async () => {
    env.proxy.setRule((r) => (r.key === 'stall.bin' ? { type: 'stall', afterBytes: 50_000 } : undefined))
    const started = Date.now()
    const err = await impatient
      .send(new PutObjectCommand({ Bucket: bucket(), Key: 'stall.bin', Body: randomBytes(4_000_000) }))
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'TimeoutError' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(450)
    expect(await env.listKeys(bucket())).not.toContain('stall.bin')
    expect(env.proxy.bytesReceived('stall.bin')).toBeGreaterThan(50_000)
    expect(env.proxy.bytesReceived('stall.bin')).toBeLessThan(4_000_000)
  })

  it('can lose the answer after the server stored the object', async () => {
    env.proxy.setRule((r) => (r.key === 'lost.bin' ? { type: 'drop-response' } : undefined))
    const err = await put('lost.bin', randomBytes(2000)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Error)
    expect(await env.listKeys(bucket())).toContain('lost.bin')
    const logged = env.proxy.requests().filter((r) => r.key === 'lost.bin')
    expect(logged).toMatchObject([{ method: 'PUT', operation: 'put', fault: 'drop-response', bytesReceived: 2000 }])
  })
})
