import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { acquireSessionLock, LOCK_FILE, sessionLockHolder, SessionLockedError } from './session-lock'

/** A pid no process has now: one that ran and ended. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid ?? 999_999

describe('the session lock', () => {
  let dir: string
  const children: ChildProcess[] = []
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'session-lock-'))
  })
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL')
    await rm(dir, { recursive: true, force: true })
  })

  const writeLock = (holder: object) => writeFile(join(dir, LOCK_FILE), JSON.stringify(holder))

  it('is a file only its owner can read, naming pid, host and start; a second open is refused until released', async () => {
    const lock = await acquireSessionLock(dir, { by: 'media-import import' })
    const file = join(dir, LOCK_FILE)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
      by: 'media-import import',
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
    const refused = await acquireSessionLock(dir).catch((err: unknown) => err)
    expect(refused).toBeInstanceOf(SessionLockedError)
    expect((refused as Error).message).toMatch(
      new RegExp(`pid ${process.pid} on host ${hostname()}, since \\d\\d:\\d\\d`),
    )
    expect(await sessionLockHolder(dir)).toMatchObject({ pid: process.pid })
    await lock.release()
    await lock.release()
    await expect(stat(file)).rejects.toThrow(/ENOENT/)
    expect(await sessionLockHolder(dir)).toBeUndefined()
    await (await acquireSessionLock(dir)).release()
  })

  it('is refused while another live process holds it, and taken over once that process is gone', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    children.push(child)
    await writeLock({ pid: child.pid, host: hostname(), startedAt: new Date().toISOString() })
    await expect(acquireSessionLock(dir)).rejects.toThrow(`pid ${child.pid} on host ${hostname()}`)
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const lock = await acquireSessionLock(dir)
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid })
    await lock.release()
  })

  it('takes over a lock left by a dead process', async () => {
    await writeLock({ pid: deadPid(), host: hostname(), startedAt: '2026-01-01T00:00:00Z' })
    const lock = await acquireSessionLock(dir)
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid })
    await lock.release()
  })

  it('never takes over a lock from another computer', async () => {
    await writeLock({ pid: deadPid(), host: `${hostname()}-elsewhere`, startedAt: '2026-01-01T00:00:00Z' })
    await expect(acquireSessionLock(dir)).rejects.toThrow(/on another computer, so it is never taken over/)
  })

  it('lets exactly one of many simultaneous openers have it', async () => {
    await writeLock({ pid: deadPid(), host: hostname(), startedAt: '2026-01-01T00:00:00Z' })
    // Different pids, as different processes would have; all see the same stale lock.
    const tries = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        acquireSessionLock(dir, { pid: 50_000 + i, isAlive: (pid) => pid >= 50_000 }),
      ),
    )
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(1)
    expect(tries.filter((t) => t.status === 'rejected' && t.reason instanceof SessionLockedError)).toHaveLength(7)
  })
})
