/**
 * Crash test (the Trust issue's must-show): `media-import import` of 301 files (240 texts, 60
 * JPEGs and one 24 MiB file that goes multipart in 5 MiB parts) with a metadata CSV, against the
 * Sandbox with a byte-counting proxy in front of S3, is killed with SIGKILL at least 10 times at
 * seeded random points in each phase — during the scan, during uploads, inside the multipart
 * upload, while batches are being submitted, and inside a submit whose answer the server holds —
 * and continued with the same --session each time. At the end every file is imported exactly
 * once, every CSV value is on its entry, no part the session had recorded as sent is sent again,
 * and the bytes S3 received beyond the files themselves are no more than what was in flight at
 * the kills. Replay a run with CRASH_TEST_SEED=<seed printed>.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../core/sandbox/emulator'
import type { RunningS3Sandbox } from '../core/sandbox/s3-server'
import { sandboxEnvNames, sandboxProfile } from '../core/sandbox/start-sandbox'
import { startFaultProxy, type FaultProxy } from '../test-support/fault-proxy'
import { startS3SandboxChild } from '../test-support/s3-sandbox-child'
import { seededRandom, seedFrom } from '../test-support/seeded-random'
import { SessionObserver } from '../test-support/session-observer'
import { csvLine, expectedMetadata, type CrashFile } from './import-crash-fixtures'
import {
  killPlan,
  progressOf,
  settledParts,
  type Phase,
  type Progress,
  type RunState,
  type Target,
} from './import-crash-plan'
import { childEnv, runCliProcess, spawnCli } from './spawn-cli'

const MiB = 1024 * 1024
const TEXTS = 240
const IMAGES = 60
const BIG_SIZE = 24 * MiB
const PART_SIZE = 5 * MiB
const BIG_PARTS = Math.ceil(BIG_SIZE / PART_SIZE)
const BATCH = 20

const rng = seededRandom(seedFrom(process.env, 'CRASH_TEST_SEED'))
console.log(`import-crash.test.ts: seed ${rng.seed} (replay with CRASH_TEST_SEED=${rng.seed})`)

let dir: string
let emulator: RunningEmulator
let s3: RunningS3Sandbox
let proxy: FaultProxy
let profilePath: string
let files: CrashFile[]
let observer: SessionObserver
const children: ChildProcessWithoutNullStreams[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-crash-'))
  // S3 in its own process: the test watches the client every few milliseconds and must not wait
  // behind s3rver's work. The emulator stays here for its entries and injected faults.
  s3 = await startS3SandboxChild(join(dir, 's3'))
  emulator = await startEmulator({ dataDir: join(dir, 'livingdocs') })
  // Parts of the big file cross a slow line, part n taking about 0.8 s × n, so the multipart
  // upload is in flight long enough to be killed inside, with some parts done and some not.
  proxy = await startFaultProxy(s3.endpoint, (r) =>
    r.operation === 'part' ? { type: 'slow', bytesPerSecond: PART_SIZE / (0.8 * (r.partNumber ?? 1)) } : undefined,
  )
  const base = sandboxProfile(emulator, s3)
  const profile = {
    ...base,
    storage: { ...base.storage, endpoint: proxy.endpoint, multipart: { thresholdMiB: 5, partSizeMiB: 5 } },
    import: { ...base.import, batchSize: BATCH },
  }
  observer = new SessionObserver(join(dir, 'session'))
  profilePath = join(dir, 'profile.json')
  await writeFile(profilePath, JSON.stringify(profile))

  const root = join(dir, 'drop')
  files = []
  await mkdir(join(root, 'notes', 'deep'), { recursive: true })
  await mkdir(join(root, 'photos'))
  await mkdir(join(root, 'big'))
  for (let i = 0; i < TEXTS; i++) {
    const name = `${i < TEXTS / 2 ? 'notes' : 'notes/deep'}/note-${String(i).padStart(3, '0')}.txt`
    const body = `Note ${i}\n${randomBytes(rng.int(50, 1500)).toString('base64')}\n`
    await writeFile(join(root, name), body)
    files.push({ relativePath: `drop/${name}`, size: Buffer.byteLength(body), kind: 'file', index: i })
  }
  for (let i = 0; i < IMAGES; i++) {
    const name = `photos/photo-${String(i).padStart(2, '0')}.jpg`
    const info = await sharp({
      create: { width: 40 + i, height: 30 + (i % 7), channels: 3, background: { r: i * 4, g: 255 - i * 4, b: 128 } },
    })
      .jpeg()
      .toFile(join(root, name))
    files.push({ relativePath: `drop/${name}`, size: info.size, kind: 'image', index: TEXTS + i })
  }
  await writeFile(join(root, 'big', 'archive.bin'), randomBytes(BIG_SIZE))
  files.push({ relativePath: 'drop/big/archive.bin', size: BIG_SIZE, kind: 'file', index: TEXTS + IMAGES })
  await writeFile(
    join(dir, 'metadata.csv'),
    ['relativePath,title,caption,description', ...files.map(csvLine)].join('\r\n') + '\r\n',
  )
}, 120_000)

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  await proxy.close()
  await emulator.close()
  await s3.close()
  await rm(dir, { recursive: true, force: true })
})

const session = (): string => join(dir, 'session')
const args = (): string[] => [
  'import',
  join(dir, 'drop'),
  '--profile',
  profilePath,
  '--session',
  session(),
  '--metadata',
  join(dir, 'metadata.csv'),
  '--json',
]
const env = (): NodeJS.ProcessEnv => ({
  ...childEnv({ HOME: join(dir, 'home'), XDG_DATA_HOME: undefined }),
  [sandboxEnvNames.token]: emulator.token,
  [sandboxEnvNames.s3KeyId]: s3.accessKeyId,
  [sandboxEnvNames.s3Secret]: s3.secretAccessKey,
})

const progressNow = async (): Promise<Progress> =>
  progressOf(await observer.observe(), BIG_SIZE, emulator.entries().length)

const bodyRequests = () =>
  proxy.requests().filter((r) => r.method === 'PUT' && (r.operation === 'put' || r.operation === 'part'))
const partId = (r: { key: string | undefined; partNumber: number | undefined }) => `${r.key}#${r.partNumber ?? 0}`

interface Kill {
  /** What the plan aimed at. */
  phase: Phase
  /** What was going on when the process died, from the session, S3 and the server. */
  observed: Set<Phase>
  at: Progress
  /** Bytes of PUT requests this run that the session had not recorded as done: they may go again. */
  inFlightBytes: number
  /** Parts recorded as done at the kill, and the last proxy request seen then. */
  settled: Set<string>
  lastSeq: number
}

async function runUntilKilled(target: Target, before: Progress, firstSeq: number): Promise<Kill | undefined> {
  const held = target.phase === 'inside-submit'
  // The server stores the next batch, then holds its answer: the kill lands inside the submit.
  if (held) emulator.faults.push({ delayMs: 120_000 })
  const child = spawnCli(args(), env())
  children.push(child)
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
  child.stdout.resume()
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()))
  let ended = false
  void exited.then(() => (ended = true))
  const started = Date.now()
  let scanningSince: number | undefined
  try {
    for (;;) {
      if (ended) return undefined
      if (Date.now() - started > 90_000) throw new Error(`no ${target.phase} kill point within 90 s:\n${stderr}`)
      const now = await progressNow()
      const bigBytes = bodyRequests()
        .filter((r) => r.seq > firstSeq && r.operation === 'part')
        .reduce((sum, r) => sum + r.bytesReceived, 0)
      const readNew = now.probed > before.probed || now.rows > before.rows
      if (scanningSince === undefined && readNew && now.rows > now.probed) scanningSince = Date.now()
      const run: RunState = {
        now,
        at: before,
        bigBytes,
        elapsedMs: Date.now() - started,
        scanningMs: scanningSince === undefined ? undefined : Date.now() - scanningSince,
      }
      const hit = held ? emulator.faults.pending() === 0 : target.hit(run)
      if (hit) break
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    child.kill('SIGKILL')
    await exited
  } finally {
    if (held) emulator.faults.clear()
  }
  const observed = await observer.observe()
  const settled = settledParts(observed)
  const segment = bodyRequests().filter((r) => r.seq > firstSeq)
  const at = progressOf(observed, BIG_SIZE, emulator.entries().length)
  const small = files.length - 1
  const phases = new Set<Phase>()
  if (at.rows > 0 && at.probed < files.length) phases.add('scan')
  if (at.uploadedSmall < small && segment.some((r) => r.operation === 'put' && !settled.has(partId(r))))
    phases.add('upload')
  if (!at.bigUploaded && segment.some((r) => r.operation === 'part' && !settled.has(partId(r)))) phases.add('multipart')
  if (at.entries > before.entries && at.entries < files.length) phases.add('submit')
  if (held) phases.add('inside-submit')
  return {
    phase: target.phase,
    observed: phases,
    at,
    inFlightBytes: segment.filter((r) => !settled.has(partId(r))).reduce((sum, r) => sum + r.contentLength, 0),
    settled,
    lastSeq: proxy.requests().at(-1)?.seq ?? firstSeq,
  }
}

describe('media-import import killed with SIGKILL and continued', () => {
  it(
    'imports every file exactly once, keeps every CSV value, and resends only what was in flight',
    {
      timeout: 240_000,
    },
    async () => {
      const kills: Kill[] = []
      const skipped: Phase[] = []
      for (const target of killPlan(rng, {
        total: files.length,
        batch: BATCH,
        bigParts: BIG_PARTS,
        minBigBytes: MiB,
      })) {
        const before = await progressNow()
        if (!target.reachable(before)) {
          skipped.push(target.phase)
          continue
        }
        const firstSeq = proxy.requests().at(-1)?.seq ?? 0
        const kill = await runUntilKilled(target, before, firstSeq)
        if (kill) kills.push(kill)
        else skipped.push(target.phase)
      }
      const summary = kills.map(
        (k) =>
          `${k.phase}[${[...k.observed].join('+')}](rows ${k.at.rows}, probed ${k.at.probed}, up ${k.at.uploadedSmall}, parts ${k.at.bigParts}, entries ${k.at.entries})`,
      )
      console.log(
        `seed ${rng.seed}: ${kills.length} kills: ${summary.join(', ')}; skipped: ${skipped.join(', ') || 'none'}`,
      )

      const final = await runCliProcess(args(), env())
      expect(final.code, final.stderr).toBe(0)

      // At least 10 kills that landed inside a phase (not in start-up), and every phase hit.
      expect(kills.filter((k) => k.observed.size > 0).length).toBeGreaterThanOrEqual(10)
      const phases = new Set(kills.flatMap((k) => [...k.observed]))
      for (const phase of ['scan', 'multipart', 'upload', 'submit', 'inside-submit'] as const)
        expect(phases, phase).toContain(phase)

      // Every file exactly once, with every CSV value.
      const entries = emulator.entries()
      expect(entries).toHaveLength(files.length)
      expect(new Set(entries.map((e) => e.id)).size).toBe(files.length)
      const byTitle = new Map(entries.map((e) => [e.metadata.title, e]))
      for (const file of files) {
        const entry = byTitle.get(expectedMetadata(file).title)
        expect(entry, file.relativePath).toBeDefined()
        expect(entry?.metadata).toMatchObject(expectedMetadata(file))
        expect(entry?.asset).toMatchObject({ size: file.size })
      }
      const records = final.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { outcome: string })
      expect(records.filter((r) => r.outcome === 'imported')).toHaveLength(files.length)

      // Nothing recorded as sent went again.
      for (const kill of kills) {
        const again = bodyRequests().filter((r) => r.seq > kill.lastSeq && kill.settled.has(partId(r)))
        expect(again.map(partId), `after the ${kill.phase} kill`).toEqual([])
      }
      // Bytes S3 received beyond the files themselves: at most what was in flight at the kills.
      const received = bodyRequests().reduce((sum, r) => sum + r.bytesReceived, 0)
      const needed = entries.reduce((sum, e) => sum + Number(e.asset.size), 0)
      const inFlight = kills.reduce((sum, k) => sum + k.inFlightBytes, 0)
      console.log(
        `S3 received ${received} bytes for ${needed} bytes of files; ${received - needed} again, in flight at kills ${inFlight}`,
      )
      expect(received - needed).toBeGreaterThanOrEqual(0)
      expect(received - needed).toBeLessThanOrEqual(inFlight)
    },
  )
})
