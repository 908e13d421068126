/**
 * ipc.ts against a stand-in for Electron's ipcMain/BrowserWindow (the binary cannot run here) and
 * the real core: sender checks, schema validation, and event delivery only to a ready renderer.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { commandNames, droppedPathChannel, eventChannel, ipcChannel } from '../contract'
import type { IpcResult, ScanProgress } from '../contract'
import { AllowedPaths, confineToAllowed } from '../core/commands/allowed-paths'
import { createAppCore } from '../core/commands/handlers'
import type { Handlers } from '../core/commands/handlers'

type Listener = (...args: unknown[]) => unknown
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, arg: unknown) => Promise<unknown>>(),
  windowOf: new Map<unknown, unknown>(),
}))

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, arg: unknown) => Promise<unknown>) =>
      electron.handlers.set(channel, fn),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
  BrowserWindow: { fromWebContents: (contents: unknown) => electron.windowOf.get(contents) ?? null },
}))

const { createMainWindowIpc } = await import('./ipc')

function fakeWindow(url = 'app://renderer/index.html') {
  const sent: Array<[string, unknown]> = []
  const listeners = new Map<string, Listener>()
  let destroyed = false
  const contents = {
    isDestroyed: () => destroyed,
    send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    on: (name: string, fn: Listener) => listeners.set(name, fn),
  }
  const window = { isDestroyed: () => destroyed, webContents: contents }
  electron.windowOf.set(contents, window)
  const frame = { url, parent: null as unknown }
  return { window, contents, sent, listeners, frame, close: () => (destroyed = true) }
}

type FakeWindow = ReturnType<typeof fakeWindow>
const eventFrom = (w: FakeWindow, frame: unknown = w.frame) => ({ sender: w.contents, senderFrame: frame })

async function call(channel: string, event: unknown, arg?: unknown): Promise<IpcResult<unknown>> {
  const handler = electron.handlers.get(channel)
  if (!handler) throw new Error(`no handler on ${channel}`)
  return (await handler(event, arg)) as IpcResult<unknown>
}

let main: FakeWindow | null
let setup: ReturnType<typeof createMainWindowIpc>
let allowed: AllowedPaths
const spyHandlers = () =>
  Object.fromEntries(commandNames.map((n) => [n, vi.fn(async () => `ran ${n}`)])) as unknown as Handlers

beforeEach(() => {
  electron.handlers.clear()
  main = fakeWindow()
  allowed = new AllowedPaths()
  setup = createMainWindowIpc({ rendererOrigin: 'app://renderer', mainWindow: () => main?.window as never, allowed })
  setup.watch(main.window as never)
})

describe('registration', () => {
  it('puts every contract command on its own channel, and removes them all again', () => {
    const stop = setup.serve(spyHandlers())
    expect([...electron.handlers.keys()].sort()).toEqual([...commandNames.map(ipcChannel), droppedPathChannel].sort())
    stop()
    expect(electron.handlers.size).toBe(0)
  })
})

describe('sender checks', () => {
  it('runs the command for our renderer, after validating the payload', async () => {
    const handlers = spyHandlers()
    setup.serve(handlers)
    const w = main as FakeWindow
    await expect(call(ipcChannel('cancelScan'), eventFrom(w), { scanId: 's1' })).resolves.toEqual({
      ok: true,
      value: 'ran cancelScan',
    })
    const invalid = await call(ipcChannel('cancelScan'), eventFrom(w), { scanId: 42 })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(handlers.cancelScan).toHaveBeenCalledTimes(1)
  })

  const refusedCases: Array<[string, () => unknown]> = [
    ['another window', () => eventFrom(fakeWindow())],
    [
      'a webContents without a window',
      () => ({ sender: {}, senderFrame: { url: 'app://renderer/index.html', parent: null } }),
    ],
    [
      'a sub-frame of our window',
      () => eventFrom(main as FakeWindow, { url: 'app://renderer/index.html', parent: {} }),
    ],
    ['a disposed frame', () => eventFrom(main as FakeWindow, null)],
    ['a file:// page in our window', () => eventFrom(main as FakeWindow, { url: 'file:///tmp/x.html', parent: null })],
    ['devtools', () => eventFrom(main as FakeWindow, { url: 'devtools://devtools/bundled/x.html', parent: null })],
    ['a remote page', () => eventFrom(main as FakeWindow, { url: 'https://evil.example/', parent: null })],
    ['a data: page', () => eventFrom(main as FakeWindow, { url: 'data:text/html,x', parent: null })],
  ]

  it.each(refusedCases)('refuses %s without running anything or logging the payload', async (_label, makeEvent) => {
    const handlers = spyHandlers()
    setup.serve(handlers)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const result = await call(ipcChannel('addPaths'), makeEvent(), { paths: ['/home/ed/secret-folder'] })
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(handlers.addPaths).not.toHaveBeenCalled()
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toContain("refused 'addPaths'")
    expect(String(warn.mock.calls[0]?.[0])).not.toContain('secret-folder')
    warn.mockRestore()
  })

  it('refuses everything once the main window is closed', async () => {
    setup.serve(spyHandlers())
    const w = main as FakeWindow
    w.close()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(await call(ipcChannel('getSnapshot'), eventFrom(w))).toMatchObject({ ok: false })
    vi.restoreAllMocks()
  })
})

describe('dropped paths reported by the preload', () => {
  it('are remembered from our renderer, absolute and of sane size only', async () => {
    setup.serve(spyHandlers())
    const w = main as FakeWindow
    expect(await call(droppedPathChannel, eventFrom(w), '/media/drop')).toBe(true)
    for (const bad of ['relative/x', 42, 'x'.repeat(5000), undefined]) {
      expect(await call(droppedPathChannel, eventFrom(w), bad)).toBe(false)
    }
    expect(allowed.list()).toEqual(['/media/drop'])
  })

  it('are refused from anywhere else', async () => {
    setup.serve(spyHandlers())
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const foreign = eventFrom(main as FakeWindow, { url: 'https://evil.example/', parent: null })
    expect(await call(droppedPathChannel, foreign, '/home/ed/.ssh')).toBe(false)
    expect(await call(droppedPathChannel, eventFrom(fakeWindow()), '/home/ed/.ssh')).toBe(false)
    expect(allowed.list()).toEqual([])
    warn.mockRestore()
  })
})

describe('events', () => {
  it('reach the main window only after its renderer has sent a command', async () => {
    setup.serve(spyHandlers())
    const w = main as FakeWindow
    setup.emit('sessionPatch', { upsert: [], remove: ['early'] })
    expect(w.sent).toEqual([])
    await call(ipcChannel('getSnapshot'), eventFrom(w))
    setup.emit('sessionPatch', { upsert: [], remove: ['r1'] })
    expect(w.sent).toEqual([[eventChannel('sessionPatch'), { upsert: [], remove: ['r1'] }]])
  })

  it('stop on a reload until the new page asks again; same-document navigation keeps them', async () => {
    setup.serve(spyHandlers())
    const w = main as FakeWindow
    await call(ipcChannel('getSnapshot'), eventFrom(w))
    const navigate = w.listeners.get('did-start-navigation')
    navigate?.({ isMainFrame: true, isSameDocument: true })
    setup.emit('sessionPatch', { upsert: [], remove: ['a'] })
    navigate?.({ isMainFrame: true, isSameDocument: false })
    setup.emit('sessionPatch', { upsert: [], remove: ['b'] })
    expect(w.sent.map(([, p]) => p)).toEqual([{ upsert: [], remove: ['a'] }])
  })

  it('are dropped quietly when the window is gone', async () => {
    setup.serve(spyHandlers())
    const w = main as FakeWindow
    await call(ipcChannel('getSnapshot'), eventFrom(w))
    main = null
    expect(() => setup.emit('sessionPatch', { upsert: [], remove: [] })).not.toThrow()
    expect(w.sent).toEqual([])
  })
})

describe('with the real core', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipc-core-'))
    await writeFile(join(dir, 'a.txt'), 'hello')
    await writeFile(join(dir, 'b.txt'), 'world')
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('scans dropped paths and streams progress and rows to the ready renderer', async () => {
    const core = createAppCore({
      appInfo: () => ({ version: '0', mode: 'sandbox', profileName: 'Sandbox', livingdocsUrl: 'http://127.0.0.1:1' }),
      pickPaths: async () => [],
      emit: setup.emit,
    })
    setup.serve(confineToAllowed(core.handlers, allowed))
    const w = main as FakeWindow
    const info = await call(ipcChannel('getAppInfo'), eventFrom(w))
    expect(info).toMatchObject({ ok: true, value: { mode: 'sandbox' } })
    // Not dropped yet: refused, nothing scanned.
    const early = await call(ipcChannel('addPaths'), eventFrom(w), { paths: [dir] })
    expect(early).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } })
    await call(droppedPathChannel, eventFrom(w), dir)
    const started = await call(ipcChannel('addPaths'), eventFrom(w), { paths: [dir] })
    expect(started.ok).toBe(true)
    await vi.waitFor(() => {
      const progress = w.sent.filter(([ch]) => ch === eventChannel('scanProgress')).map(([, p]) => p as ScanProgress)
      expect(progress.at(-1)).toMatchObject({ state: 'done', files: 2 })
    })
    const snapshot = await call(ipcChannel('getSnapshot'), eventFrom(w))
    expect(snapshot.ok && (snapshot.value as { rows: unknown[] }).rows).toHaveLength(2)
    core.dispose()
  })
})
