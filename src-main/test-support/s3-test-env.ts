/**
 * A storage test bench: the sandbox S3 (s3rver on 127.0.0.1, temp dir) with the fault proxy in
 * front, a StorageConfig that points the engine at the proxy, and a direct client for asserting
 * what the server really holds.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import type { S3Client } from '@aws-sdk/client-s3'
import { createSandboxS3Client, sandboxPublicUrl, startS3Sandbox } from '../core/sandbox/s3-server'
import type { RunningS3Sandbox } from '../core/sandbox/s3-server'
import type { StorageConfig } from '../core/storage/types'
import { startFaultProxy } from './fault-proxy'
import type { FaultProxy, FaultRule } from './fault-proxy'

export interface StorageTestEnv {
  dir: string
  sandbox: RunningS3Sandbox
  proxy: FaultProxy
  /** Talks to s3rver directly, past the proxy. */
  direct: S3Client
  /** Engine config through the proxy; fast retries and stall detection so faults resolve quickly. */
  config(overrides?: Partial<StorageConfig>): StorageConfig
  sha256Of(bucket: string, key: string): Promise<string>
  head(
    bucket: string,
    key: string,
  ): Promise<{ size: number; contentType: string | undefined; sha256: string | undefined }>
  listKeys(bucket: string): Promise<string[]>
  close(): Promise<void>
}

export async function startStorageTestEnv(rule?: FaultRule): Promise<StorageTestEnv> {
  const dir = await mkdtemp(join(tmpdir(), 'storage-test-'))
  const sandbox = await startS3Sandbox({ dataDir: join(dir, 's3') })
  const proxy = await startFaultProxy(sandbox.endpoint, rule)
  const direct = createSandboxS3Client(sandbox)
  const target = (bucket: string, prefix: string) => ({ bucket, publicUrl: sandboxPublicUrl(sandbox, bucket), prefix })
  return {
    dir,
    sandbox,
    proxy,
    direct,
    config: (overrides = {}) => ({
      region: 'us-east-1',
      endpoint: proxy.endpoint,
      forcePathStyle: true,
      credentials: {
        type: 'keys',
        accessKeyId: sandbox.accessKeyId,
        secretAccessKey: sandbox.secretAccessKey,
        label: 'the sandbox keys',
      },
      targets: {
        image: target(sandbox.buckets.image, 'images/'),
        video: target(sandbox.buckets.video, 'videos/'),
        file: target(sandbox.buckets.file, ''),
      },
      concurrency: 4,
      retry: { maxAttempts: 6, baseDelayMs: 20, maxDelayMs: 200 },
      stallTimeoutMs: 1_000,
      connectTimeoutMs: 2_000,
      ...overrides,
    }),
    sha256Of: async (bucket, key) => {
      const out = await direct.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
      const hash = createHash('sha256')
      for await (const chunk of out.Body as AsyncIterable<Uint8Array>) hash.update(chunk)
      return hash.digest('hex')
    },
    head: async (bucket, key) => {
      const out = await direct.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
      return { size: out.ContentLength ?? -1, contentType: out.ContentType, sha256: out.Metadata?.['sha256'] }
    },
    listKeys: async (bucket) => {
      const out = await direct.send(new ListObjectsV2Command({ Bucket: bucket }))
      return (out.Contents ?? []).map((c) => c.Key ?? '').sort()
    },
    close: async () => {
      direct.destroy()
      await proxy.close()
      await sandbox.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
