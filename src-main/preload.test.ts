/**
 * The preload against a stand-in for Electron's contextBridge/ipcRenderer/webUtils: the bridge it
 * exposes has one method per contract command on its own channel, and nothing generic.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { commandNames, droppedPathChannel, eventChannel, ipcChannel } from './contract'
import type { MediaImportBridge } from './contract'

type Listener = (event: unknown, payload: unknown) => void
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as Array<{ channel: string; args: unknown[] }>,
  listeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      electron.invoked.push({ channel, args })
      return Promise.resolve({ ok: true, value: channel })
    },
    on: (channel: string, fn: Listener) => {
      const set = electron.listeners.get(channel) ?? new Set()
      set.add(fn)
      electron.listeners.set(channel, set)
    },
    removeListener: (channel: string, fn: Listener) => electron.listeners.get(channel)?.delete(fn),
  },
  // A File the page made itself has no path; our stand-in marks those by name.
  webUtils: {
    getPathForFile: (file: { name: string }) => (file.name.startsWith('made-') ? '' : `/dropped/${file.name}`),
  },
}))

let bridge: MediaImportBridge
beforeAll(async () => {
  await import('./preload')
  bridge = electron.exposed.get('mediaImport') as MediaImportBridge
})

describe('window.mediaImport', () => {
  it('is the only thing exposed, with exactly the contract commands plus on and pathForFile', () => {
    expect([...electron.exposed.keys()]).toEqual(['mediaImport'])
    expect(Object.keys(bridge).sort()).toEqual([...commandNames, 'on', 'pathForFile'].sort())
    expect(bridge).not.toHaveProperty('invoke')
    expect(bridge).not.toHaveProperty('send')
  })

  it.each(commandNames)('%s invokes its own channel with one argument', async (name) => {
    electron.invoked.length = 0
    const method = bridge[name] as (arg?: unknown, extra?: unknown) => Promise<unknown>
    await expect(method({ probe: name }, 'ignored extra')).resolves.toEqual({ ok: true, value: ipcChannel(name) })
    expect(electron.invoked).toEqual([{ channel: ipcChannel(name), args: [{ probe: name }] }])
  })

  it('delivers only the payload of a contract event, and unsubscribes', () => {
    const received: unknown[] = []
    const off = bridge.on('sessionPatch', (patch) => received.push(patch))
    const channel = eventChannel('sessionPatch')
    for (const fn of electron.listeners.get(channel) ?? [])
      fn({ sender: 'ipc internals' }, { upsert: [], remove: ['x'] })
    expect(received).toEqual([{ upsert: [], remove: ['x'] }])
    off()
    expect(electron.listeners.get(channel)?.size).toBe(0)
  })

  it('refuses event names outside the contract and non-function listeners', () => {
    const on = bridge.on as (event: string, listener: unknown) => () => void
    expect(() => on('media-import:addPaths', () => {})).toThrow(/unknown event/)
    expect(() => on('__proto__', () => {})).toThrow(/unknown event/)
    expect(() => on('scanProgress', 'not a function')).toThrow(/must be a function/)
    expect([...electron.listeners.keys()]).not.toContain('media-import:event:media-import:addPaths')
  })

  it('resolves dropped files through webUtils', () => {
    expect(bridge.pathForFile(new File(['x'], 'photo.jpg'))).toBe('/dropped/photo.jpg')
  })

  it('tells main about each dropped file before addPaths goes out, and nothing about made-up files', async () => {
    electron.invoked.length = 0
    expect(bridge.pathForFile(new File(['x'], 'made-by-page.txt'))).toBe('')
    bridge.pathForFile(new File(['x'], 'shoot'))
    await bridge.addPaths({ paths: ['/dropped/shoot'] })
    expect(electron.invoked).toEqual([
      { channel: droppedPathChannel, args: ['/dropped/shoot'] },
      { channel: ipcChannel('addPaths'), args: [{ paths: ['/dropped/shoot'] }] },
    ])
  })
})
