/**
 * The pipeline against the real Sandbox (s3rver + Livingdocs emulator over HTTP): a folder of
 * mixed media is scanned, probed, uploaded by itself, validated and submitted; every entry
 * exists once and its asset is in S3 as declared. Then the session folder is reopened: nothing is
 * uploaded or imported again, and rows an earlier process left `submitting` are looked up first.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanProgress } from '../model/session-shapes'
import { rowFromScan, ScanRunner } from './scan-runner'
import { resolveProfile } from '../profile/resolve-profile'
import type { ResolvedProfile } from '../profile/resolve-profile'
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox'
import { openImportSession, type ImportSession } from './import-session'
import { makeMixedMedia, storedAssets, type MediaFile } from '../importer/testing/mixed-media'

let dir: string
let sandbox: RunningSandbox
let profile: ResolvedProfile
let media: { root: string; files: MediaFile[] }

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipeline-it-'))
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox') })
  profile = resolveProfile(sandbox.profile, sandbox.env)
  media = await makeMixedMedia(dir)
})
afterAll(async () => {
  await sandbox.close()
  await rm(dir, { recursive: true, force: true })
})

const open = (sessionDir: string): Promise<ImportSession> =>
  openImportSession({ dir: sessionDir, profile, roots: [media.root], flushMs: 10 })

async function scan(imp: ImportSession, paths: string[]): Promise<ScanProgress> {
  return new Promise((resolve) => {
    const runner = new ScanRunner(imp.session, (p) => p.state !== 'running' && resolve(p), imp.scanOptions)
    runner.start(paths)
  })
}

describe('import pipeline against the Sandbox', () => {
  const sessionDir = () => join(dir, 'session')

  it(
    'scans, uploads by itself, submits; every entry once, every asset in S3 as declared',
    { timeout: 60_000 },
    async () => {
      const imp = await open(sessionDir())
      const done = await scan(imp, [media.root])
      expect(done).toMatchObject({ state: 'done', files: media.files.length, skipped: 1 })
      // Uploads started without anyone asking.
      await imp.engine.idle()
      const rows = imp.session.snapshot().rows.filter((r) => r.status !== 'skipped')
      expect(rows.map((r) => [r.relativePath, r.status]).sort()).toEqual(
        media.files.map((f) => [f.relativePath, 'uploaded']).sort(),
      )
      for (const row of rows) {
        expect(row.entry?.id).toMatch(/^[a-zA-Z0-9-]{1,32}$/)
        expect(row.upload).toMatchObject({ state: 'uploaded', bytesSent: row.size })
      }
      const jpeg = rows.find((r) => r.relativePath.endsWith('harbour.jpg'))
      expect(jpeg?.entry).toMatchObject({
        mediaType: 'image',
        metadata: { title: 'Harbour at dawn', credit: 'Agency North' },
      })

      const report = await imp.pipeline.submit()
      expect(report).toMatchObject({ considered: 5, imported: 5, rejected: 0, failed: 0, heldBack: 0 })
      expect(report.stopped).toBeUndefined()
      // The same folder dropped again in the same session adds nothing and says how many files it had.
      const again = await scan(imp, [media.root])
      expect(again).toMatchObject({ state: 'done', files: 0, alreadyInImport: media.files.length + 1 })
      expect(imp.session.size).toBe(media.files.length + 1)
      await imp.close()

      const entries = sandbox.emulator.entries()
      expect(entries).toHaveLength(5)
      const byId = new Map(entries.map((e) => [e.id, e]))
      for (const row of rows) {
        const entry = byId.get(row.entry?.id ?? '')
        const file = media.files.find((f) => f.relativePath === row.relativePath)
        expect(entry?.mediaType).toBe(file?.kind)
        expect(entry?.asset).toMatchObject({ size: row.size, mimeType: file?.mimeType, key: row.upload?.key })
        expect(entry?.systemName).toBe('media-importer-sandbox')
      }
      expect(byId.get(jpeg?.entry?.id ?? '')?.metadata).toMatchObject({
        title: 'Harbour at dawn',
        credit: 'Agency North',
      })
      const video = entries.find((e) => e.mediaType === 'video')
      expect(video?.asset).toMatchObject({ width: 160, height: 120 })
      expect(video?.asset.duration).toBeCloseTo(1, 0)
      for (const asset of await storedAssets(sandbox.s3, entries)) {
        expect(asset.stored).toEqual({ size: asset.declared.size, contentType: asset.declared.mimeType })
      }
    },
  )

  it(
    'reopens without uploading or importing again; an interrupted submit is looked up first',
    { timeout: 60_000 },
    async () => {
      const posts = () => sandbox.emulator.requests.count('POST import/mediaLibrary')
      const postsBefore = posts()
      // Simulate a process that died while sending: one row the server holds, one it never got.
      const before = await open(sessionDir())
      const [held, lost] = before.session.snapshot().rows.filter((r) => r.status === 'imported')
      if (!held || !lost) throw new Error('expected imported rows')
      before.session.updateRow(held.rowId, { status: 'submitting', result: undefined })
      // A row never sent has no entry in the library, under its id nor under its content identity.
      before.session.updateRow(lost.rowId, {
        status: 'submitting',
        result: undefined,
        identitySuffix: 'never-sent',
        entry: { ...lost.entry!, id: 'never-sent-1' },
      })
      await before.close()

      const again = await open(sessionDir())
      expect(again.existed).toBe(true)
      // Looked up at open: ours is imported (by lookup), the other goes again with the same id.
      expect(again.session.getRow(held.rowId)).toMatchObject({
        status: 'imported',
        result: { mediaId: held.entry?.id },
      })
      expect(again.session.getRow(lost.rowId)).toMatchObject({ status: 'uploaded', importFailure: { retryable: true } })
      expect(posts()).toBe(postsBefore)

      // Scanning the same folder again adds nothing, and no upload starts.
      const done = await scan(again, [media.root])
      expect(done.files).toBe(0)
      expect(done.alreadyInImport).toBe(6)
      await again.engine.idle()
      expect(again.session.size).toBe(6)

      const report = await again.pipeline.submit()
      expect(report).toMatchObject({ considered: 1, imported: 1 })
      await again.close()
      expect(posts()).toBe(postsBefore + 1)
      const ids = sandbox.emulator.entries().map((e) => e.id)
      expect(ids).toHaveLength(6)
      expect(new Set(ids).size).toBe(6)
      expect(ids).toContain('never-sent-1')
    },
  )

  it(
    'probes rows an earlier process never read, and stops the upload of a removed row',
    { timeout: 60_000 },
    async () => {
      const before = await open(sessionDir())
      await writeFile(join(media.root, 'late.txt'), 'found, never read\n')
      const info = await stat(join(media.root, 'late.txt'))
      const late = rowFromScan({
        path: join(media.root, 'late.txt'),
        relativePath: 'drop/late.txt',
        size: info.size,
        mtimeMs: info.mtimeMs,
        status: 'ok',
        seq: 0,
      })
      before.session.upsertRows([late])
      await before.close()

      const again = await openImportSession({ dir: sessionDir(), profile, flushMs: 10, holdUploads: true })
      expect(await again.leftovers).toBe(1)
      expect(again.session.getRow(late.rowId)).toMatchObject({ status: 'probed', kind: 'file', mimeType: 'text/plain' })
      // Held: queued (once the library was asked about its content), not sent. Removing the row cancels its upload.
      await again.pipeline.contentChecked()
      expect(again.engine.status(late.rowId)).toBe('queued')
      again.session.removeRows([late.rowId])
      await expect.poll(() => again.engine.status(late.rowId)).toBe('cancelled')
      await again.close()
      await rm(join(media.root, 'late.txt'))
    },
  )
})
