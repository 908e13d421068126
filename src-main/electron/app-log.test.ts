import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { appLogDir, logRevealer, openAppLog } from './app-log'

describe('openAppLog', () => {
  let userData: string
  beforeAll(async () => {
    userData = await mkdtemp(join(tmpdir(), 'app-log-'))
  })
  afterAll(async () => {
    await rm(userData, { recursive: true, force: true })
  })

  it('mirrors console warnings into <userData>/logs, redacted, and restores the console on close', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const log = openAppLog(userData, { app: 'test' })
    log.redactor.addSecret('profile-token-0042')
    console.warn('[ipc] refused %s with Bearer abc and profile-token-0042', 'getAppInfo')
    log.logger.info('app.start', { version: '1.0.0' })
    log.close()
    console.warn('after close')
    warn.mockRestore()

    expect(console.warn).not.toBe(warn)
    const files = await readdir(appLogDir(userData))
    expect(files).toHaveLength(1)
    const lines = (await readFile(join(appLogDir(userData), files[0] ?? ''), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({ app: 'test', level: 'warn', event: 'console' })
    expect(lines[0]?.message).toBe('[ipc] refused getAppInfo with Bearer [redacted] and [redacted]')
    expect(lines[1]).toMatchObject({ event: 'app.start', version: '1.0.0' })
  })

  it("reveals today's file when there is one, the folder otherwise, and reports a failure", async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'app-log-reveal-'))
    const log = openAppLog(fresh, {})
    const shell = { showItemInFolder: vi.fn(), openPath: vi.fn(async () => '') }
    expect(await logRevealer(log, shell)()).toBe(appLogDir(fresh))
    expect(shell.openPath).toHaveBeenCalledWith(appLogDir(fresh))
    log.logger.info('x')
    await logRevealer(log, shell)()
    expect(shell.showItemInFolder).toHaveBeenCalledWith(log.file.currentFile)
    log.close()
    await rm(log.file.currentFile)
    const failing = { showItemInFolder: vi.fn(), openPath: vi.fn(async () => 'No application') }
    await expect(logRevealer(log, failing)()).rejects.toThrow('No application')
    await rm(fresh, { recursive: true, force: true })
  })
})
