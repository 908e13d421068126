import { describe, expect, it } from 'vitest'
import type { IpcResult, MediaImportBridge } from '../src-main/contract'
import { commandNames } from '../src-shared/contract/names'
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

  it('has a method for every command of the contract, sending that command with its argument', async () => {
    const sent: [string, unknown][] = []
    const bridge = Object.fromEntries(
      commandNames.map((name) => [
        name,
        async (arg: unknown) => {
          sent.push([name, arg])
          return { ok: true, value: name }
        },
      ]),
    ) as unknown as MediaImportBridge
    const api = createApi(() => bridge) as unknown as Record<string, (arg: unknown) => Promise<unknown>>
    for (const name of commandNames) {
      expect(typeof api[name], name).toBe('function')
      await expect(api[name]!({ from: name })).resolves.toBe(name)
    }
    expect(sent).toEqual(commandNames.map((name) => [name, { from: name }]))
  })

  it('says clearly when the bridge is missing', async () => {
    const api = createApi(() => undefined)
    await expect(api.getAppInfo()).rejects.toMatchObject({ code: 'bridge-missing' })
    expect(() => api.on('scanProgress', () => undefined)).toThrow(/window\.mediaImport/)
  })

  describe('holdUntil', () => {
    function recordingBridge(sent: string[]): MediaImportBridge {
      const bridge = fakeBridge({}) as unknown as Record<string, unknown>
      for (const name of ['addPaths', 'clearRows', 'cancelScan']) {
        bridge[name] = async (arg: unknown) => {
          sent.push(name)
          return { ok: true, value: arg }
        }
      }
      return bridge as unknown as MediaImportBridge
    }

    it('sends nothing until the paint, then every held command in the order it was made', async () => {
      const sent: string[] = []
      const api = createApi(() => recordingBridge(sent))
      let paint = (): void => undefined
      api.holdUntil(new Promise<void>((resolve) => (paint = resolve)))
      const first = api.addPaths({ paths: ['/a'] })
      const second = api.clearRows()
      const third = api.cancelScan({ scanId: 's' })
      await new Promise((resolve) => setTimeout(resolve, 5))
      expect(sent).toEqual([])
      paint()
      await Promise.all([first, second, third])
      expect(sent).toEqual(['addPaths', 'clearRows', 'cancelScan'])
    })

    it('holds a command for every hold made before it, and sends at once when nothing is held', async () => {
      const sent: string[] = []
      const api = createApi(() => recordingBridge(sent))
      let paintA = (): void => undefined
      let paintB = (): void => undefined
      api.holdUntil(new Promise<void>((resolve) => (paintA = resolve)))
      const a = api.addPaths({ paths: ['/a'] })
      api.holdUntil(new Promise<void>((resolve) => (paintB = resolve)))
      const b = api.clearRows()
      paintA()
      await new Promise((resolve) => setTimeout(resolve, 5))
      expect(sent).toEqual(['addPaths'])
      paintB()
      await Promise.all([a, b])
      expect(sent).toEqual(['addPaths', 'clearRows'])
      await api.cancelScan({ scanId: 's' })
      expect(sent).toEqual(['addPaths', 'clearRows', 'cancelScan'])
    })

    it('releases the commands when the paint it waits for fails', async () => {
      const sent: string[] = []
      const api = createApi(() => recordingBridge(sent))
      api.holdUntil(Promise.reject(new Error('no frame')))
      await api.clearRows()
      expect(sent).toEqual(['clearRows'])
    })
  })
})
