/**
 * `media-import import` refuses what it cannot do with exit 2, before anything is uploaded or
 * imported, and says what to fix: no profile, a CSV with an unknown column or path, a missing or
 * wrong token (never printed).
 */
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../core/sandbox/start-sandbox'
import { startImportTestEnv, type ImportTestEnv } from './import-test-env'
import type { CliResult } from './spawn-cli'

let env: ImportTestEnv
let dir: string
let sandbox: RunningSandbox
let media: ImportTestEnv['media']

beforeAll(async () => {
  env = await startImportTestEnv('cli-import-usage')
  ;({ dir, sandbox, media } = env)
})
afterAll(() => env.close())

async function cli(args: string[], vars?: Record<string, string | undefined>): Promise<CliResult> {
  const result = await env.cli(args, vars)
  expect(result.stdout + result.stderr).not.toContain(sandbox.emulator.token)
  return result
}

describe('media-import import usage errors (spawned bin)', () => {
  it('exits 2 for usage and configuration errors, before anything is uploaded', { timeout: 60_000 }, async () => {
    const entries = sandbox.emulator.entries().length
    const noProfile = await cli([media.root])
    expect(noProfile.code).toBe(2)
    expect(noProfile.stderr).toMatch(/--profile FILE is required/)

    const csv = join(dir, 'bad.csv')
    await writeFile(csv, 'relativePath,headline\ndrop/chart.png,x\n')
    const session = join(dir, 'run-bad')
    const badColumn = await cli([media.root, '--profile', sandbox.profilePath, '--session', session, '--metadata', csv])
    expect(badColumn.code).toBe(2)
    expect(badColumn.stderr).toMatch(/bad\.csv: line 1: unknown column "headline"/)
    await expect(readdir(session)).rejects.toThrow(/ENOENT/)

    await writeFile(csv, 'relativePath,title\ndrop/chart.png,x\ndrop/missing.png,y\n')
    const badPath = await cli([media.root, '--profile', sandbox.profilePath, '--metadata', csv])
    expect(badPath.code).toBe(2)
    expect(badPath.stderr).toMatch(/line 3: no file "drop\/missing.png"/)

    const noToken = await cli([media.root, '--profile', sandbox.profilePath], {
      MEDIA_IMPORT_SANDBOX_TOKEN: undefined,
      MEDIA_IMPORT_SANDBOX_S3_KEY_ID: 'S3RVER',
      MEDIA_IMPORT_SANDBOX_S3_SECRET: 'S3RVER',
    })
    expect(noToken.code).toBe(2)
    expect(noToken.stderr).toMatch(/environment variable MEDIA_IMPORT_SANDBOX_TOKEN is not set/)

    const wrongToken = await cli([media.root, '--profile', sandbox.profilePath], {
      ...sandbox.env,
      MEDIA_IMPORT_SANDBOX_TOKEN: 'not-the-token',
    })
    expect(wrongToken.code).toBe(2)
    expect(wrongToken.stderr).toMatch(/Livingdocs at http:\/\/127\.0\.0\.1:\d+: /)
    expect(wrongToken.stdout + wrongToken.stderr).not.toContain('not-the-token')
    expect(sandbox.emulator.entries()).toHaveLength(entries)
  })
})
