/**
 * One timed drop, as the app handles it: a Session and a ScanRunner in a fresh process, from
 * `start()` to the 'done' progress event, every row probed. Prints one JSON line for
 * bench/ingest.ts. Thumbnails are off: they are made in the background after probing and are
 * not part of scan+probe.
 */
import { readFileSync } from 'node:fs'
import { ScanRunner } from '../src-main/core/pipeline/scan-runner'
import { Prober } from '../src-main/core/probe/prober'
import { Session } from '../src-main/core/session/session'

/** CPU seconds of the main thread alone (Linux: /proc/self/task/<pid>/stat), or undefined. */
function mainThreadCpu(): number | undefined {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

async function main(): Promise<void> {
  const [dir, concurrencyArg] = process.argv.slice(2)
  if (!dir) throw new Error('usage: ingest-child <dir> [concurrency]')
  const session = new Session()
  const prober = new Prober({ concurrency: Number(concurrencyArg ?? 8) })
  let firstRowMs = -1
  const cpuBefore = process.cpuUsage()
  const mainBefore = mainThreadCpu()
  const started = performance.now()
  session.onPatch((patch) => {
    if (firstRowMs < 0 && patch.upsert.length > 0) firstRowMs = performance.now() - started
  })
  const done = new Promise<{ state: string; errors: number }>((resolve) => {
    const runner = new ScanRunner(session, (p) => p.state !== 'running' && resolve(p), { prober })
    runner.start([dir])
  })
  const progress = await done
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  const mainAfter = mainThreadCpu()
  const rows = session.snapshot().rows
  const probed = rows.filter((r) => r.status === 'probed')
  const titled = probed.filter((r) => r.kind === 'image' && /^Title N\d{8}$/.test(r.embedded?.title ?? ''))
  await prober.close()
  const result = {
    state: progress.state,
    files: rows.length,
    probed: probed.length,
    images: probed.filter((r) => r.kind === 'image').length,
    videos: probed.filter((r) => r.kind === 'video').length,
    imagesWithTitle: titled.length,
    errors: rows.filter((r) => r.status === 'unreadable').map((r) => `${r.relativePath}: ${r.reason}`),
    seconds,
    /** User + system CPU of the whole process (all threads) during the timed part. */
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    /** The main thread's share of it (where each file's JavaScript runs). */
    mainCpuSeconds: mainBefore === undefined || mainAfter === undefined ? undefined : mainAfter - mainBefore,
    firstRowMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exitCode = 1
})
