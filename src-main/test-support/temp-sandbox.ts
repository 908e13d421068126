/**
 * A Sandbox (emulator + S3) with its data in a fresh temp folder, for tests that run against the
 * real thing; `close` stops it and removes the folder. Free of test-runner imports, so spawned
 * helpers can use it as well as test files.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox, type RunningSandbox } from '../core/sandbox/start-sandbox'

export interface TempSandbox {
  /** The temp folder: the Sandbox keeps its data under `sandbox/`; the rest is the test's. */
  dir: string
  sandbox: RunningSandbox
  close(): Promise<void>
}

export async function startTempSandbox(prefix: string): Promise<TempSandbox> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`))
  const sandbox = await startSandbox({ dataDir: join(dir, 'sandbox') })
  return {
    dir,
    sandbox,
    close: async () => {
      await sandbox.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
