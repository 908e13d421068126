/**
 * Corrections in the app (Sandbox): a metadata cell of an imported row takes an edit, the row is
 * "Update pending", and the submit sends it by PATCH with the entry's version; a translation cell
 * of an imported row refuses with the reason; an entry changed in Livingdocs meanwhile becomes a
 * conflict on the row, and "Re-submit failed" does not overwrite it.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanProgress } from '../../contract'
import { openImportSession } from '../importer/import-session'
import { makeMixedMedia } from '../importer/testing/mixed-media'
import { resolveProfile } from '../profile/resolve-profile'
import type { RunningSandbox } from '../sandbox/start-sandbox'
import { startTempSandbox } from '../../test-support/temp-sandbox'
import { dispatchCommand } from './dispatch'
import { createAppCore } from './handlers'

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
      const progress: ScanProgress[] = []
      const core = createAppCore({
        appInfo,
        pickPaths: async () => [],
        emit: (event, payload) => {
          if (event === 'scanProgress') progress.push(payload as ScanProgress)
        },
        importer,
      })
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
})
