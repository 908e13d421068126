/**
 * Secrets typed into the app stay in the secret store: a profile is created through the app's
 * commands with a known token and S3 secret, used for a new session through the workspace, a
 * folder is imported, the results exported, the app restarted over the same folder (the session
 * reopened) — then every file the app wrote (sessions, profiles, its log, exports) is searched for
 * the secrets in every spelling a leak takes. None may be found; a planted leak in each folder is.
 * The log is written as the Electron host writes it (electron/index.ts): the daily file logger in
 * `<userData>/logs`, told every secret the editor saves, with the session each open logs.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppInfo, ScanProgress } from '../../contract'
import { makeMixedMedia } from '../importer/testing/mixed-media'
import { MemorySecretStore, ProfileStore } from '../profile/profile-store'
import { DATE_VERSIONS, startEmulator, type RunningEmulator } from '../sandbox/emulator'
import { startS3Sandbox, type RunningS3Sandbox } from '../sandbox/s3-server'
import { sandboxProfile } from '../sandbox/start-sandbox'
import { filesUnder, findSecrets } from '../../test-support/secret-scan'
import { createFileLogger, type FileLogger } from '../logging'
import { dispatchCommand } from './dispatch'
import { Workspace } from './workspace'
import { createWorkspaceCore, type WorkspaceCore } from './workspace-core'

const TOKEN = 'wsTok_R8yV3nQ1-kLp5Xt9/Md2+Gs7Bw4=Fh6'
// s3rver knows only this key id; it does not check the secret, so a distinctive one works.
const S3_KEY_ID = 'S3RVER'
const S3_SECRET = 'wsSec/pQ4Zr+LmN8Vt2Kx=Jd6YhB0cWsecretKEY3'

let dir: string
let userData: string
let exportsDir: string
let emulator: RunningEmulator
let s3: RunningS3Sandbox
const secrets = new MemorySecretStore()

async function openApp(
  progress: ScanProgress[],
): Promise<{ workspace: Workspace; core: WorkspaceCore; log: FileLogger }> {
  const log = createFileLogger({ dir: join(userData, 'logs') })
  log.logger.info('app.start', { version: '0' })
  const profiles = await ProfileStore.open(join(userData, 'profiles.json'), secrets)
  const workspace = new Workspace({
    sessionsDir: join(userData, 'sessions'),
    version: '0',
    profiles,
    startSandbox: () => Promise.reject(new Error('this test never opens a Sandbox session')),
  })
  workspace.listen({
    opened: (open) => log.logger.info('session.opened', { session: open.id, profile: open.profileName }),
  })
  const core = createWorkspaceCore(workspace, {
    onSecrets: (values) => log.redactor.addSecret(...values),
    pickPaths: async () => [],
    emit: (event, payload) => {
      if (event === 'scanProgress') progress.push(payload as ScanProgress)
    },
    profiles,
  })
  return { workspace, core, log }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'workspace-secrets-'))
  userData = join(dir, 'userData')
  exportsDir = join(dir, 'exports')
  await mkdir(exportsDir, { recursive: true })
  s3 = await startS3Sandbox({ dataDir: join(dir, 'servers', 's3') })
  emulator = await startEmulator({ dataDir: join(dir, 'servers', 'livingdocs'), token: TOKEN })
})
afterAll(async () => {
  await emulator?.close()
  await s3?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('secrets of a profile made in the app', () => {
  it('are in no file the app wrote: sessions, profiles, logs, exports', { timeout: 120_000 }, async () => {
    const media = await makeMixedMedia(dir)
    const progress: ScanProgress[] = []
    const { workspace, core, log } = await openApp(progress)
    const call = async (name: Parameters<typeof dispatchCommand>[1], arg?: unknown) => {
      const answer = await dispatchCommand(core.handlers, name, arg)
      if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`)
      return answer.value
    }
    const base = sandboxProfile(emulator, s3)
    const profile = {
      ...base,
      name: 'Staging',
      livingdocs: { url: emulator.url, apiVersion: DATE_VERSIONS.at(-1), tokenEnv: 'STAGING_LD_TOKEN' },
      storage: {
        ...base.storage,
        credentials: { accessKeyIdEnv: 'STAGING_S3_KEY_ID', secretAccessKeyEnv: 'STAGING_S3_SECRET' },
      },
    }
    const saved = await call('saveProfile', {
      profile,
      secrets: { token: TOKEN, accessKeyId: S3_KEY_ID, secretAccessKey: S3_SECRET },
    })
    expect(saved).toMatchObject({ hasToken: true, hasKeys: true })
    expect(await call('testProfile', { name: 'Staging' })).toMatchObject({ ok: true })
    const info = (await call('newSession', { profileName: 'Staging' })) as AppInfo
    expect(info).toMatchObject({ mode: 'profile', profileName: 'Staging' })

    await call('addPaths', { paths: [media.root] })
    await expect.poll(() => progress.at(-1)?.state, { timeout: 30_000 }).toBe('done')
    await workspace.current()!.importer.engine.idle()
    expect(await call('submit', {})).toMatchObject({ imported: media.files.length })
    for (const format of ['csv', 'json'] as const) {
      const answer = (await call('exportResults', { format })) as { content?: string }
      expect(answer.content?.length).toBeGreaterThan(0)
      await writeFile(join(exportsDir, `results.${format}`), answer.content ?? '')
    }
    core.dispose()
    await workspace.close()
    log.logger.info('app.quit')
    log.close()

    // The next start reopens the session with the profile's secrets from the store.
    const again = await openApp([])
    expect(await again.workspace.openStartup()).toMatchObject({ sessionId: info.sessionId, profileName: 'Staging' })
    again.core.dispose()
    await again.workspace.close()
    again.log.close()

    const written = await filesUnder(userData)
    const names = written.map((f) => f.slice(userData.length + 1))
    expect(names).toEqual(expect.arrayContaining(['profiles.json', `sessions/${info.sessionId}/session.json`]))
    const logFiles = names.filter((n) => n.startsWith('logs/'))
    expect(logFiles.length).toBeGreaterThan(0)
    const searched = [userData, exportsDir]
    expect(await findSecrets(searched, [TOKEN, S3_SECRET])).toEqual([])

    // The search can fail: a planted leak in each folder is found.
    await writeFile(join(userData, 'sessions', info.sessionId!, 'planted-leak.txt'), JSON.stringify({ t: TOKEN }))
    await writeFile(join(exportsDir, 'planted-leak.txt'), Buffer.from(S3_SECRET).toString('base64'))
    await writeFile(join(userData, 'logs', 'planted-leak.txt'), encodeURIComponent(TOKEN))
    const hits = await findSecrets(searched, [TOKEN, S3_SECRET])
    expect(new Set(hits.map((h) => h.secret))).toEqual(new Set([TOKEN, S3_SECRET]))
    expect(hits.every((h) => h.file.endsWith('planted-leak.txt'))).toBe(true)
  })
})
