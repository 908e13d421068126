/**
 * Test helper: the sandbox S3 in a child process (s3-sandbox-process.ts), so a test that watches
 * a client closely is not starved by s3rver's work in its own event loop.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { RunningS3Sandbox, SandboxBuckets } from '../core/sandbox/s3-server'

export async function startS3SandboxChild(dataDir: string): Promise<RunningS3Sandbox> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', join(__dirname, 's3-sandbox-process.ts'), dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()))
  const ready = await new Promise<{ endpoint: string; buckets: SandboxBuckets }>((resolve, reject) => {
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      const line = stdout.split('\n')[0]
      if (stdout.includes('\n') && line) resolve(JSON.parse(line) as { endpoint: string; buckets: SandboxBuckets })
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
