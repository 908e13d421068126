import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandboxS3Client } from '../core/sandbox/s3-server'
import { startS3SandboxChild } from './s3-sandbox-child'
import type { RunningS3SandboxChild } from './s3-sandbox-child'

async function cpuTicks(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(fields[11]) + Number(fields[12])
}

/** A client per request: each request then comes on a new connection, which the cluster deals out in turn. */
async function send<T>(
  s3: RunningS3SandboxChild,
  run: (client: ReturnType<typeof createSandboxS3Client>) => Promise<T>,
) {
  const client = createSandboxS3Client(s3)
  try {
    return await run(client)
  } finally {
    client.destroy()
  }
}

describe('the sandbox S3 process with --workers 2 (the upload bench server)', () => {
  let dir: string
  let s3: RunningS3SandboxChild

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 's3-workers-'))
    s3 = await startS3SandboxChild(join(dir, 's3'), 2)
  })
  afterAll(async () => {
    await s3?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('joins a multipart upload whose parts reached different processes, byte for byte', async () => {
    expect(new Set(s3.pids).size).toBe(2)
    const before = await Promise.all(s3.pids.map(cpuTicks))
    const Bucket = s3.buckets.video
    const Key = 'spread/video.mp4'
    const parts = [randomBytes(8 << 20), randomBytes(8 << 20), randomBytes(8 << 20), randomBytes(1 << 20)]
    const { UploadId } = await send(s3, (c) => c.send(new CreateMultipartUploadCommand({ Bucket, Key })))
    const etags = await Promise.all(
      parts.map((Body, i) =>
        send(s3, (c) => c.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: i + 1, Body }))),
      ),
    )
    const MultipartUpload = { Parts: etags.map((p, i) => ({ ETag: p.ETag, PartNumber: i + 1 })) }
    await send(s3, (c) => c.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload })))

    const whole = Buffer.concat(parts)
    const head = await send(s3, (c) => c.send(new HeadObjectCommand({ Bucket, Key })))
    expect(head.ContentLength).toBe(whole.length)
    const body = await send(s3, async (c) => {
      const out = await c.send(new GetObjectCommand({ Bucket, Key }))
      return Buffer.from((await out.Body?.transformToByteArray()) ?? [])
    })
    expect(createHash('sha256').update(body).digest('hex')).toBe(createHash('sha256').update(whole).digest('hex'))
    // Both processes did work: 25 MiB of parts were hashed and written between them.
    const after = await Promise.all(s3.pids.map(cpuTicks))
    expect(after.map((t, i) => t - (before[i] ?? 0)).every((spent) => spent > 0)).toBe(true)
  })
})
