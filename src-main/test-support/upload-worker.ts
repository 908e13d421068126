/**
 * A separate process that uploads files through the engine with a file journal: the kill-and-
 * resume test SIGKILLs it mid-upload and starts it again, and the upload bench runs it so our
 * peak RSS is measured alone (the S3 server lives elsewhere).
 * Usage: node --require tsx/cjs upload-worker.ts <job.json>; prints one JSON line per event, then
 * `{"type":"done",...}` with the peak RSS.
 */
import { readFile } from 'node:fs/promises'
import { FileUploadStateStore } from '../core/storage/file-upload-state-store'
import type { StorageConfig, UploadEvent, UploadInput } from '../core/storage/types'
import { UploadEngine } from '../core/storage/upload-engine'

export interface WorkerJob {
  storage: StorageConfig
  journalPath: string
  inputs: UploadInput[]
  /** Print 'uploading' progress events too (off for benches: thousands of lines). */
  verbose?: boolean
  engine?: { largeFilesFirst?: boolean }
}

async function main(): Promise<void> {
  const jobPath = process.argv[2]
  if (!jobPath) throw new Error('usage: upload-worker.ts <job.json>')
  const job = JSON.parse(await readFile(jobPath, 'utf8')) as WorkerJob
  const store = await FileUploadStateStore.open(job.journalPath)
  const engine = new UploadEngine(job.storage, { store, ...job.engine })
  const counts = { uploaded: 0, failed: 0 }
  const started = performance.now()
  engine.on('row', (event: UploadEvent) => {
    if (event.type === 'uploaded') counts.uploaded++
    if (event.type === 'failed') counts.failed++
    if (event.type !== 'uploading' || job.verbose) process.stdout.write(`${JSON.stringify(event)}\n`)
  })
  engine.enqueue(job.inputs)
  await engine.idle()
  const seconds = (performance.now() - started) / 1000
  await engine.close()
  await store.close()
  // maxRSS is in kilobytes on Linux.
  const peakRssMb = process.resourceUsage().maxRSS / 1024
  process.stdout.write(`${JSON.stringify({ type: 'done', ...counts, seconds, peakRssMb })}\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exitCode = 1
})
