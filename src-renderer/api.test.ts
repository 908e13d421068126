import { describe, expect, it } from 'vitest'
import type { IpcResult, MediaImportBridge } from '../src-main/contract'
import { createApi, MediaImportError, unwrap } from './api'

function fakeBridge(answers: Partial<Record<keyof MediaImportBridge, unknown>>): MediaImportBridge {
  const commands = ['getAppInfo', 'getSnapshot', 'addPaths', 'pickPaths', 'cancelScan', 'clearRows'] as const
  const bridge: Record<string, unknown> = {
    on: () => () => undefined,
    pathForFile: () => '/abs/file',
  }
  for (const name of commands) bridge[name] = async (arg: unknown) => answers[name] ?? { ok: true, value: arg }
  return bridge as unknown as MediaImportBridge
}

describe('unwrap', () => {
  it('returns the value of a successful result', () => {
    expect(unwrap({ ok: true, value: 42 })).toBe(42)
  })

  it('throws a MediaImportError carrying code, row and field', () => {
    const result: IpcResult<number> = {
      ok: false,
      error: { code: 'invalid-value', message: 'title is required', rowId: 'r1', field: 'metadata.title' },
    }
    expect(() => unwrap(result)).toThrow(MediaImportError)
    try {
      unwrap(result)
    } catch (err) {
      expect(err).toMatchObject({
        code: 'invalid-value',
        message: 'title is required',
        rowId: 'r1',
        field: 'metadata.title',
      })
    }
  })
})

describe('createApi', () => {
  it('passes the argument through and unwraps the answer', async () => {
    const api = createApi(() => fakeBridge({}))
    await expect(api.addPaths({ paths: ['/a'] })).resolves.toEqual({ paths: ['/a'] })
  })

  it('turns an error answer into a MediaImportError', async () => {
    const bridge = fakeBridge({
      addPaths: { ok: false, error: { code: 'invalid-argument', message: 'addPaths: bad' } },
    })
    const api = createApi(() => bridge)
    await expect(api.addPaths({ paths: ['x'] })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: 'addPaths: bad',
    })
  })

  it('reports a bridge that rejects as ipc-failed, naming the command', async () => {
    const bridge = { ...fakeBridge({}), clearRows: () => Promise.reject(new Error('main went away')) }
    const api = createApi(() => bridge as MediaImportBridge)
    await expect(api.clearRows()).rejects.toMatchObject({ code: 'ipc-failed', message: 'clearRows: main went away' })
  })

  it('says clearly when the bridge is missing', async () => {
    const api = createApi(() => undefined)
    await expect(api.getAppInfo()).rejects.toMatchObject({ code: 'bridge-missing' })
    expect(() => api.on('scanProgress', () => undefined)).toThrow(/window\.mediaImport/)
  })
})
