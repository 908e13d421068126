/**
 * Test helper for the spawned `media-import import` tests: a Sandbox in a temp folder with a
 * folder of mixed media, and a runner that gives the child exactly the Sandbox's secrets.
 * Free of test-runner imports, like spawn-cli.ts beside it.
 */
import { join } from 'node:path'
import { makeMixedMedia, type MediaFile } from '../core/importer/testing/mixed-media'
import type { RunningSandbox } from '../core/sandbox/start-sandbox'
import { startTempSandbox } from '../test-support/temp-sandbox'
import type { ImportRecord } from './import-report'
import { childEnv, runCliProcess, type CliResult } from './spawn-cli'

export interface ImportTestEnv {
  dir: string
  sandbox: RunningSandbox
  media: { root: string; files: MediaFile[] }
  /** `media-import import …args`; `env` replaces the Sandbox's variables (undefined removes one). */
  cli(args: string[], env?: Record<string, string | undefined>): Promise<CliResult>
  close(): Promise<void>
}

export async function startImportTestEnv(prefix: string): Promise<ImportTestEnv> {
  const { dir, sandbox, close } = await startTempSandbox(prefix)
  const media = await makeMixedMedia(dir)
  return {
    dir,
    sandbox,
    media,
    cli: (args, env = sandbox.env) => {
      // childEnv drops every MEDIA_IMPORT_* variable of ours; the Sandbox's secrets go in after.
      const vars = { ...childEnv({ HOME: join(dir, 'home'), XDG_DATA_HOME: undefined }), ...env }
      for (const [name, value] of Object.entries(env)) if (value === undefined) delete vars[name]
      return runCliProcess(['import', ...args], vars)
    },
    close,
  }
}

/** The NDJSON `--json` prints. */
export const importRecords = (stdout: string): ImportRecord[] =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ImportRecord)
