/**
 * Which backend this run talks to. Profiles (a real Livingdocs + S3, secrets via safeStorage)
 * come in a later issue; until then every run starts the embedded Sandbox (DESIGN.md §9).
 */
import { join } from 'node:path'
import type { AppInfo } from '../contract'
import { startSandbox } from '../core/sandbox/start-sandbox'
import { sandboxAppInfo } from './launch-config'

export interface HostMode {
  appInfo: AppInfo
  close(): Promise<void>
}

export async function startHostMode(userDataDir: string, version: string): Promise<HostMode> {
  const sandbox = await startSandbox({ dataDir: join(userDataDir, 'sandbox') })
  return {
    appInfo: sandboxAppInfo(version, sandbox.livingdocsUrl),
    close: async () => {
      await sandbox.close()
    },
  }
}
