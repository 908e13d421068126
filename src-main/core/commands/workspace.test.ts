import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppInfo, CommandName, EventName } from '../../contract'
import { MemorySecretStore, ProfileStore } from '../profile/profile-store'
import { resolveProfile } from '../profile/resolve-profile'
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox'
import type { Row } from '../model/row'
import { dispatchCommand } from './dispatch'
import { Workspace } from './workspace'
import { createWorkspaceCore, type WorkspaceCore } from './workspace-core'
import { exampleRow } from '../../../src-shared/rows/testing/example-rows'

const row = (rowId: string, status: Row['status']): Row => exampleRow(rowId, status)

/** A second emulator + S3 saved as a profile named "Staging", its secrets in memory only. */
async function saveStaging(store: ProfileStore, real: RunningSandbox, withKeys = true): Promise<void> {
  const { name: _drop, ...rest } = real.profile
  void _drop
  await store.save(
    { ...rest, name: 'Staging', livingdocs: { ...rest.livingdocs, tokenEnv: 'STAGING_TOKEN' } },
    {
      token: real.emulator.token,
      ...(withKeys ? { accessKeyId: real.s3.accessKeyId, secretAccessKey: real.s3.secretAccessKey } : {}),
    },
  )
}

/** A session nothing was dropped into yet: "New import · 8 Dec 00:57". */
const WHEN_NEW = /^New import · \d{1,2} [A-Z][a-z]{2} \d\d:\d\d$/

describe('Workspace', () => {
  let root: string
  let sandbox: RunningSandbox
  let real: RunningSandbox
  let store: ProfileStore
  let workspace: Workspace
  let core: WorkspaceCore
  let sandboxStarts = 0
  const events: Array<[EventName, unknown]> = []

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'workspace-'))
    real = await startSandbox({ dataDir: join(root, 'real-server') })
    store = await ProfileStore.open(join(root, 'profiles.json'), new MemorySecretStore())
    workspace = new Workspace({
      sessionsDir: join(root, 'sessions'),
      version: '1.2.3',
      profiles: store,
      startSandbox: async () => {
        sandboxStarts++
        sandbox = await startSandbox({ dataDir: join(root, 'sandbox') })
        return { profile: resolveProfile(sandbox.profile, sandbox.env), close: () => sandbox.close() }
      },
      sessionOptions: { flushMs: 10 },
    })
    core = createWorkspaceCore(workspace, {
      pickPaths: async () => [],
      emit: (event, payload) => events.push([event, payload]),
      profiles: store,
    })
  }, 30_000)

  afterAll(async () => {
    core?.dispose()
    await workspace?.close()
    await real?.close()
    await rm(root, { recursive: true, force: true })
  })

  const call = async <K extends CommandName>(name: K, arg?: unknown) => {
    const answer = await dispatchCommand(core.handlers, name, arg)
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
    return answer.value
  }

  it('starts a new Sandbox session when there is none, without starting the Sandbox before', async () => {
    expect(sandboxStarts).toBe(0)
    const info = await workspace.openStartup()
    expect(info).toMatchObject({ mode: 'sandbox', profileName: 'Sandbox', version: '1.2.3' })
    expect(info.sessionId).toMatch(/-sandbox$/)
    expect(sandboxStarts).toBe(1)
    // The name the window shows: nothing dropped yet, and when it started, in words.
    expect(await call('getAppInfo')).toEqual({ ...info, sessionName: expect.stringMatching(WHEN_NEW) })
    expect(events.at(-1)).toEqual(['workspaceChanged', info])
  })

  it('lists the open session as current; rows not all imported make it unfinished', async () => {
    const sandboxId = workspace.current()!.id
    workspace.current()!.importer.session.upsertRows([row('a', 'imported'), row('b', 'rejected')])
    const { sessions } = await call('listSessions')
    expect(sessions).toHaveLength(1)
    expect(sessions[0]).toMatchObject({
      id: sandboxId,
      profileName: 'Sandbox',
      current: true,
      rows: 2,
      imported: 1,
      open: 1,
      unfinished: true,
    })
  })

  it('names a profile that does not exist, and leaves the open session alone', async () => {
    const before = workspace.current()!.id
    const answer = await dispatchCommand(core.handlers, 'newSession', { profileName: 'Staging' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'profile-missing' } })
    expect(!answer.ok && answer.error.message).toContain('"Staging", which is not among the saved profiles')
    expect(workspace.current()?.id).toBe(before)
    expect((await call('getSnapshot')) as { rows: unknown[] }).toMatchObject({ rows: [{ rowId: 'a' }, { rowId: 'b' }] })
  })

  it('names the missing secret of a saved profile', async () => {
    await saveStaging(store, real, false)
    const answer = await dispatchCommand(core.handlers, 'newSession', { profileName: 'Staging' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'profile-secret-missing' } })
    expect(!answer.ok && answer.error.message).toContain('storage.credentials.accessKeyId: no S3 access key id saved')
  })

  it('switches to a new session for a saved profile: the old one is saved and closed, handlers follow', async () => {
    const sandboxId = workspace.current()!.id
    const oldImporter = workspace.current()!.importer
    await saveStaging(store, real)
    const info = (await call('newSession', { profileName: 'Staging' })) as AppInfo
    expect(info).toMatchObject({ mode: 'profile', profileName: 'Staging', livingdocsUrl: real.livingdocsUrl })
    expect(workspace.current()?.importer).not.toBe(oldImporter)
    expect(await call('getSnapshot')).toMatchObject({ rows: [] })
    expect(await call('getAppInfo')).toEqual({ ...info, sessionName: expect.stringMatching(WHEN_NEW) })
    const { sessions } = await call('listSessions')
    expect(sessions.map((s) => [s.id, s.current, s.unfinished])).toEqual([
      [info.sessionId, true, false],
      [sandboxId, false, true],
    ])
  })

  it('opens the session again when its profile is saved (new values at once, renames followed); refuses to delete it', async () => {
    const open = workspace.current()!
    const profile = store.get('Staging')!
    const saved = await call('saveProfile', {
      profile: { ...profile, import: { ...profile.import, systemName: 'desk-2' } },
    })
    expect(saved.reopened).toEqual({ ok: true, message: expect.stringContaining('"Staging"') as unknown })
    expect(workspace.current()).toMatchObject({ id: open.id, profileName: 'Staging' })
    expect(workspace.current()?.importer).not.toBe(open.importer)
    expect(workspace.current()?.importer.systemName).toBe('desk-2')

    const refused = await dispatchCommand(core.handlers, 'deleteProfile', { name: 'Staging' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'profile-in-use' } })
    expect(store.get('Staging')).toBeDefined()

    await call('saveProfile', { profile: { ...profile, name: 'Staging EU' }, previousName: 'Staging' })
    expect(workspace.current()).toMatchObject({ id: open.id, profileName: 'Staging EU' })
    await call('saveProfile', { profile, previousName: 'Staging EU' })
    const { sessions } = await call('listSessions')
    expect(sessions.find((s) => s.id === open.id)).toMatchObject({ profileName: 'Staging', current: true })
    expect(await call('getAppInfo')).toMatchObject({ profileName: 'Staging', sessionId: open.id })

    // A wrong token saved: the session cannot open with it; the fixed token saved opens it again.
    const wrong = await call('saveProfile', { profile, secrets: { token: 'not-the-token' } })
    expect(wrong.reopened).toMatchObject({ ok: false })
    expect(wrong.reopened?.message).toContain(`Session "${open.id}" could not be opened again either`)
    expect(workspace.current()).toBeUndefined()
    const fixed = await call('saveProfile', { profile, secrets: { token: real.emulator.token } })
    expect(fixed.reopened).toMatchObject({ ok: true })
    expect(workspace.current()).toMatchObject({ id: open.id, profileName: 'Staging' })
  })

  it('reopens the Sandbox session with its rows; refuses to delete the open one; deletes another', async () => {
    const { sessions } = (await call('listSessions')) as { sessions: Array<{ id: string; profileName: string }> }
    const sandboxId = sessions.find((s) => s.profileName === 'Sandbox')!.id
    const stagingId = sessions.find((s) => s.profileName === 'Staging')!.id
    const info = (await call('openSession', { id: sandboxId })) as AppInfo
    expect(info).toMatchObject({ mode: 'sandbox', sessionId: sandboxId })
    expect(sandboxStarts).toBe(1)
    expect(await call('getSnapshot')).toMatchObject({ rows: [{ rowId: 'a' }, { rowId: 'b' }] })
    const refused = await dispatchCommand(core.handlers, 'deleteSession', { id: sandboxId })
    expect(refused).toMatchObject({ ok: false, error: { code: 'session-open' } })
    expect(await call('deleteSession', { id: stagingId })).toEqual({ removed: true })
    expect(await readdir(join(root, 'sessions'))).toEqual([sandboxId])
  })

  it('says which profile a session needs when that profile was deleted', async () => {
    const staging = (await call('newSession', { profileName: 'Staging' })) as AppInfo
    const { sessions } = (await call('listSessions')) as { sessions: Array<{ id: string; profileName: string }> }
    const sandboxId = sessions.find((s) => s.profileName === 'Sandbox')!.id
    await call('openSession', { id: sandboxId })
    await call('deleteProfile', { name: 'Staging' })
    const answer = await dispatchCommand(core.handlers, 'openSession', { id: staging.sessionId })
    expect(answer).toMatchObject({ ok: false, error: { code: 'profile-missing' } })
    expect(!answer.ok && answer.error.message).toContain(
      `Session "${staging.sessionId}" imports with profile "Staging", which is not among the saved profiles`,
    )
    expect(workspace.current()?.id).toBe(sandboxId)
  })

  it('names sessions after their folders; the editor renames them, open or not, and the name is kept', async () => {
    type Listed = { id: string; name: string; named: boolean; folders: string[]; profileName: string }
    const list = async () => ((await call('listSessions')) as { sessions: Listed[] }).sessions
    const sandboxId = workspace.current()!.id
    const stagingId = (await list()).find((s) => s.profileName === 'Staging')!.id
    // After what was dropped first and when (src-shared/session/session-name.ts), never the folder's id.
    const shoot = /^media · \d{1,2} [A-Z][a-z]{2} \d\d:\d\d$/
    expect((await list()).find((s) => s.id === sandboxId)).toMatchObject({
      name: expect.stringMatching(shoot),
      named: false,
      folders: ['media'],
    })
    expect(await call('getAppInfo')).toMatchObject({ sessionName: expect.stringMatching(shoot) })
    // A session with no rows yet is a new import of its day and time.
    expect((await list()).find((s) => s.id === stagingId)).toMatchObject({
      name: expect.stringMatching(WHEN_NEW),
      folders: [],
    })

    expect(await call('renameSession', { id: sandboxId, name: '  Harbour\nshoot  ' })).toEqual({
      name: 'Harbour shoot',
    })
    // The open session's new name is what the window shows next.
    expect(await call('getAppInfo')).toMatchObject({ sessionName: 'Harbour shoot' })
    // Not open (its profile is even gone): renamed in its folder all the same.
    expect(await call('renameSession', { id: stagingId, name: 'Staging trial' })).toEqual({ name: 'Staging trial' })
    expect(await list()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: sandboxId, name: 'Harbour shoot', named: true }),
        expect.objectContaining({ id: stagingId, name: 'Staging trial', named: true }),
      ]),
    )
    await call('renameSession', { id: stagingId, name: '' })
    expect((await list()).find((s) => s.id === stagingId)).toMatchObject({
      name: expect.stringMatching(WHEN_NEW),
      named: false,
    })

    const tooLong = await dispatchCommand(core.handlers, 'renameSession', { id: sandboxId, name: 'x'.repeat(121) })
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    const noName = await dispatchCommand(core.handlers, 'renameSession', { id: sandboxId })
    expect(noName).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('opens the most recent session at the next start', async () => {
    const sessionsDir = join(root, 'sessions')
    const current = workspace.current()!.id
    core.dispose()
    await workspace.close()
    workspace = new Workspace({
      sessionsDir,
      version: '1.2.3',
      profiles: store,
      startSandbox: async () => {
        sandbox = await startSandbox({ dataDir: join(root, 'sandbox') })
        return { profile: resolveProfile(sandbox.profile, sandbox.env), close: () => sandbox.close() }
      },
    })
    core = createWorkspaceCore(workspace, { pickPaths: async () => [], emit: () => undefined, profiles: store })
    const info = await workspace.openStartup()
    expect(info.sessionId).toBe(current)
    expect(await call('getSnapshot')).toMatchObject({ rows: [{ rowId: 'a' }, { rowId: 'b' }] })
    // The name given before the restart is the session's own (its meta).
    const { sessions } = (await call('listSessions')) as { sessions: Array<{ id: string; name: string }> }
    expect(sessions.find((s) => s.id === current)?.name).toBe('Harbour shoot')
  })

  it('rejects ids that are not session folder names', async () => {
    for (const id of ['../etc', '.', 'a/b', '']) {
      const answer = await dispatchCommand(core.handlers, 'openSession', { id })
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
    expect(await dispatchCommand(core.handlers, 'newSession', {})).toMatchObject({ ok: false })
  })

  it('refuses a saved profile named like the Sandbox', async () => {
    const { name: _n, ...rest } = real.profile
    void _n
    await expect(store.save({ ...rest, name: 'Sandbox' })).rejects.toThrow(/embedded test server/)
  })
})
