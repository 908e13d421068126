/**
 * The upload bench's S3 server (`upload.ts`): the Sandbox's s3rver, one process per core on one
 * port, fresh for every client; what it holds after a run, and where it keeps its objects.
 */
import { spawn } from 'node:child_process'
import { constants } from 'node:fs'
import { access, statfs } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { createSandboxS3Client } from '../src-main/core/sandbox/s3-server'
import { procCpuSeconds, profArgs, root, tsxArgs } from './upload-process'

export interface Server {
  endpoint: string
  buckets: { image: string; video: string; file: string }
  /** CPU seconds the server's processes used so far (Linux /proc). */
  cpuSeconds(): Promise<number>
  stop(): Promise<void>
}

export async function startServer(dataDir: string, workers: number): Promise<Server> {
  const script = join(root, 'src-main/test-support/s3-sandbox-process.ts')
  const child = spawn(
    process.execPath,
    [...profArgs('server'), ...tsxArgs, script, dataDir, '--workers', String(workers)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    },
  )
  const first = await new Promise<string>((done, fail) => {
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      if (text.includes('\n')) done(text.split('\n')[0] ?? '')
    })
    child.on('exit', (code) => fail(new Error(`S3 server exited early (${code})`)))
  })
  const info = JSON.parse(first) as Pick<Server, 'endpoint' | 'buckets'> & { pids: number[] }
  return {
    ...info,
    cpuSeconds: async () => (await Promise.all(info.pids.map(procCpuSeconds))).reduce((a, b) => a + b, 0),
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done())
        child.kill('SIGTERM')
      }),
  }
}

export async function storedBytes(server: Server, buckets: string[]): Promise<{ count: number; bytes: number }> {
  const client = createSandboxS3Client({ endpoint: server.endpoint, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' })
  let count = 0
  let bytes = 0
  for (const bucket of buckets) {
    let token: string | undefined
    do {
      const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }))
      for (const o of out.Contents ?? []) {
        count++
        bytes += o.Size ?? 0
      }
      token = out.NextContinuationToken
    } while (token)
  }
  client.destroy()
  return { count, bytes }
}

/**
 * Where the server keeps objects. On the machine's one disk, the kernel's writeback of gigabytes
 * landed at random in whichever client ran (one round's server used 45.6 s of CPU where the
 * others used 31-34 s), and one run of ours ended with 2.7 s at 8 % CPU that /dev/shm took
 * away. A multipart join holds the big file twice, so /dev/shm needs room for two trees.
 */
export async function serverDiskDir(treeBytes: number): Promise<string> {
  const i = process.argv.indexOf('--server-disk')
  if (i >= 0) return resolve(process.argv[i + 1] ?? '')
  const shm = '/dev/shm'
  const room = await statfs(shm).then(
    (s) => s.bavail * s.bsize,
    () => 0,
  )
  const writable = await access(shm, constants.W_OK).then(
    () => true,
    () => false,
  )
  return writable && room > 2.5 * treeBytes ? shm : tmpdir()
}
