/**
 * The upload bench's clients (`upload.ts`): our engine in a worker process (hashing itself, or
 * given the probe's sha256, or another checkout's engine), `rclone copy` and `aws s3 cp`, each
 * against a fresh server, timed and verified (the server must hold every file with its size).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { StorageConfig, UploadInput } from '../src-main/core/storage/types'
import { HashThreads } from '../src-main/core/storage/hash-threads'
import type { TreeFile } from '../src-main/test-support/bench-tree'
import type { WorkerJob } from '../src-main/test-support/upload-worker'
import { profArgs, root, timed, tsxArgs, type RunResult } from './upload-process'
import { startServer, storedBytes } from './upload-server'

/** `ours-probed`: the sha256 comes with the input, as the import pipeline's probe supplies it. */
export type Client = 'ours' | 'ours-probed' | 'ours-base' | 'rclone' | 'aws'
const baseRoot = process.argv.includes('--base') ? process.argv[process.argv.indexOf('--base') + 1] : undefined

/** sha256 per file as the probe would report it; cached next to the tree (keyed by size + mtime). */
export async function probeHashes(files: TreeFile[], cachePath: string): Promise<Map<string, string>> {
  const cached = JSON.parse(await readFile(cachePath, 'utf8').catch(() => '{}')) as Record<string, string>
  const out = new Map<string, string>()
  const threads = new HashThreads()
  const never = new AbortController().signal
  try {
    for (const f of files) {
      const id = `${f.relative}|${f.size}|${f.mtimeMs}`
      cached[id] ??= await threads.hash(f.path, never)
      out.set(f.path, cached[id])
    }
  } finally {
    threads.stop()
  }
  await writeFile(cachePath, JSON.stringify(cached))
  return out
}

export interface Setup {
  files: TreeFile[]
  treeDir: string
  concurrency: number
  hashes: Map<string, string>
  serverWorkers: number
  /** Where the server keeps objects: tmpfs unless `--server-disk <dir>`. */
  serverDisk: string
}

export async function runClient(client: Client, setup: Setup): Promise<RunResult> {
  const { files, treeDir, concurrency, hashes } = setup
  const scratch = await mkdtemp(join(tmpdir(), `bench-${client}-`))
  const serverDir = await mkdtemp(join(setup.serverDisk, `bench-s3-${client}-`))
  const server = await startServer(serverDir, setup.serverWorkers)
  const baseEnv = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }
  try {
    let result: Omit<RunResult, 'serverCpuSeconds'>
    const serverCpuBefore = await server.cpuSeconds()
    let buckets = [server.buckets.file]
    if (client === 'ours' || client === 'ours-probed' || client === 'ours-base') {
      const target = (bucket: string) => ({ bucket, publicUrl: `${server.endpoint}/${bucket}`, prefix: 'bench/' })
      const storage: StorageConfig = {
        region: 'us-east-1',
        endpoint: server.endpoint,
        forcePathStyle: true,
        credentials: { type: 'keys', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        targets: {
          image: target(server.buckets.image),
          video: target(server.buckets.video),
          file: target(server.buckets.file),
        },
        concurrency,
      }
      const inputs: UploadInput[] = files.map((f) => {
        const video = f.relative.endsWith('.mp4')
        return {
          rowId: f.relative,
          path: f.path,
          size: f.size,
          mtimeMs: f.mtimeMs,
          kind: video ? 'video' : 'image',
          mimeType: video ? 'video/mp4' : 'image/jpeg',
          ext: video ? 'mp4' : 'jpg',
          ...(client === 'ours-probed' ? { sha256: hashes.get(f.path) } : {}),
        }
      })
      const job: WorkerJob = { storage, journalPath: join(scratch, 'journal.ndjson'), inputs }
      await writeFile(join(scratch, 'job.json'), JSON.stringify(job))
      const engineRoot = client === 'ours-base' ? resolve(baseRoot ?? '') : root
      const worker = join(engineRoot, 'src-main/test-support/upload-worker.ts')
      const nodeArgs = [...profArgs(client), ...tsxArgs, worker, join(scratch, 'job.json')]
      result = await timed(process.execPath, nodeArgs, baseEnv, scratch)
      const done = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { failed?: number; peakRssMb?: number }
      if (done.failed !== 0) throw new Error(`our engine reported ${done.failed} failed uploads`)
      buckets = [server.buckets.image, server.buckets.video]
    } else if (client === 'rclone') {
      // rclone refuses the custom CA bundle this machine exports (docs/reference/toolchain.md §4).
      const env: NodeJS.ProcessEnv = { ...baseEnv, RCLONE_CONFIG_S3R_TYPE: 's3', RCLONE_CONFIG_S3R_PROVIDER: 'Other' }
      Object.assign(env, {
        RCLONE_CONFIG_S3R_ENDPOINT: server.endpoint,
        RCLONE_CONFIG_S3R_ACCESS_KEY_ID: 'S3RVER',
        RCLONE_CONFIG_S3R_SECRET_ACCESS_KEY: 'S3RVER',
        RCLONE_CONFIG_S3R_FORCE_PATH_STYLE: 'true',
      })
      delete env['AWS_CA_BUNDLE']
      const args = ['copy', treeDir, `s3r:${server.buckets.file}/rclone`, '--transfers', String(concurrency)]
      args.push('--s3-upload-concurrency', String(concurrency), '--s3-no-check-bucket')
      result = await timed('rclone', args, env, scratch)
    } else {
      const config = join(scratch, 'aws-config')
      await writeFile(
        config,
        `[default]\nregion = us-east-1\ns3 =\n  max_concurrent_requests = ${concurrency}\n  addressing_style = path\n`,
      )
      const env = { ...baseEnv, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'none') }
      Object.assign(env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_PAGER: '' })
      const args = ['s3', 'cp', treeDir, `s3://${server.buckets.file}/aws/`, '--recursive']
      args.push('--endpoint-url', server.endpoint, '--no-progress', '--only-show-errors')
      result = await timed('/usr/bin/aws', args, env, scratch)
    }
    const serverCpuSeconds = (await server.cpuSeconds()) - serverCpuBefore
    const stored = await storedBytes(server, buckets)
    const want = files.reduce((sum, f) => sum + f.size, 0)
    if (stored.count !== files.length || stored.bytes !== want) {
      throw new Error(
        `${client}: server holds ${stored.count} objects / ${stored.bytes} bytes, expected ${files.length} / ${want}`,
      )
    }
    return { ...result, serverCpuSeconds }
  } finally {
    await server.stop()
    await rm(scratch, { recursive: true, force: true })
    await rm(serverDir, { recursive: true, force: true })
  }
}
