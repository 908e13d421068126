/**
 * Upload control through the app's handler table over a real import session (Sandbox): uploads
 * held by pause send nothing, resume sends them, a file deleted after the scan fails on its row
 * with what to do while the others upload, and after it is put back Retry uploads it; a cancelled
 * row says so and Retry uploads it too.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventName, Events, ScanProgress, UploadProgress } from '../../contract'
import { openImportSession } from '../pipeline/import-session'
import { resolveProfile } from '../profile/resolve-profile'
import { createSandboxS3Client } from '../sandbox/s3-server'
import type { RunningSandbox } from '../sandbox/start-sandbox'
import { startTempSandbox } from '../../test-support/temp-sandbox'
import { dispatchCommand } from './dispatch'
import { createAppCore } from './handlers'

let dir: string
let sandbox: RunningSandbox
let stopSandbox: () => Promise<void>
beforeAll(async () => ({ dir, sandbox, close: stopSandbox } = await startTempSandbox('app-uploads')))
afterAll(() => stopSandbox())

const appInfo = () => ({ version: '0', mode: 'sandbox' as const, profileName: 'Sandbox', livingdocsUrl: '' })

async function objectsIn(bucket: string): Promise<number> {
  const client = createSandboxS3Client(sandbox.s3)
  try {
    const out = await client.send(new ListObjectsV2Command({ Bucket: bucket }))
    return out.KeyCount ?? 0
  } finally {
    client.destroy()
  }
}

describe('upload commands', () => {
  it('pause holds, resume sends; a deleted file says so, others upload, Retry uploads it once back', async () => {
    const root = join(dir, 'drop')
    await mkdir(root, { recursive: true })
    for (const name of ['a.txt', 'b.txt', 'gone.txt']) await writeFile(join(root, name), randomBytes(150_000))
    const goneBytes = await readFile(join(root, 'gone.txt'))
    const importer = await openImportSession({
      dir: join(dir, 'session'),
      profile: resolveProfile(sandbox.profile, sandbox.env),
      holdUploads: true,
    })
    const events: { [E in EventName]?: Events[E][] } = {}
    const core = createAppCore({
      appInfo,
      pickPaths: async () => [],
      emit: (event, payload) => void (events[event] ??= [] as never[]).push(payload as never),
      importer,
    })
    const call = async <T>(answer: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> => {
      const result = await answer
      if (!result.ok) throw new Error(JSON.stringify(result.error))
      return result.value as T
    }
    const rowOf = (name: string) => core.session.snapshot().rows.find((r) => r.relativePath.endsWith(name))
    const bucket = sandbox.s3.buckets.file
    try {
      expect(await call(dispatchCommand(core.handlers, 'getUploadProgress', undefined))).toMatchObject({ paused: true })
      await call(dispatchCommand(core.handlers, 'addPaths', { paths: [root] }))
      const scans = () => (events.scanProgress ?? []) as ScanProgress[]
      await expect.poll(() => scans().at(-1)?.state, { timeout: 20_000 }).toBe('done')
      await expect.poll(() => rowOf('gone.txt')?.upload?.state, { timeout: 10_000 }).toBe('queued')
      // Held: nothing reached the bucket.
      expect(await objectsIn(bucket)).toBe(0)

      await unlink(join(root, 'gone.txt'))
      const resumed = await call<UploadProgress>(dispatchCommand(core.handlers, 'resumeUploads', undefined))
      expect(resumed.paused).toBe(false)
      await expect.poll(() => rowOf('gone.txt')?.upload?.state, { timeout: 20_000 }).toBe('failed')
      await importer.engine.idle()
      expect(rowOf('a.txt')?.upload?.state).toBe('uploaded')
      expect(rowOf('b.txt')?.upload?.state).toBe('uploaded')
      const failed = rowOf('gone.txt')?.upload?.error
      expect(failed).toMatchObject({ code: 'source-missing', retryable: true })
      expect(failed?.message).toMatch(/"gone\.txt" was moved or deleted since it was scanned\. Put it back, then retry/)
      expect(await objectsIn(bucket)).toBe(2)
      const totals = (events.uploadProgress ?? []) as UploadProgress[]
      expect(totals.at(-1)).toMatchObject({ paused: false, filesUploaded: 2, filesFailed: 1, filesTotal: 3 })

      // Put back (a new mtime: uploaded as it is now), then Retry.
      await writeFile(join(root, 'gone.txt'), goneBytes)
      const gone = rowOf('gone.txt')?.rowId ?? ''
      expect(await call(dispatchCommand(core.handlers, 'retryUploads', { rowIds: [gone] }))).toEqual({ retried: 1 })
      await expect.poll(() => rowOf('gone.txt')?.upload?.state, { timeout: 20_000 }).toBe('uploaded')
      expect(await objectsIn(bucket)).toBe(3)
      // A finished file is never sent again: Retry on it does nothing.
      expect(await call(dispatchCommand(core.handlers, 'retryUploads', { rowIds: [gone] }))).toEqual({ retried: 0 })

      // Cancel while held: the row says cancelled; Retry uploads it.
      await call(dispatchCommand(core.handlers, 'pauseUploads', undefined))
      await writeFile(join(root, 'late.txt'), randomBytes(90_000))
      await call(dispatchCommand(core.handlers, 'addPaths', { paths: [join(root, 'late.txt')] }))
      await expect.poll(() => rowOf('late.txt')?.upload?.state, { timeout: 20_000 }).toBe('queued')
      const late = rowOf('late.txt')?.rowId ?? ''
      expect(await call(dispatchCommand(core.handlers, 'cancelUploads', { rowIds: [late] }))).toEqual({ cancelled: 1 })
      expect(rowOf('late.txt')?.upload?.state).toBe('cancelled')
      await call(dispatchCommand(core.handlers, 'resumeUploads', undefined))
      expect(await call(dispatchCommand(core.handlers, 'retryUploads', { rowIds: [late] }))).toEqual({ retried: 1 })
      await expect.poll(() => rowOf('late.txt')?.upload?.state, { timeout: 20_000 }).toBe('uploaded')
      expect(await objectsIn(bucket)).toBe(4)
      expect(await dispatchCommand(core.handlers, 'retryUploads', { rowIds: [] })).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      })
    } finally {
      core.dispose()
      await importer.close()
    }
  }, 90_000)

  it('a row cancelled before a restart stays cancelled in the reopened session until Retry', async () => {
    const root = join(dir, 'drop-2')
    await mkdir(root, { recursive: true })
    await writeFile(join(root, 'held.txt'), randomBytes(70_000))
    const profile = resolveProfile(sandbox.profile, sandbox.env)
    const sessionDir = join(dir, 'session-2')
    const first = await openImportSession({ dir: sessionDir, profile, holdUploads: true, flushMs: 10 })
    const scans: ScanProgress[] = []
    const core = createAppCore({
      appInfo,
      pickPaths: async () => [],
      emit: (event, payload) => void (event === 'scanProgress' && scans.push(payload as ScanProgress)),
      importer: first,
    })
    await dispatchCommand(core.handlers, 'addPaths', { paths: [root] })
    await expect.poll(() => scans.at(-1)?.state, { timeout: 20_000 }).toBe('done')
    const row = () => first.session.snapshot().rows.find((r) => r.relativePath.endsWith('held.txt'))
    await expect.poll(() => row()?.upload?.state, { timeout: 10_000 }).toBe('queued')
    const rowId = row()?.rowId ?? ''
    expect(await dispatchCommand(core.handlers, 'cancelUploads', {})).toEqual({ ok: true, value: { cancelled: 1 } })
    core.dispose()
    await first.close()

    const again = await openImportSession({ dir: sessionDir, profile, flushMs: 10 })
    const reopened = createAppCore({ appInfo, pickPaths: async () => [], emit: () => undefined, importer: again })
    try {
      await again.engine.idle()
      expect(again.engine.status(rowId)).toBeUndefined()
      expect(again.session.getRow(rowId)?.upload?.state).toBe('cancelled')
      expect(await dispatchCommand(reopened.handlers, 'retryUploads', { rowIds: [rowId] })).toEqual({
        ok: true,
        value: { retried: 1 },
      })
      await expect.poll(() => again.session.getRow(rowId)?.upload?.state, { timeout: 20_000 }).toBe('uploaded')
    } finally {
      reopened.dispose()
      await again.close()
    }
  }, 90_000)

  it('says so when no storage is connected', async () => {
    const core = createAppCore({ appInfo, pickPaths: async () => [], emit: () => undefined })
    expect(await dispatchCommand(core.handlers, 'pauseUploads', undefined)).toMatchObject({
      ok: false,
      error: { code: 'not-connected', message: expect.stringContaining('No storage is connected') as string },
    })
    core.dispose()
  })
})
