/**
 * The app's handler table with the import pipeline behind it (Sandbox): a dropped folder's rows
 * upload by themselves, `submit` through dispatchCommand imports them, and a host without a
 * pipeline answers submit with an error that says why.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openImportSession } from '../pipeline/import-session'
import { makeMixedMedia } from '../importer/testing/mixed-media'
import { resolveProfile } from '../profile/resolve-profile'
import type { RunningSandbox } from '../sandbox/start-sandbox'
import { startTempSandbox } from '../../test-support/temp-sandbox'
import { dispatchCommand } from './dispatch'
import { createAppCore } from './handlers'
import { coreRecordingScans } from './testing/recording-core'

let dir: string
let sandbox: RunningSandbox
let stopSandbox: () => Promise<void>
beforeAll(async () => ({ dir, sandbox, close: stopSandbox } = await startTempSandbox('app-import')))
afterAll(() => stopSandbox())

const appInfo = () => ({
  version: '0',
  mode: 'sandbox' as const,
  profileName: 'Sandbox',
  livingdocsUrl: sandbox.livingdocsUrl,
})

describe('import commands', () => {
  it('submits what a drop uploaded by itself', { timeout: 60_000 }, async () => {
    const media = await makeMixedMedia(dir)
    const importer = await openImportSession({
      dir: join(dir, 'session'),
      profile: resolveProfile(sandbox.profile, sandbox.env),
    })
    const { core, progress } = coreRecordingScans(importer, { appInfo })
    try {
      expect(core.session).toBe(importer.session)
      expect(await dispatchCommand(core.handlers, 'addPaths', { paths: [media.root] })).toMatchObject({ ok: true })
      await expect.poll(() => progress.at(-1)?.state, { timeout: 20_000 }).toBe('done')
      await importer.engine.idle()
      const project = await dispatchCommand(core.handlers, 'getProject', undefined)
      expect(project).toMatchObject({ ok: true, value: { mediaTypes: expect.any(Array) as unknown } })

      const answer = await dispatchCommand(core.handlers, 'submit', {})
      expect(answer).toEqual({
        ok: true,
        value: {
          considered: 5,
          imported: 5,
          rejected: 0,
          conflicts: 0,
          failed: 0,
          inLibrary: 0,
          heldBack: 0,
          unconfirmed: 0,
        },
      })
      const rows = core.session.snapshot().rows.filter((r) => r.status !== 'skipped')
      expect(rows.every((r) => r.status === 'imported' && r.result?.mediaId === r.entry?.id)).toBe(true)
      expect(await dispatchCommand(core.handlers, 'resubmitFailed', undefined)).toMatchObject({
        ok: true,
        value: { considered: 0 },
      })
      expect(await dispatchCommand(core.handlers, 'submit', { rowIds: [] })).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      })
    } finally {
      core.dispose()
      await importer.close()
    }
  })

  it('says so when no project is connected', async () => {
    const core = createAppCore({ appInfo, pickPaths: async () => [], emit: () => undefined })
    expect(await dispatchCommand(core.handlers, 'submit', {})).toMatchObject({
      ok: false,
      error: {
        code: 'not-connected',
        message: expect.stringContaining('No Livingdocs project is connected') as string,
      },
    })
    core.dispose()
  })
})
