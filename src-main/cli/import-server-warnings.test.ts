/**
 * The server's deprecation warnings (`Warning` headers) reach the editor once per run: the
 * Sandbox's emulator marks API version v1 (= 2025-03) deprecated, and a run with a profile on
 * v1, which makes many requests, prints the warning to stderr exactly once.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startImportTestEnv, type ImportTestEnv } from './import-test-env'

let env: ImportTestEnv
let profilePath: string

beforeAll(async () => {
  env = await startImportTestEnv('cli-server-warnings')
  const profile = JSON.parse(await readFile(env.sandbox.profilePath, 'utf8')) as { livingdocs: { apiVersion: string } }
  profile.livingdocs.apiVersion = 'v1'
  profilePath = join(env.dir, 'v1.json')
  await writeFile(profilePath, JSON.stringify(profile))
})
afterAll(() => env.close())

describe('media-import import against a deprecated API version', () => {
  it('prints the server warning once to stderr and imports all the same', { timeout: 90_000 }, async () => {
    const result = await env.cli([env.media.root, '--profile', profilePath, '--session', join(env.dir, 's1')])
    expect(result.code, result.stderr).toBe(0)
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('Livingdocs warns:'))
    expect(lines).toEqual([
      'Livingdocs warns: API version v1 is deprecated since 2026-11 and will be removed in 2027-05',
    ])
    expect(env.sandbox.emulator.requests.count('POST import/mediaLibrary')).toBeGreaterThan(0)
  })
})
