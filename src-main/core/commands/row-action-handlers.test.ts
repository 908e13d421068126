/**
 * The row choices through the handler table, against the Sandbox: a conflict row linked to the
 * library's entry (nothing POSTed, kept across a restart, never re-sent), another fixed by a new
 * externalId, a truncated JPEG imported as a file (uploaded and imported as the file type), and
 * the editor link built from the Sandbox profile and opened through the host.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openImportSession, type ImportSession } from '../pipeline/import-session'
import { makeImage, truncateTo } from '../probe/fixtures/generate'
import { resolveProfile } from '../profile/resolve-profile'
import { imageAsset } from '../sandbox/emulator/testing'
import type { RunningSandbox } from '../sandbox/start-sandbox'
import { startTempSandbox } from '../../test-support/temp-sandbox'
import { dispatchCommand } from './dispatch'
import { createAppCore, type HostDeps } from './handlers'
import { coreRecordingScans } from './testing/recording-core'

let dir: string
let sandbox: RunningSandbox
let stopSandbox: () => Promise<void>
beforeAll(async () => ({ dir, sandbox, close: stopSandbox } = await startTempSandbox('app-row-actions')))
afterAll(() => stopSandbox())

const appInfo = () => ({ version: '0', mode: 'sandbox' as const, profileName: 'Sandbox', livingdocsUrl: 'x' })
const open = (sessionDir: string) =>
  openImportSession({ dir: sessionDir, profile: resolveProfile(sandbox.profile, sandbox.env), flushMs: 20 })

const coreOver = (importer: ImportSession, extra: Partial<HostDeps> = {}) =>
  coreRecordingScans(importer, { appInfo, ...extra })

const ok = <T>(answer: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!answer.ok) throw new Error(`command failed: ${JSON.stringify(answer.error)}`)
  return answer.value
}

describe('row choices', () => {
  it(
    'links a conflict row, fixes another by its externalId, imports a truncated JPEG as a file and opens the editor',
    { timeout: 90_000 },
    async () => {
      const systemName = sandbox.profile.import.systemName
      const seeded = await fetch(
        `${sandbox.livingdocsUrl}/api/${sandbox.profile.livingdocs.apiVersion}/import/mediaLibrary`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${sandbox.emulator.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            mediaLibraryEntries: [
              {
                id: 'desk-1',
                mediaType: 'image',
                systemName,
                externalId: 'agency-1',
                asset: imageAsset('desk'),
                metadata: { title: 'Other desk' },
              },
            ],
          }),
        },
      )
      expect(seeded.status).toBe(200)

      const drop = join(dir, 'drop')
      await mkdir(drop)
      await makeImage(join(drop, 'linked.jpg'), 40, 30)
      await makeImage(join(drop, 'renamed.jpg'), 40, 30, ['-fill', 'red', '-draw', 'point 1,1'])
      const whole = await makeImage(join(dir, 'whole.jpg'), 64, 64, ['-quality', '90', '+noise', 'Random'])
      await truncateTo(whole, 2000, join(drop, 'cut.jpg'))

      const sessionDir = join(dir, 'session')
      let importer = await open(sessionDir)
      let { core, progress } = coreOver(importer)
      const rowOf = (name: string) => {
        const row = core.session.snapshot().rows.find((r) => r.relativePath === `drop/${name}`)
        if (!row) throw new Error(`no row for ${name}`)
        return row
      }
      try {
        ok(await dispatchCommand(core.handlers, 'addPaths', { paths: [drop] }))
        await expect.poll(() => progress.at(-1)?.state, { timeout: 20_000 }).toBe('done')
        await importer.engine.idle()
        expect(rowOf('cut.jpg')).toMatchObject({ status: 'unreadable', probeError: { canImportAsFile: true } })

        ok(
          await dispatchCommand(core.handlers, 'editCells', {
            edits: [
              { rowId: rowOf('linked.jpg').rowId, field: 'externalId', value: 'agency-1' },
              { rowId: rowOf('renamed.jpg').rowId, field: 'externalId', value: 'agency-1' },
            ],
          }),
        )
        expect(ok(await dispatchCommand(core.handlers, 'submit', {}))).toMatchObject({ conflicts: 2, imported: 0 })
        expect(rowOf('linked.jpg')).toMatchObject({ status: 'conflict', conflict: { existing: { mediaId: 'desk-1' } } })

        // Link: imported with the existing media id; nothing is POSTed.
        const posts = sandbox.emulator.requests.count('POST import/mediaLibrary')
        const linked = ok(
          await dispatchCommand(core.handlers, 'linkToExisting', {
            rowIds: [rowOf('linked.jpg').rowId, rowOf('cut.jpg').rowId],
          }),
        )
        expect(linked).toMatchObject({ done: 1, refused: 1 })
        expect(linked.rows[0]).toMatchObject({ done: true, mediaId: 'desk-1' })
        expect(linked.rows[1]?.message).toMatch(/^drop\/cut\.jpg has no conflict/)
        expect(rowOf('linked.jpg')).toMatchObject({
          status: 'imported',
          result: { mediaId: 'desk-1', record: { linked: true } },
        })
        expect(sandbox.emulator.requests.count('POST import/mediaLibrary')).toBe(posts)

        // Change the externalId: the conflict goes with the old value, and the row imports.
        const renamed = rowOf('renamed.jpg').rowId
        ok(
          await dispatchCommand(core.handlers, 'editCells', {
            edits: [{ rowId: renamed, field: 'externalId', value: 'agency-2' }],
          }),
        )
        expect(rowOf('renamed.jpg').conflict).toBeUndefined()
        expect((rowOf('renamed.jpg').issues ?? []).filter((i) => i.field === 'externalId')).toEqual([])

        // Import as file: the row becomes a file row and uploads by itself.
        const cut = rowOf('cut.jpg').rowId
        expect(ok(await dispatchCommand(core.handlers, 'importAsFile', { rowIds: [cut, renamed] }))).toMatchObject({
          done: 1,
          refused: 1,
        })
        await expect.poll(() => rowOf('cut.jpg').upload?.state, { timeout: 20_000 }).toBe('uploaded')
        expect(rowOf('cut.jpg')).toMatchObject({ kind: 'file', mimeType: 'image/jpeg', entry: { mediaType: 'file' } })

        const report = ok(await dispatchCommand(core.handlers, 'resubmitFailed', undefined))
        expect(report).toMatchObject({ imported: 1, conflicts: 0 })
        expect(ok(await dispatchCommand(core.handlers, 'submit', {}))).toMatchObject({ imported: 1, conflicts: 0 })
        const entries = sandbox.emulator.entries()
        expect(entries.filter((e) => e.externalId === 'agency-1').map((e) => e.id)).toEqual(['desk-1'])
        expect(entries.find((e) => e.externalId === 'agency-2')?.id).toBe(rowOf('renamed.jpg').entry?.id)
        const asFile = entries.find((e) => e.id === rowOf('cut.jpg').entry?.id)
        expect(asFile).toMatchObject({ mediaType: 'file', asset: { mimeType: 'image/jpeg', size: 2000 } })
        expect(entries).toHaveLength(3)

        // Editor link: built in main from the Sandbox profile, opened by the host.
        expect(ok(await dispatchCommand(core.handlers, 'getAppInfo', undefined)).editorUrl).toBe(
          `${sandbox.livingdocsUrl}/editor/media-library/{mediaId}`,
        )
        const answer = ok(await dispatchCommand(core.handlers, 'openInEditor', { mediaId: 'desk-1' }))
        expect(answer).toMatchObject({ opened: false, url: `${sandbox.livingdocsUrl}/editor/media-library/desk-1` })
        expect(answer.message).toMatch(/cannot open the browser/)
        const page = await fetch(answer.url)
        expect(page.status).toBe(200)
        expect(await page.text()).toContain('<td>agency-1</td>')
        expect(await dispatchCommand(core.handlers, 'openInEditor', { mediaId: 'not-ours' })).toMatchObject({
          ok: false,
          error: { code: 'unknown-media-id' },
        })
      } finally {
        core.dispose()
        await importer.close()
      }

      // After a restart the link holds, and nothing is sent for it.
      importer = await open(sessionDir)
      const opened: string[] = []
      ;({ core, progress } = coreOver(importer, { openExternal: async (url) => void opened.push(url) }))
      try {
        expect(rowOf('linked.jpg')).toMatchObject({
          status: 'imported',
          result: { mediaId: 'desk-1', record: { linked: true } },
        })
        expect(ok(await dispatchCommand(core.handlers, 'resubmitFailed', undefined))).toMatchObject({ considered: 0 })
        expect(ok(await dispatchCommand(core.handlers, 'openInEditor', { mediaId: 'desk-1' }))).toEqual({
          url: `${sandbox.livingdocsUrl}/editor/media-library/desk-1`,
          opened: true,
        })
        expect(opened).toEqual([`${sandbox.livingdocsUrl}/editor/media-library/desk-1`])
      } finally {
        core.dispose()
        await importer.close()
      }
    },
  )

  it('says so when no editor URL is configured', async () => {
    const core = createAppCore({ appInfo, pickPaths: async () => [], emit: () => undefined })
    expect(await dispatchCommand(core.handlers, 'openInEditor', { mediaId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-configured', message: expect.stringContaining('livingdocs.editorUrl') as string },
    })
    expect(await dispatchCommand(core.handlers, 'linkToExisting', { rowIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    })
    core.dispose()
  })
})
