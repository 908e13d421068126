/**
 * A killed `media-import import` (SIGKILL) continues when run again with the same `--session`:
 * a multipart upload goes on at its next part (the parts S3 already holds are not sent again),
 * and entries whose submit was in flight are looked up, not sent twice. Bytes are counted by a
 * proxy in front of the sandbox S3; requests by the emulator.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeImage } from '../core/probe/fixtures/generate'
import { startSandbox, type RunningSandbox } from '../core/sandbox/start-sandbox'
import { startFaultProxy, type FaultProxy } from '../test-support/fault-proxy'
import { childEnv, runCliProcess, spawnCli, waitForExit } from './spawn-cli'

const MiB = 1024 * 1024
let dir: string
let sandbox: RunningSandbox
let proxy: FaultProxy
let profilePath: string
const children: ChildProcessWithoutNullStreams[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-resume-'))
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox') })
  proxy = await startFaultProxy(sandbox.s3Endpoint)
  // The same profile, with uploads going through the counting proxy, and a 40 MiB file in parts.
  profilePath = join(dir, 'proxied-profile.json')
  const storage = {
    ...sandbox.profile.storage,
    endpoint: proxy.endpoint,
    multipart: { thresholdMiB: 16, partSizeMiB: 16 },
  }
  const profile = { ...sandbox.profile, storage }
  await writeFile(profilePath, JSON.stringify(profile))
})
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  await proxy.close()
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

const env = (): NodeJS.ProcessEnv => ({ ...childEnv({ HOME: join(dir, 'home') }), ...sandbox.env })
const args = (folder: string, session: string): string[] => [
  'import',
  folder,
  '--profile',
  profilePath,
  '--session',
  session,
  '--json',
]

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 40_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function kill(child: ChildProcessWithoutNullStreams): Promise<void> {
  child.kill('SIGKILL')
  await waitForExit(child)
}

const journaledParts = async (session: string): Promise<number> =>
  (await readFile(join(session, 'uploads.ndjson'), 'utf8').catch(() => ''))
    .split('\n')
    .filter((l) => l.includes('"t":"part"')).length

describe('media-import import after SIGKILL', () => {
  it(
    'continues a multipart upload at its next part; parts already sent are not sent again',
    { timeout: 90_000 },
    async () => {
      const folder = join(dir, 'big')
      await mkdir(folder)
      await writeFile(join(folder, 'archive.bin'), randomBytes(40 * MiB))
      const session = join(dir, 'session-big')
      // Part 2 stalls: parts 1 and 3 finish and are journaled, then the process dies.
      proxy.setRule((r) =>
        r.operation === 'part' && r.partNumber === 2 ? { type: 'stall', afterBytes: MiB } : undefined,
      )
      const child = spawnCli(args(folder, session), env())
      children.push(child)
      await until('parts 1 and 3 in the journal', async () => (await journaledParts(session)) >= 2)
      await kill(child)
      proxy.setRule(undefined)

      const create = proxy.requests().filter((r) => r.operation === 'create')
      expect(create).toHaveLength(1)
      const key = create[0]?.key ?? ''
      const sentBefore = [1, 2, 3].map((n) => proxy.partBytes(key, n))
      expect(sentBefore[0]).toBe(16 * MiB)
      expect(sentBefore[2]).toBe(8 * MiB)

      const again = await runCliProcess(args(folder, session), env())
      expect(again.code, again.stderr).toBe(0)
      expect(proxy.requests().filter((r) => r.operation === 'create')).toHaveLength(1)
      // Only part 2 went again, in full.
      expect([1, 2, 3].map((n) => proxy.partBytes(key, n))).toEqual([
        16 * MiB,
        (sentBefore[1] ?? 0) + 16 * MiB,
        8 * MiB,
      ])
      const record = JSON.parse(again.stdout.trim()) as { mediaId: string; key: string; size: number }
      expect(record).toMatchObject({ key, size: 40 * MiB })
      const entries = sandbox.emulator.entries().filter((e) => e.id === record.mediaId)
      expect(entries).toHaveLength(1)
      expect(entries[0]?.asset).toMatchObject({ key, size: 40 * MiB, mimeType: 'application/octet-stream' })
    },
  )

  it(
    'looks up entries whose submit was in flight instead of sending them again, and uploads nothing again',
    { timeout: 90_000 },
    async () => {
      const folder = join(dir, 'pics')
      await mkdir(folder)
      await makeImage(join(folder, 'one.jpg'), 40, 30)
      await makeImage(join(folder, 'two.png'), 20, 20)
      const session = join(dir, 'session-pics')
      const before = sandbox.emulator.entries().length
      // The server stores the batch, then holds its answer: the process dies waiting for it.
      sandbox.emulator.faults.push({ delayMs: 60_000 })
      const child = spawnCli(args(folder, session), env())
      children.push(child)
      await until('the batch stored', () => sandbox.emulator.entries().length === before + 2)
      await kill(child)
      sandbox.emulator.faults.clear()
      const posts = sandbox.emulator.requests.count('POST import/mediaLibrary')
      const puts = proxy.requests().filter((r) => r.method === 'PUT').length

      const again = await runCliProcess(args(folder, session), env())
      expect(again.code, again.stderr).toBe(0)
      const records = again.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { outcome: string; mediaId: string })
      expect(records.map((r) => r.outcome)).toEqual(['imported', 'imported'])
      expect(sandbox.emulator.requests.count('POST import/mediaLibrary')).toBe(posts)
      expect(proxy.requests().filter((r) => r.method === 'PUT')).toHaveLength(puts)
      expect(sandbox.emulator.entries()).toHaveLength(before + 2)
      for (const r of records) expect(sandbox.emulator.entries().filter((e) => e.id === r.mediaId)).toHaveLength(1)
    },
  )
})
