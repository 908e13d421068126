/**
 * The app and a session another process has open (the CLI, a second app): the list names the
 * holder, opening or deleting it is refused with the holder named and the current session stays
 * open, and once the holder is gone it opens as usual. The window's own session is locked too.
 */
import { rm, stat, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveProfile } from '../profile/resolve-profile'
import { LOCK_FILE } from '../session/lock/session-lock'
import { startTempSandbox, type TempSandbox } from '../../test-support/temp-sandbox'
import { Workspace } from './workspace'

describe('Workspace and sessions open in another process', () => {
  let temp: TempSandbox
  let workspace: Workspace
  const sessionsDir = () => join(temp.dir, 'sessions')
  beforeAll(async () => {
    temp = await startTempSandbox('workspace-lock')
    workspace = new Workspace({
      sessionsDir: sessionsDir(),
      version: '1.0.0',
      startSandbox: async () => ({
        profile: resolveProfile(temp.sandbox.profile, temp.sandbox.env),
        close: async () => undefined,
      }),
      sessionOptions: { flushMs: 10 },
      now: (() => {
        let t = Date.parse('2026-12-07T10:00:00Z')
        return () => new Date((t += 1000))
      })(),
    })
  }, 30_000)
  afterAll(async () => {
    await workspace?.close()
    await temp?.close()
  })

  it('names the holder, refuses to open or delete the session, and opens it once the holder is gone', async () => {
    const first = (await workspace.openStartup()).sessionId ?? ''
    const second = (await workspace.newSession('Sandbox')).sessionId ?? ''
    const firstLock = join(sessionsDir(), first, LOCK_FILE)
    await expect(stat(firstLock)).rejects.toThrow(/ENOENT/)
    await expect(stat(join(sessionsDir(), second, LOCK_FILE))).resolves.toBeDefined()

    // The CLI takes the first session: a live process on this computer (the test runner's parent).
    const holder = {
      pid: process.ppid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      by: 'media-import import',
    }
    await writeFile(firstLock, JSON.stringify(holder))
    const listed = await workspace.list()
    const pattern = new RegExp(`^media-import import, pid ${process.ppid} on host .+, since \\d\\d:\\d\\d$`)
    expect(listed.find((s) => s.id === first)?.openElsewhere).toMatch(pattern)
    // The window's own session is locked by this process, which is not "elsewhere".
    expect(listed.find((s) => s.id === second)).not.toHaveProperty('openElsewhere')

    await expect(workspace.openSession(first)).rejects.toThrow(
      new RegExp(
        `Session "${first}" is open in another process \\(media-import import, pid ${process.ppid} .*\\)\\. Wait for it to finish`,
      ),
    )
    expect(workspace.current()?.id).toBe(second)
    await expect(workspace.deleteSession(first)).rejects.toThrow(/is open in another process.*then delete it again/)
    await expect(stat(join(sessionsDir(), first))).resolves.toBeDefined()

    // Finished there: its lock is gone (a dead holder's lock would be taken over the same way).
    await rm(firstLock)
    expect((await workspace.openSession(first)).sessionId).toBe(first)
    await expect(stat(firstLock)).resolves.toBeDefined()
    await expect(stat(join(sessionsDir(), second, LOCK_FILE))).rejects.toThrow(/ENOENT/)
  })

  it('a second workspace on the same sessions leaves the open one alone at start', async () => {
    const open = workspace.current()?.id
    const other = new Workspace({
      sessionsDir: sessionsDir(),
      version: '1.0.0',
      startSandbox: async () => ({
        profile: resolveProfile(temp.sandbox.profile, temp.sandbox.env),
        close: async () => undefined,
      }),
      sessionOptions: { flushMs: 10 },
    })
    try {
      const started = await other.openStartup()
      expect(started.sessionId).not.toBe(open)
    } finally {
      await other.close()
    }
  })
})
