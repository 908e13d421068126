/**
 * A row's file per language through the handler table with the real pipeline (Sandbox): picked,
 * probed, uploaded to the sandbox S3, replaced and cleared; refused where the media type keeps one
 * file, where the file is of the wrong kind, on imported rows, and for paths the editor never chose;
 * the submitted entry carries it as `translations[].asset`, and its key is in the bucket.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HeadObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openImportSession, type ImportSession } from '../pipeline/import-session'
import { makeImage, makeVideo } from '../probe/fixtures/generate'
import { resolveProfile } from '../profile/resolve-profile'
import { createSandboxS3Client } from '../sandbox/s3-server'
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox'
import type { Row } from '../model/row'
import { AllowedPaths, confineToAllowed } from './allowed-paths'
import { dispatchCommand } from './dispatch'
import { coreRecordingScans } from './testing/recording-core'
import type { AppCore } from './handlers'

let dir: string
let sandbox: RunningSandbox
let importer: ImportSession
let core: AppCore
const picker = { next: [] as string[] }
const files = { fr: '', de: '', de2: '', frVideo: '' }

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'locale-asset-'))
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox') })
  const drop = join(dir, 'drop')
  const other = join(dir, 'translated')
  await Promise.all([mkdir(drop), mkdir(other)])
  await Promise.all([
    makeImage(join(drop, 'harbour.jpg'), 64, 48),
    makeVideo(join(drop, 'clip.mp4'), { seconds: 1, args: ['-pix_fmt', 'yuv420p'] }),
    makeImage((files.fr = join(other, 'harbour-fr.jpg')), 48, 64),
    makeImage((files.de = join(other, 'harbour-de.png')), 40, 40),
    makeImage((files.de2 = join(other, 'harbour-de-2.jpg')), 30, 30),
    makeVideo((files.frVideo = join(other, 'clip-fr.mp4')), { seconds: 1, args: ['-pix_fmt', 'yuv420p'] }),
  ])
  importer = await openImportSession({
    dir: join(dir, 'session'),
    profile: resolveProfile(sandbox.profile, sandbox.env),
  })
  const recorded = coreRecordingScans(importer, {
    appInfo: () => ({ version: '0', mode: 'sandbox', profileName: 'Sandbox', livingdocsUrl: sandbox.livingdocsUrl }),
    pickPaths: async () => picker.next,
  })
  core = recorded.core
  const progress = recorded.progress
  await dispatchCommand(core.handlers, 'addPaths', { paths: [drop] })
  for (const start = Date.now(); progress.at(-1)?.state !== 'done'; await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() - start > 60_000) throw new Error(`the scan did not finish: ${JSON.stringify(progress.at(-1))}`)
  }
  await importer.engine.idle()
}, 90_000)

afterAll(async () => {
  core?.dispose()
  await importer?.close()
  await sandbox?.close()
  await rm(dir, { recursive: true, force: true })
})

const rowOf = (name: string): Row => {
  const row = importer.session.snapshot().rows.find((r) => r.relativePath.endsWith(name))
  if (!row) throw new Error(`no row ${name}`)
  return row
}

const uploaded = async (name: string, locale: string) => {
  await expect.poll(() => rowOf(name).localeAssets?.[locale]?.upload?.state, { timeout: 20_000 }).toBe('uploaded')
  return rowOf(name).localeAssets?.[locale]?.upload
}

describe('files per language', () => {
  it(
    'picks, uploads, replaces and clears, refuses what cannot be, and submits translations[].asset',
    { timeout: 90_000 },
    async () => {
      const harbour = rowOf('harbour.jpg').rowId
      const clip = rowOf('clip.mp4').rowId

      // Chosen with the picker: probed and uploaded through the engine.
      picker.next = [files.fr]
      expect(await dispatchCommand(core.handlers, 'pickLocaleAsset', { rowId: harbour, locale: 'fr' })).toMatchObject({
        ok: true,
        value: { rowId: harbour, locale: 'fr', path: files.fr },
      })
      const fr = await uploaded('harbour.jpg', 'fr')
      expect(rowOf('harbour.jpg').localeAssets?.fr).toMatchObject({ kind: 'image', width: 48, height: 64 })

      // The picker cancelled: nothing changes.
      picker.next = []
      expect(await dispatchCommand(core.handlers, 'pickLocaleAsset', { rowId: harbour, locale: 'de' })).toMatchObject({
        ok: true,
        value: { path: null },
      })

      // Refusals name the row, the field and what to do.
      expect(
        await dispatchCommand(core.handlers, 'setLocaleAsset', { rowId: clip, locale: 'fr', path: files.frVideo }),
      ).toEqual({
        ok: false,
        error: {
          code: 'locale-asset-refused',
          rowId: clip,
          field: 'translations.fr.asset',
          message: expect.stringMatching(/^Media type "Video" keeps one file for all languages/) as unknown,
        },
      })
      expect(
        await dispatchCommand(core.handlers, 'setLocaleAsset', { rowId: harbour, locale: 'de', path: files.frVideo }),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'locale-asset-refused',
          message: expect.stringMatching(/^clip-fr\.mp4 is a video;.*Choose an image file\.$/),
        },
      })
      expect(
        await dispatchCommand(core.handlers, 'setLocaleAsset', { rowId: harbour, locale: 'it', path: files.de }),
      ).toMatchObject({
        ok: false,
        error: { message: '"it" is not a language of this project: use one of en, de, fr.' },
      })
      expect(
        await dispatchCommand(core.handlers, 'setLocaleAsset', {
          rowId: harbour,
          locale: 'de',
          path: join(dir, 'nope.jpg'),
        }),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'locale-asset-unreadable',
          message: expect.stringMatching(/not found\. Choose another file\.$/),
        },
      })

      // In the app, a path the editor never picked or dropped is refused before anything reads it.
      const confined = confineToAllowed(core.handlers, new AllowedPaths())
      expect(
        await dispatchCommand(confined, 'setLocaleAsset', { rowId: harbour, locale: 'de', path: files.de }),
      ).toMatchObject({
        ok: false,
        error: { code: 'path-not-allowed', field: 'translations.de.asset' },
      })

      // Replaced after its upload finished: the new file uploads under a new key; then cleared.
      await dispatchCommand(core.handlers, 'setLocaleAsset', { rowId: harbour, locale: 'de', path: files.de })
      const de = await uploaded('harbour.jpg', 'de')
      expect(
        await dispatchCommand(core.handlers, 'setLocaleAsset', { rowId: harbour, locale: 'de', path: files.de2 }),
      ).toMatchObject({
        ok: true,
      })
      const de2 = await uploaded('harbour.jpg', 'de')
      expect(rowOf('harbour.jpg').localeAssets?.de?.path).toBe(files.de2)
      expect(de2?.key).not.toBe(de?.key)
      expect(await dispatchCommand(core.handlers, 'clearLocaleAsset', { rowId: harbour, locale: 'de' })).toMatchObject({
        ok: true,
        value: { rowId: harbour, locale: 'de', path: null },
      })
      expect(Object.keys(rowOf('harbour.jpg').localeAssets ?? {})).toEqual(['fr'])

      // Undo puts the cleared file back (the bucket already holds it: same key, nothing sent again); redo clears it.
      expect(await dispatchCommand(core.handlers, 'undo', undefined)).toMatchObject({
        ok: true,
        value: { changed: 1, label: expect.stringMatching(/^removal of the de file of .*harbour\.jpg$/) as unknown },
      })
      await expect.poll(() => rowOf('harbour.jpg').localeAssets?.de?.path).toBe(files.de2)
      expect((await uploaded('harbour.jpg', 'de'))?.key).toBe(de2?.key)
      await dispatchCommand(core.handlers, 'redo', undefined)
      await expect.poll(() => Object.keys(rowOf('harbour.jpg').localeAssets ?? {})).toEqual(['fr'])
      expect(await dispatchCommand(core.handlers, 'getEditHistory', undefined)).toMatchObject({
        ok: true,
        value: { canUndo: true, undoLabel: expect.stringMatching(/^removal of the de file/) as unknown },
      })

      // Submitted: the entry has the French translation with that file's key, and the key is in the bucket.
      const report = await dispatchCommand(core.handlers, 'submit', { rowIds: [harbour] })
      expect(report).toMatchObject({ ok: true, value: { imported: 1 } })
      const entry = sandbox.emulator.entries().find((e) => e.id === rowOf('harbour.jpg').result?.mediaId)
      const translations = (entry as unknown as { translations?: { locale: string; asset?: { key: string } }[] })
        .translations
      expect(translations?.map((t) => t.locale)).toEqual(['fr'])
      expect(translations?.[0]?.asset?.key).toBe(fr?.key)
      const s3 = createSandboxS3Client(sandbox.s3)
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: fr?.bucket, Key: fr?.key }))
        expect(head.ContentType).toBe('image/jpeg')
      } finally {
        s3.destroy()
      }

      // Imported: its files per language no longer change.
      expect(await dispatchCommand(core.handlers, 'clearLocaleAsset', { rowId: harbour, locale: 'fr' })).toMatchObject({
        ok: false,
        error: {
          code: 'locale-asset-refused',
          message: expect.stringMatching(
            /is already imported \(media id .+\); its fr file can no longer change: .*replaceAsset takes no language/,
          ),
        },
      })
    },
  )
})
