/**
 * Looking at a session another process has open (issue #15): the app opens it read-only without
 * taking its lock, shows its rows (snapshot plus the holder's journal), refuses every changing
 * command with the holder named, and leaves the folder's files byte for byte as they were.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CommandArg, CommandName } from '../../contract'
import { imageRow } from '../editing/testing/rows'
import { resolveProfile } from '../profile/resolve-profile'
import { LOCK_FILE } from '../session/lock/session-lock'
import { openSessionFolder, type OpenedSession } from '../session/persistence/open-session'
import { startTempSandbox, type TempSandbox } from '../../test-support/temp-sandbox'
import { dispatchCommand } from './dispatch'
import { Workspace } from './workspace'
import { createWorkspaceCore, type WorkspaceCore } from './workspace-core'

async function folderBytes(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const name of (await readdir(dir)).sort()) files[name] = (await readFile(join(dir, name))).toString('base64')
  return files
}

describe('Workspace: a session held by another process, opened read-only', () => {
  let temp: TempSandbox
  let workspace: Workspace
  let core: WorkspaceCore
  let held: OpenedSession
  const sessionsDir = () => join(temp.dir, 'sessions')
  const heldDir = () => join(sessionsDir(), 'held-by-cli')
  const call = async <K extends CommandName>(name: K, arg: CommandArg<K>) => dispatchCommand(core.handlers, name, arg)

  beforeAll(async () => {
    temp = await startTempSandbox('workspace-read-only')
    workspace = new Workspace({
      sessionsDir: sessionsDir(),
      version: '1.0.0',
      startSandbox: async () => ({
        profile: resolveProfile(temp.sandbox.profile, temp.sandbox.env),
        close: async () => undefined,
      }),
      sessionOptions: { flushMs: 10 },
    })
    core = createWorkspaceCore(workspace, { pickPaths: async () => [], emit: () => undefined })
    await workspace.openStartup()
    // The other process (the CLI) has this session open: its store journals each change, and its
    // lock names a live process on this computer (the test runner's parent).
    held = await openSessionFolder(heldDir(), {
      meta: { profile: { name: 'Sandbox', livingdocsUrl: temp.sandbox.livingdocsUrl } },
    })
    held.session.upsertRows([imageRow(1), imageRow(2)])
    held.session.flush()
    await held.session.persisted()
    await held.store.compact()
    held.session.updateRow('row-2', { entry: { ...imageRow(2).entry!, metadata: { title: 'Journaled title' } } })
    held.session.flush()
    await held.session.persisted()
    const holder = {
      pid: process.ppid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      by: 'media-import import',
    }
    await writeFile(join(heldDir(), LOCK_FILE), JSON.stringify(holder))
  }, 30_000)
  afterAll(async () => {
    core?.dispose()
    await held?.close()
    await workspace?.close()
    await temp?.close()
  })

  it('shows the rows, refuses every change with the holder named, and writes nothing', async () => {
    const before = await folderBytes(heldDir())
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['journal.ndjson', 'session.json', LOCK_FILE]))
    expect((before['journal.ndjson'] ?? '').length).toBeGreaterThan(0)
    // Without readOnly it is refused as before.
    expect(await call('openSession', { id: 'held-by-cli' })).toMatchObject({
      ok: false,
      error: { code: 'session-locked' },
    })

    const opened = await call('openSession', { id: 'held-by-cli', readOnly: true })
    expect(opened).toMatchObject({ ok: true, value: { sessionId: 'held-by-cli', profileName: 'Sandbox' } })
    const notice = `Read-only: this import is open in media-import import, pid ${process.ppid} on host`
    expect(await call('getAppInfo', undefined)).toMatchObject({
      ok: true,
      value: { readOnly: expect.stringContaining(notice) },
    })
    expect(workspace.current()).toBeUndefined()

    // The rows as the holder left them: snapshot plus its journal.
    const snapshot = await call('getSnapshot', undefined)
    expect(snapshot).toMatchObject({ ok: true, value: { rows: [{ rowId: 'row-1' }, { rowId: 'row-2' }] } })
    const rows = snapshot.ok ? snapshot.value.rows : []
    expect(rows.find((r) => r.rowId === 'row-2')?.entry?.metadata.title).toBe('Journaled title')

    const refusals = [
      await call('editCells', { edits: [{ rowId: 'row-1', field: 'metadata.title', value: 'Mine now' }] }),
      await call('submit', {}),
      await call('clearRows', undefined),
      await call('addPaths', { paths: [temp.dir] }),
      await call('retryUploads', { rowIds: ['row-1'] }),
      await call('importAgain', { rowIds: ['row-1'] }),
      await call('applyMetadataCsv', { text: 'relativePath,title\nmedia/1.jpg,Mine\n' }),
      await call('storePosterFrame', { rowId: 'row-1', image: 'data:image/png;base64,AA==' }),
    ]
    for (const refused of refusals) {
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'session-read-only', message: expect.stringContaining(notice) },
      })
    }
    expect(await call('renameSession', { id: 'held-by-cli', name: 'Mine' })).toMatchObject({
      ok: false,
      error: { code: 'session-locked' },
    })
    expect(await call('deleteSession', { id: 'held-by-cli' })).toMatchObject({
      ok: false,
      error: { code: 'session-open' },
    })
    expect(core.current().session.getRow('row-1')?.entry?.metadata.title).toBe(imageRow(1).entry?.metadata.title)
    expect(await folderBytes(heldDir())).toEqual(before)

    // Another session opens for writing as usual; the view held nothing to save.
    const fresh = await call('newSession', { profileName: 'Sandbox' })
    expect(fresh).toMatchObject({ ok: true, value: { sessionId: expect.any(String) } })
    expect(fresh.ok && fresh.value.readOnly).toBeFalsy()
    expect(await folderBytes(heldDir())).toEqual(before)
  })
})
