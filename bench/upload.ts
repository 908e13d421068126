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
import { mkdir } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { ensureTree, shapeName, warmCache } from '../src-main/test-support/bench-tree'
import { ensureTools, TOOLS } from './peers'
import { probeHashes, runClient, type Client } from './upload-clients'
import { root, type RunResult } from './upload-process'
import { serverDiskDir } from './upload-server'

// The SDK's Node 20 notice (docs/reference/toolchain.md §4) would otherwise interleave with the figures.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true'

const MiB = 1024 * 1024

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`)
  return value
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
