/**
 * The sandbox S3 in a process of its own, for benches: its CPU and memory stay out of the
 * client's figures. Prints `{"endpoint":…,"buckets":…,"pids":[…]}` once listening; exits on SIGTERM.
 * Usage: node --require tsx/cjs s3-sandbox-process.ts <dataDir> [--workers N]
 *
 * `--workers N` runs N s3rver processes on one port (node:cluster). s3rver is single-threaded, so
 * one process caps every client at what one core can hash and write; it keeps all of its state in
 * `dataDir` (objects, metadata, multipart parts), so N processes over one directory serve one
 * consistent store. `pids` lists the processes that serve requests, for their CPU time.
 */
import cluster from 'node:cluster'
import { startS3Sandbox } from '../core/sandbox/s3-server'
import type { RunningS3Sandbox } from '../core/sandbox/s3-server'

type Ready = Pick<RunningS3Sandbox, 'endpoint' | 'buckets'> & { pids: number[] }

function workerCount(): number {
  const i = process.argv.indexOf('--workers')
  const n = i >= 0 ? Number(process.argv[i + 1]) : 1
  if (!Number.isInteger(n) || n < 1) throw new Error('--workers must be a whole number >= 1')
  return n
}

async function serve(dataDir: string): Promise<Ready> {
  const sandbox = await startS3Sandbox({ dataDir })
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  return { endpoint: sandbox.endpoint, buckets: sandbox.buckets, pids: [process.pid] }
}

/** Forks the workers; each listens on port 0, which node:cluster turns into one shared port. */
async function serveWithWorkers(workers: number): Promise<Ready> {
  // A bench's `--cpu-prof-name` would make every worker write the same file; Node's default
  // name carries the pid.
  cluster.setupPrimary({ execArgv: process.execArgv.filter((a) => !a.startsWith('--cpu-prof-name')) })
  const ready = await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = cluster.fork()
      return new Promise<Ready>((done, fail) => {
        worker.once('message', (message: Ready) => done(message))
        worker.once('exit', (code) => fail(new Error(`S3 worker exited early (${code})`)))
      })
    }),
  )
  const stop = (): void => {
    let left = workers
    for (const worker of Object.values(cluster.workers ?? {})) {
      worker?.once('exit', () => --left === 0 && process.exit(0))
      worker?.kill('SIGTERM')
    }
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  const first = ready[0]
  if (!first || ready.some((r) => r.endpoint !== first.endpoint))
    throw new Error('S3 workers listen on different ports')
  return { ...first, pids: ready.flatMap((r) => r.pids) }
}

async function main(): Promise<void> {
  const dataDir = process.argv[2]
  if (!dataDir) throw new Error('usage: s3-sandbox-process.ts <dataDir> [--workers N]')
  const workers = workerCount()
  if (cluster.isWorker) {
    process.send?.(await serve(dataDir))
    return
  }
  const ready = workers > 1 ? await serveWithWorkers(workers) : await serve(dataDir)
  process.stdout.write(`${JSON.stringify(ready)}\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
