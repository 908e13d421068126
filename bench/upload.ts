/**
 * Upload bench: one tree, one local S3-compatible server (the sandbox's s3rver, fresh for every
 * client), three clients at the same concurrency: our engine (in a worker process, through the
 * file journal as in the app), `rclone copy` and Debian's `aws s3 cp --recursive`. Our engine runs
 * twice: hashing every file itself (the headline), and with the sha256 in its input as the import
 * pipeline's probe supplies it (hashes computed before timing). Prints MB/s (1 MB = 10^6 bytes)
 * per client, our ratios and our peak RSS; the last line is one JSON object with those figures.
 *
 * The server stands in for a remote store, so it should neither cap the clients nor compete with
 * them for the disk: it runs as one s3rver process per core on one port (s3rver is single-
 * threaded; with one process every client ended at what one core could hash), and keeps its
 * objects in /dev/shm when that has room. `--server-workers 1 --server-disk <dir>` gives the old
 * set-up back.
 *
 *   npm run bench:upload -- [--small 500] [--small-mib 1] [--medium 4] [--medium-mib 64]
 *                           [--big-mib 2048] [--concurrency 8] [--rounds 1]
 *                           [--clients ours,ours-probed,rclone,aws] [--cpu-prof <dir>]
 *                           [--server-workers <cores>] [--server-disk <dir>]
 *                           [--base <checkout>]   (adds client `ours-base`: the engine of another
 *                                                  checkout, e.g. `git archive <commit> src-main`,
 *                                                  for a before/after within one run)
 *
 * Wall time counts from spawning a client to its exit (start-up included, for every client).
 * Every run is verified: the server must hold every file with its exact size.
 */
import { spawn } from 'node:child_process'
import { constants } from 'node:fs'
import { access, mkdir, mkdtemp, readFile, rm, statfs, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { createSandboxS3Client } from '../src-main/core/sandbox/s3-server'
import type { StorageConfig, UploadInput } from '../src-main/core/storage/types'
import { HashThreads } from '../src-main/core/storage/hash-threads'
import { ensureTree, shapeName, warmCache } from '../src-main/test-support/bench-tree'
import type { TreeFile } from '../src-main/test-support/bench-tree'
import type { WorkerJob } from '../src-main/test-support/upload-worker'
import { ensureTools, TOOLS } from './peers'

// The SDK's Node 20 notice (toolchain.md §4) would otherwise interleave with the figures.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true'

const MiB = 1024 * 1024
const root = resolve(__dirname, '..')
// The CLI's own way of running TypeScript (src-main/cli/bin.cjs registers tsx's CJS hook).
const tsxArgs = ['--require', 'tsx/cjs']
/** `--cpu-prof <dir>`: V8 CPU profiles of our worker and of the S3 server, to see where the time goes. */
const profDir = process.argv.includes('--cpu-prof') ? process.argv[process.argv.indexOf('--cpu-prof') + 1] : undefined
const profArgs = (name: string): string[] =>
  profDir
    ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profDir)}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`]
    : []

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`)
  return value
}

interface Server {
  endpoint: string
  buckets: { image: string; video: string; file: string }
  /** CPU seconds the server's processes used so far (Linux /proc). */
  cpuSeconds(): Promise<number>
  stop(): Promise<void>
}

async function procCpuSeconds(pid: number | undefined): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100
}

async function startServer(dataDir: string, workers: number): Promise<Server> {
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

interface RunResult {
  seconds: number
  peakRssMb: number
  cpuSeconds: number
  /** Of cpuSeconds, the kernel's share: on loopback it includes TCP for both ends of a send. */
  sysSeconds: number
  serverCpuSeconds: number
  stdout: string
}

/** Runs a client under /usr/bin/time for its peak RSS; rejects on a non-zero exit. */
async function timed(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  scratch: string,
): Promise<Omit<RunResult, 'serverCpuSeconds'>> {
  const rssFile = join(scratch, 'rss.txt')
  const started = performance.now()
  const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', rssFile, cmd, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const code = await new Promise<number | null>((done) => child.on('exit', done))
  const seconds = (performance.now() - started) / 1000
  if (code !== 0) throw new Error(`${cmd} exited with ${code}: ${stderr.slice(-2000)}`)
  const [rssKb, user, sys] = ((await readFile(rssFile, 'utf8')).trim().split('\n').pop() ?? '').split(' ').map(Number)
  return { seconds, peakRssMb: (rssKb ?? 0) / 1024, cpuSeconds: (user ?? 0) + (sys ?? 0), sysSeconds: sys ?? 0, stdout }
}

async function storedBytes(server: Server, buckets: string[]): Promise<{ count: number; bytes: number }> {
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

/** `ours-probed`: the sha256 comes with the input, as the import pipeline's probe supplies it. */
type Client = 'ours' | 'ours-probed' | 'ours-base' | 'rclone' | 'aws'
const baseRoot = process.argv.includes('--base') ? process.argv[process.argv.indexOf('--base') + 1] : undefined

/** sha256 per file as the probe would report it; cached next to the tree (keyed by size + mtime). */
async function probeHashes(files: TreeFile[], cachePath: string): Promise<Map<string, string>> {
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

interface Setup {
  files: TreeFile[]
  treeDir: string
  concurrency: number
  hashes: Map<string, string>
  serverWorkers: number
  /** Where the server keeps objects: tmpfs unless `--server-disk <dir>`. */
  serverDisk: string
}

async function runClient(client: Client, setup: Setup): Promise<RunResult> {
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
      // rclone refuses the custom CA bundle this machine exports (toolchain.md §4).
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

/** A client's MB/s over the faster peer's in the same round (NaN when either is missing). */
function pairedRatio(round: Map<Client, number>, client: Client): number {
  const peers = [round.get('rclone'), round.get('aws')].filter((v) => v !== undefined)
  return peers.length === 0 ? NaN : (round.get(client) ?? NaN) / Math.max(...peers)
}

function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/**
 * Where the server keeps objects. On the machine's one disk, the kernel's writeback of gigabytes
 * landed at random in whichever client ran (one round's server used 45.6 s of CPU where the
 * others used 31-34 s), and one run of ours ended with 2.7 s at 8 % CPU that /dev/shm took
 * away. A multipart join holds the big file twice, so /dev/shm needs room for two trees.
 */
async function serverDiskDir(treeBytes: number): Promise<string> {
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

async function main(): Promise<void> {
  const only = process.argv.includes('--clients') ? process.argv[process.argv.indexOf('--clients') + 1] : undefined
  const clients = (only ?? 'ours,ours-probed,rclone,aws').split(',') as Client[]
  // Before any tree is written: the peers (rclone, Debian's aws) and GNU time, installed if missing.
  ensureTools(
    'bench:upload',
    [
      TOOLS.time,
      ...(clients.includes('rclone') ? [TOOLS.rclone] : []),
      ...(clients.includes('aws') ? [TOOLS.aws] : []),
    ],
    'or leave the peers out with `--clients ours,ours-probed`',
  )
  const shape = {
    small: arg('small', 500),
    smallBytes: arg('small-mib', 1) * MiB,
    medium: arg('medium', 4),
    mediumBytes: arg('medium-mib', 64) * MiB,
    bigBytes: arg('big-mib', 2048) * MiB,
  }
  const concurrency = arg('concurrency', 8)
  const rounds = Math.max(1, arg('rounds', 1))
  const serverWorkers = Math.max(1, arg('server-workers', availableParallelism()))
  const treeDir = join(root, 'bench/.data', `upload-tree-${shapeName(shape)}`)
  await mkdir(treeDir, { recursive: true })
  const files = await ensureTree(treeDir, shape, (l) => console.log(l))
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0)
  const serverDisk = await serverDiskDir(totalBytes)
  console.log(
    `tree: ${files.length} files, ${(totalBytes / 1e6).toFixed(1)} MB; concurrency ${concurrency}; rounds ${rounds}; ` +
      `S3 server: s3rver x ${serverWorkers} processes, objects in ${serverDisk}`,
  )
  await warmCache(files)
  const hashes = await probeHashes(files, `${treeDir}.sha256.json`)

  const best = new Map<Client, RunResult>()
  const roundMbps: Map<Client, number>[] = []
  // Rounds interleave the clients and rotate who goes first, so a noisy neighbour on the machine
  // (a shared 2-core VM here) does not always land on the same client.
  for (let round = 1; round <= rounds; round++) {
    const shift = (round - 1) % clients.length
    const thisRound = new Map<Client, number>()
    roundMbps.push(thisRound)
    for (const client of [...clients.slice(shift), ...clients.slice(0, shift)]) {
      const result = await runClient(client, { files, treeDir, concurrency, hashes, serverWorkers, serverDisk })
      const mbps = totalBytes / 1e6 / result.seconds
      console.log(
        `round ${round} ${client.padEnd(11)} ${result.seconds.toFixed(2)} s  ${mbps.toFixed(1)} MB/s  ` +
          `peak RSS ${result.peakRssMb.toFixed(0)} MB  CPU ${result.cpuSeconds.toFixed(1)} s ` +
          `(sys ${result.sysSeconds.toFixed(1)})  ` +
          `server CPU ${result.serverCpuSeconds.toFixed(1)} s`,
      )
      thisRound.set(client, mbps)
      const prev = best.get(client)
      if (!prev || result.seconds < prev.seconds) best.set(client, result)
    }
    const paired = pairedRatio(thisRound, 'ours')
    if (!Number.isNaN(paired)) {
      console.log(
        `round ${round} ratio vs its faster peer: ours ${paired.toFixed(2)}x, ` +
          `with the probe's sha256 ${pairedRatio(thisRound, 'ours-probed').toFixed(2)}x`,
      )
    }
  }
  const roundRatios = (c: Client) => roundMbps.map((r) => +pairedRatio(r, c).toFixed(2))
  const figure = (c: Client) => {
    const r = best.get(c)
    if (!r) return { seconds: NaN, mbps: NaN, peakRssMb: NaN, cpuSeconds: NaN, serverCpuSeconds: NaN }
    return {
      seconds: +r.seconds.toFixed(3),
      mbps: +(totalBytes / 1e6 / r.seconds).toFixed(1),
      peakRssMb: +r.peakRssMb.toFixed(1),
      cpuSeconds: +r.cpuSeconds.toFixed(1),
      serverCpuSeconds: +r.serverCpuSeconds.toFixed(1),
    }
  }
  const ours = figure('ours')
  const oursProbed = figure('ours-probed')
  const oursBase = figure('ours-base')
  const rclone = figure('rclone')
  const aws = figure('aws')
  // A peer left out with --clients does not count.
  const peerMbps = [rclone.mbps, aws.mbps].filter((v) => !Number.isNaN(v))
  const fasterPeer = peerMbps.length > 0 ? Math.max(...peerMbps) : NaN
  const summary = {
    files: files.length,
    bytes: totalBytes,
    bigFileBytes: shape.bigBytes,
    concurrency,
    rounds,
    serverWorkers,
    serverDisk,
    ours,
    oursProbed,
    ...(best.has('ours-base') ? { oursBase, baseRatioVsFasterPeer: +(oursBase.mbps / fasterPeer).toFixed(2) } : {}),
    rclone,
    aws,
    ratioVsRclone: +(ours.mbps / rclone.mbps).toFixed(2),
    ratioVsAws: +(ours.mbps / aws.mbps).toFixed(2),
    ratioVsFasterPeer: +(ours.mbps / fasterPeer).toFixed(2),
    probedRatioVsFasterPeer: +(oursProbed.mbps / fasterPeer).toFixed(2),
    // The machine's speed drifts within a run; a ratio within one round compares neighbours.
    roundRatios: { ours: roundRatios('ours'), oursProbed: roundRatios('ours-probed') },
    medianRoundRatio: +median(roundRatios('ours')).toFixed(2),
    medianProbedRoundRatio: +median(roundRatios('ours-probed')).toFixed(2),
    oursPeakRssMb: Math.max(...[ours.peakRssMb, oursProbed.peakRssMb].filter((n) => !Number.isNaN(n))),
    targets: { ratioAtLeast: 1.2, peakRssMbAtMost: 250 },
  }
  console.log(
    `ours ${ours.mbps} MB/s (hashing itself) | ours ${oursProbed.mbps} MB/s (sha256 from the probe) | ` +
      `rclone ${rclone.mbps} MB/s | aws ${aws.mbps} MB/s`,
  )
  console.log(
    `ratio vs rclone ${summary.ratioVsRclone}x, vs aws ${summary.ratioVsAws}x, vs faster peer ${summary.ratioVsFasterPeer}x ` +
      `(${summary.probedRatioVsFasterPeer}x with the probe's sha256; target >= 1.2)`,
  )
  if (rounds > 1) {
    console.log(
      `median of the rounds' ratios: ours ${summary.medianRoundRatio}x, ` +
        `with the probe's sha256 ${summary.medianProbedRoundRatio}x`,
    )
  }
  console.log(
    `our peak RSS ${summary.oursPeakRssMb} MB (target <= 250 MB${shape.bigBytes > 0 ? ', with the big file in the tree' : ''})`,
  )
  console.log(JSON.stringify(summary))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
