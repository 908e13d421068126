/**
 * Test helper: the sandbox S3 in a child process (s3-sandbox-process.ts), so a test that watches
 * a client closely is not starved by s3rver's work in its own event loop.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { RunningS3Sandbox, SandboxBuckets } from '../core/sandbox/s3-server'

export type RunningS3SandboxChild = RunningS3Sandbox & {
  /** The processes that serve requests (one per worker). */
  pids: number[]
}

export async function startS3SandboxChild(dataDir: string, workers = 1): Promise<RunningS3SandboxChild> {
  const script = join(__dirname, 's3-sandbox-process.ts')
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', script, dataDir, '--workers', String(workers)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()))
  type Ready = { endpoint: string; buckets: SandboxBuckets; pids: number[] }
  const ready = await new Promise<Ready>((resolve, reject) => {
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      const line = stdout.split('\n')[0]
      if (stdout.includes('\n') && line) resolve(JSON.parse(line) as Ready)
    })
    void closed.then(() => reject(new Error(`the S3 sandbox process ended before it listened:\n${stderr}`)))
  })
  let closing: Promise<void> | undefined
  return {
    ...ready,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    close: () =>
      (closing ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
        await closed
      })()),
  }
}
