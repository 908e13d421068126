/**
 * A process killed (SIGKILL) in the middle of a multipart upload continues at the next part when
 * started again: parts the journal holds are never re-sent, only those in flight at the kill.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStorageTestEnv } from '../../test-support/s3-test-env'
import type { StorageTestEnv } from '../../test-support/s3-test-env'
import { makeTestFile } from '../../test-support/test-files'
import type { WorkerJob } from '../../test-support/upload-worker'
import { FileUploadStateStore } from './file-upload-state-store'

const MiB = 1024 * 1024
const workerPath = resolve(__dirname, '../../test-support/upload-worker.ts')

function startWorker(jobPath: string): {
  child: ChildProcess
  output: Promise<{ code: number | null; lines: string[] }>
} {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', workerPath, jobPath], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const output = new Promise<{ code: number | null; lines: string[] }>((done) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) process.stderr.write(err)
      done({ code, lines: out.split('\n').filter(Boolean) })
    }),
  )
  return { child, output }
}

async function journalPartCount(path: string): Promise<number> {
  const text = await readFile(path, 'utf8').catch(() => '')
  return text.split('\n').filter((line) => line.includes('"t":"part"')).length
}

describe('kill and restart during a multipart upload', () => {
  let env: StorageTestEnv
  let dir: string

  beforeAll(async () => {
    env = await startStorageTestEnv()
    dir = await mkdtemp(join(tmpdir(), 'engine-kill-'))
  })
  afterAll(async () => {
    await env.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('resumes at the next part and only re-sends the parts that were in flight, whatever the threshold now', async () => {
    const partSize = 5 * MiB
    const file = await makeTestFile(dir, 'interview.mp4', 8 * partSize - 12_345, 'video')
    const journalPath = join(dir, 'uploads.ndjson')
    const job: WorkerJob = {
      storage: env.config({
        multipartThreshold: partSize,
        minPartSize: partSize,
        concurrency: 2,
        stallTimeoutMs: 60_000,
      }),
      journalPath,
      inputs: [file.input],
    }
    const jobPath = join(dir, 'job.json')
    await writeFile(jobPath, JSON.stringify(job))

    // First life: parts 4 and up hang after 256 KiB, so the kill finds two parts in flight.
    env.proxy.setRule((r) =>
      r.operation === 'part' && (r.partNumber ?? 0) >= 4 ? { type: 'stall', afterBytes: 256 * 1024 } : undefined,
    )
    const first = startWorker(jobPath)
    const deadline = Date.now() + 30_000
    const inFlight = (): number[] =>
      env.proxy
        .requests()
        .filter((r) => r.operation === 'part' && r.fault === 'stall' && r.bytesReceived > 256 * 1024)
        .map((r) => r.partNumber ?? 0)
    while ((await journalPartCount(journalPath)) < 3 || inFlight().length < 2) {
      if (Date.now() > deadline) throw new Error('first worker never reached part 4')
      await new Promise((r) => setTimeout(r, 25))
    }
    first.child.kill('SIGKILL')
    expect((await first.output).code).toBeNull()
    const lastSeqBeforeKill = env.proxy.requests().length

    const atKill = await FileUploadStateStore.open(journalPath)
    const state = await atKill.load('interview.mp4')
    await atKill.close()
    const journaled = (state?.multipart?.parts ?? []).map((p) => p.partNumber)
    expect(journaled).toEqual([1, 2, 3])
    expect(inFlight().sort()).toEqual([4, 5])
    const key = state?.key ?? ''

    // Second life, on a healthy network, and after an update that raised the multipart threshold
    // above the file's size: the journaled multipart upload still goes on at its next part.
    env.proxy.setRule(undefined)
    await writeFile(jobPath, JSON.stringify({ ...job, storage: { ...job.storage, multipartThreshold: 100 * MiB } }))
    const second = await startWorker(jobPath).output
    expect(second.code).toBe(0)
    const events = second.lines.map((l) => JSON.parse(l) as { type: string; key?: string })
    expect(events.find((e) => e.type === 'uploaded')).toMatchObject({ key, sha256: file.sha256, size: file.input.size })
    expect(events.find((e) => e.type === 'done')).toMatchObject({ uploaded: 1, failed: 0 })

    const afterRestart = env.proxy.requests().slice(lastSeqBeforeKill)
    expect(afterRestart.filter((r) => r.operation === 'create')).toEqual([])
    expect(
      afterRestart
        .filter((r) => r.operation === 'part')
        .map((r) => r.partNumber)
        .sort(),
    ).toEqual([4, 5, 6, 7, 8])
    for (const part of [1, 2, 3, 6, 7]) expect(env.proxy.partBytes(key, part), `part ${part}`).toBe(partSize)
    expect(env.proxy.partBytes(key, 8)).toBe(partSize - 12_345)
    for (const part of [4, 5]) expect(env.proxy.partBytes(key, part), `part ${part}`).toBeGreaterThan(partSize)
    expect(env.proxy.bytesReceived(key) - file.input.size).toBeLessThan(2 * partSize)
    expect(await env.sha256Of(env.sandbox.buckets.video, key)).toBe(file.sha256)
    expect(await env.head(env.sandbox.buckets.video, key)).toEqual({
      size: file.input.size,
      contentType: 'video/mp4',
      sha256: file.sha256,
    })
  }, 60_000)
})
