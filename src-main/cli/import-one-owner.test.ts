/**
 * A session has one owner (README "Security"): two `media-import import --session S` started at
 * the same time against the Sandbox import each file once; the second exits 2 naming the process
 * that has the session. What the run leaves in the session folder is readable by the user only.
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importRecords, startImportTestEnv, type ImportTestEnv } from './import-test-env'

let env: ImportTestEnv
beforeAll(async () => {
  env = await startImportTestEnv('cli-one-owner')
})
afterAll(() => env.close())

/** Every path under `dir` with its permission bits. */
async function modes(dir: string): Promise<{ path: string; dir: boolean; mode: number }[]> {
  const found: { path: string; dir: boolean; mode: number }[] = []
  const walk = async (at: string): Promise<void> => {
    const info = await stat(at)
    found.push({ path: at, dir: info.isDirectory(), mode: info.mode & 0o777 })
    if (info.isDirectory()) for (const name of await readdir(at)) await walk(join(at, name))
  }
  await walk(dir)
  return found
}

describe('media-import import: one process per session', () => {
  it(
    'two runs at once on one session: each file is imported once, the second exits 2 naming the first',
    { timeout: 120_000 },
    async () => {
      const { sandbox, media, dir } = env
      const session = join(dir, 'sessions', 'shared')
      const args = [media.root, '--profile', sandbox.profilePath, '--session', session, '--json']
      const runs = await Promise.all([env.cli(args), env.cli(args)])

      const codes = runs.map((r) => r.code).sort()
      expect(codes, runs.map((r) => r.stderr).join('\n---\n')).toEqual([0, 2])
      const second = runs.find((r) => r.code === 2)
      expect(second?.stderr).toMatch(
        /This import session is open in another process \(media-import import, pid \d+ on host .+, since \d\d:\d\d\)\. Wait for it to finish/,
      )
      expect(second?.stdout).toBe('')
      const first = runs.find((r) => r.code === 0)
      expect(importRecords(first?.stdout ?? '').filter((r) => r.outcome === 'imported')).toHaveLength(
        media.files.length,
      )
      expect(sandbox.emulator.entries()).toHaveLength(media.files.length)

      // Released at the end: the session goes on in the next run, and imports nothing twice.
      const again = await env.cli(args)
      expect(again.code, again.stderr).toBe(0)
      expect(sandbox.emulator.entries()).toHaveLength(media.files.length)

      // Readable by the user only: the folders made for the session 0700, every file in it 0600.
      const made = await modes(join(dir, 'sessions'))
      expect(made.filter((m) => m.dir).map((m) => [m.path, m.mode.toString(8)])).toEqual(
        made.filter((m) => m.dir).map((m) => [m.path, '700']),
      )
      const files = made.filter((m) => !m.dir)
      expect(files.map((m) => m.path.slice(session.length + 1)).sort()).toEqual(
        expect.arrayContaining(['journal.ndjson', 'session.json', 'uploads.ndjson']),
      )
      expect(files.map((m) => [m.path, m.mode.toString(8)])).toEqual(files.map((m) => [m.path, '600']))
      expect(files.map((m) => m.path)).not.toContain(join(session, 'session.lock'))
      // The Sandbox's data (its S3 objects and entries) sits in a folder only the user can enter.
      expect(((await stat(join(dir, 'sandbox'))).mode & 0o777).toString(8)).toBe('700')
      // The CLI's log too.
      const logs = await modes(join(dir, 'home', '.media-importer', 'logs'))
      expect(logs.map((m) => [m.path, m.mode.toString(8)])).toEqual(logs.map((m) => [m.path, m.dir ? '700' : '600']))
    },
  )
})
