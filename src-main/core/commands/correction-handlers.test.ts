/**
 * Corrections in the app (Sandbox): a metadata cell of an imported row takes an edit, the row is
 * "Update pending", and the submit sends it by PATCH with the entry's version; a translation cell
 * of an imported row refuses with the reason; an entry changed in Livingdocs meanwhile becomes a
 * conflict on the row, and "Re-submit failed" does not overwrite it.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openImportSession } from '../pipeline/import-session'
import { makeMixedMedia } from '../importer/testing/mixed-media'
import { makeImage } from '../probe/fixtures/generate'
import { imageEntry } from '../sandbox/emulator/testing'
import { resolveProfile } from '../profile/resolve-profile'
import type { RunningSandbox } from '../sandbox/start-sandbox'
import { startTempSandbox } from '../../test-support/temp-sandbox'
import { dispatchCommand } from './dispatch'
import { coreRecordingScans } from './testing/recording-core'

let dir: string
let sandbox: RunningSandbox
let stopSandbox: () => Promise<void>
beforeAll(async () => ({ dir, sandbox, close: stopSandbox } = await startTempSandbox('app-corrections')))
afterAll(() => stopSandbox())

const appInfo = () => ({
  version: '0',
  mode: 'sandbox' as const,
  profileName: 'Sandbox',
  livingdocsUrl: sandbox.livingdocsUrl,
})

describe('corrections of imported rows in the app', () => {
  it(
    'edits, sends and confirms a correction; refuses translations; shows a conflict',
    { timeout: 90_000 },
    async () => {
      const media = await makeMixedMedia(dir)
      const importer = await openImportSession({
        dir: join(dir, 'session'),
        profile: resolveProfile(sandbox.profile, sandbox.env),
      })
      const { core, progress } = coreRecordingScans(importer, { appInfo })
      try {
        await dispatchCommand(core.handlers, 'addPaths', { paths: [media.root] })
        await expect.poll(() => progress.at(-1)?.state, { timeout: 20_000 }).toBe('done')
        await importer.engine.idle()
        expect(await dispatchCommand(core.handlers, 'submit', {})).toMatchObject({ ok: true, value: { imported: 5 } })
        const [a, b] = core.session.snapshot().rows.filter((r) => r.kind === 'image')
        if (!a || !b) throw new Error('two image rows expected')
        const stored = (row: typeof a) => sandbox.emulator.entries().find((e) => e.id === row.result?.mediaId)

        const edited = await dispatchCommand(core.handlers, 'editCells', {
          edits: [
            { rowId: a.rowId, field: 'metadata.title', value: 'Corrected in the grid' },
            { rowId: a.rowId, field: 'translations.fr.metadata.title', value: 'Corrigé' },
          ],
        })
        expect(edited).toMatchObject({
          ok: true,
          value: {
            changed: 1,
            refused: [
              {
                field: 'translations.fr.metadata.title',
                message: expect.stringMatching(/no way to change a translation's metadata/) as string,
              },
            ],
          },
        })
        expect(core.session.getRow(a.rowId)?.update).toMatchObject({ state: 'pending' })

        sandbox.emulator.requests.reset()
        expect(await dispatchCommand(core.handlers, 'submit', {})).toMatchObject({ ok: true, value: { updated: 1 } })
        expect(sandbox.emulator.requests.count('PATCH mediaLibrary/:id')).toBe(1)
        expect(sandbox.emulator.requests.count('POST import/mediaLibrary')).toBe(0)
        expect(core.session.getRow(a.rowId)?.update).toMatchObject({ state: 'updated' })
        expect(stored(a)).toMatchObject({ version: 2, metadata: { title: 'Corrected in the grid' } })

        // Someone changes b in Livingdocs; the grid's correction of b is then a conflict, kept on the row.
        await fetch(`${sandbox.emulator.url}/api/2026-07/mediaLibrary/${b.result?.mediaId ?? ''}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${sandbox.emulator.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            patches: [{ operation: 'setMetadataProperty', propertyName: 'credit', value: 'Desk' }],
          }),
        })
        await dispatchCommand(core.handlers, 'editCells', {
          edits: [{ rowId: b.rowId, field: 'metadata.credit', value: 'Grid' }],
        })
        expect(await dispatchCommand(core.handlers, 'submit', {})).toMatchObject({
          ok: true,
          value: { updateFailed: 1 },
        })
        expect(core.session.getRow(b.rowId)?.update).toMatchObject({ state: 'failed', error: { conflict: true } })
        sandbox.emulator.requests.reset()
        await dispatchCommand(core.handlers, 'resubmitFailed', undefined)
        expect(sandbox.emulator.requests.count('PATCH mediaLibrary/:id')).toBe(0)
        expect(stored(b)).toMatchObject({ metadata: { credit: 'Desk' } })
      } finally {
        core.dispose()
        await importer.close()
      }
    },
  )

  it(
    'offers a linked row to push its metadata, showing the fields that would change first',
    { timeout: 90_000 },
    async () => {
      const systemName = sandbox.profile.import.systemName
      const seeded = await fetch(`${sandbox.emulator.url}/api/2026-07/import/mediaLibrary`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sandbox.emulator.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          mediaLibraryEntries: [
            {
              ...imageEntry('desk-9', { systemName, externalId: 'agency-9' }),
              metadata: { title: 'Desk title', source: 'Desk' },
            },
          ],
        }),
      })
      expect(seeded.status).toBe(200)
      const drop = join(dir, 'linked-drop')
      await mkdir(drop)
      await makeImage(join(drop, 'linked.jpg'), 40, 30)
      const importer = await openImportSession({
        dir: join(dir, 'linked-session'),
        profile: resolveProfile(sandbox.profile, sandbox.env),
      })
      const { core, progress } = coreRecordingScans(importer, { appInfo })
      try {
        await dispatchCommand(core.handlers, 'addPaths', { paths: [drop] })
        await expect.poll(() => progress.at(-1)?.state, { timeout: 20_000 }).toBe('done')
        await importer.engine.idle()
        const rowId = core.session.snapshot().rows[0]?.rowId ?? ''
        await dispatchCommand(core.handlers, 'editCells', {
          edits: [
            { rowId, field: 'externalId', value: 'agency-9' },
            { rowId, field: 'metadata.title', value: 'Our title' },
          ],
        })
        expect(await dispatchCommand(core.handlers, 'submit', {})).toMatchObject({ ok: true, value: { conflicts: 1 } })
        await dispatchCommand(core.handlers, 'linkToExisting', { rowIds: [rowId] })

        const preview = await dispatchCommand(core.handlers, 'previewLinkedPush', { rowId })
        expect(preview).toMatchObject({
          ok: true,
          value: { mediaId: 'desk-9', changes: [{ field: 'metadata.title', library: 'Desk title', row: 'Our title' }] },
        })
        sandbox.emulator.requests.reset()
        expect(await dispatchCommand(core.handlers, 'pushLinkedMetadata', { rowIds: [rowId] })).toMatchObject({
          ok: true,
          value: { updated: 1, failed: [] },
        })
        expect(sandbox.emulator.requests.count('PATCH mediaLibrary/:id')).toBe(1)
        // The row's values went in; what only the library held stays.
        expect(sandbox.emulator.entries().find((e) => e.id === 'desk-9')).toMatchObject({
          version: 2,
          metadata: { title: 'Our title', source: 'Desk' },
        })

        // Previewed, then changed in Livingdocs before the editor says yes: the push is a conflict
        // on the row (sent with the previewed version), and the library's change stays.
        await dispatchCommand(core.handlers, 'editCells', {
          edits: [{ rowId, field: 'metadata.title', value: 'Third' }],
        })
        const again = await dispatchCommand(core.handlers, 'previewLinkedPush', { rowId })
        expect(again).toMatchObject({
          ok: true,
          value: { version: 2, changes: [{ library: 'Our title', row: 'Third' }] },
        })
        const meanwhile = await fetch(`${sandbox.emulator.url}/api/2026-07/mediaLibrary/desk-9`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${sandbox.emulator.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            version: 2,
            patches: [{ operation: 'setMetadataProperty', propertyName: 'source', value: 'Livingdocs' }],
          }),
        })
        expect(meanwhile.status).toBe(200)
        expect(await dispatchCommand(core.handlers, 'pushLinkedMetadata', { rowIds: [rowId] })).toMatchObject({
          ok: true,
          value: { updated: 0, failed: [{ rowId, conflict: true }] },
        })
        expect(core.session.getRow(rowId)?.update).toMatchObject({ state: 'failed', error: { conflict: true } })
        expect(sandbox.emulator.entries().find((e) => e.id === 'desk-9')).toMatchObject({
          version: 3,
          metadata: { title: 'Our title', source: 'Livingdocs' },
        })
      } finally {
        core.dispose()
        await importer.close()
      }
    },
  )
})
