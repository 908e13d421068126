/**
 * The sandbox S3 in a process of its own, for benches: its CPU and memory stay out of the
 * client's figures. Prints `{"endpoint":…,"buckets":…}` once listening; exits on SIGTERM.
 * Usage: node --require tsx/cjs s3-sandbox-process.ts <dataDir>
 */
import { startS3Sandbox } from '../core/sandbox/s3-server'

async function main(): Promise<void> {
  const dataDir = process.argv[2]
  if (!dataDir) throw new Error('usage: s3-sandbox-process.ts <dataDir>')
  const sandbox = await startS3Sandbox({ dataDir })
  process.stdout.write(`${JSON.stringify({ endpoint: sandbox.endpoint, buckets: sandbox.buckets })}\n`)
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
