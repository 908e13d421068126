/**
 * index.ts wired against a recording stand-in for Electron (the binary cannot run here) and the
 * real Sandbox: what runs before `ready`, what the window and IPC get once ready, and that quitting
 * waits for the Sandbox servers to close.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { commandNames, droppedPathChannel, ipcChannel } from '../contract'
import type { AppInfo, IpcResult } from '../contract'
import { E2E_USER_DATA_ENV } from './launch-config'
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from './security-policy'

type Fn = (...args: never[]) => unknown

const fake = vi.hoisted(() => {
  const calls: string[] = []
  const appListeners = new Map<string, Fn>()
  const windows: Array<{ options: unknown; loaded: string[]; webContents: unknown; listeners: Map<string, Fn> }> = []
  let markReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const paths = new Map<string, string>()
  return {
    calls,
    appListeners,
    windows,
    ready,
    markReady: () => markReady(),
    paths,
    ipcHandlers: new Map<string, Fn>(),
    protocolHandlers: new Map<string, Fn>(),
    privileged: [] as unknown[],
    exitCode: null as number | null,
    exited: null as Promise<void> | null,
  }
})

vi.mock('electron', () => {
  class BrowserWindow {
    static all: BrowserWindow[] = []
    static getAllWindows = () => BrowserWindow.all
    static fromWebContents = (contents: unknown) => BrowserWindow.all.find((w) => w.webContents === contents) ?? null
    readonly listeners = new Map<string, Fn>()
    readonly loaded: string[] = []
    readonly webContents = {
      mainFrame: { url: 'app://renderer/index.html', parent: null },
      on: () => undefined,
      isDestroyed: () => false,
      send: () => undefined,
    }
    constructor(readonly options: unknown) {
      fake.calls.push('new BrowserWindow')
      BrowserWindow.all.push(this)
      fake.windows.push(this)
    }
    once = (event: string, fn: Fn) => this.listeners.set(event, fn)
    on = (event: string, fn: Fn) => this.listeners.set(event, fn)
    isDestroyed = () => false
    loadURL = async (url: string) => {
      this.loaded.push(url)
    }
  }
  let resolveExit: () => void = () => {}
  fake.exited = new Promise<void>((resolve) => (resolveExit = resolve))
  return {
    app: {
      isPackaged: false,
      setPath: (name: string, value: string) => fake.paths.set(name, value),
      getPath: (name: string) => fake.paths.get(name) ?? `/nonexistent/${name}`,
      getVersion: () => '9.9.9-test',
      enableSandbox: () => fake.calls.push('enableSandbox'),
      requestSingleInstanceLock: () => (fake.calls.push('requestSingleInstanceLock'), true),
      whenReady: () => fake.ready,
      on: (event: string, fn: Fn) => fake.appListeners.set(event, fn),
      quit: () => fake.calls.push('quit'),
      exit: (code: number) => {
        fake.exitCode = code
        resolveExit()
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        fake.calls.push('registerSchemesAsPrivileged')
        fake.privileged.push(...schemes)
      },
      handle: (scheme: string, fn: Fn) => fake.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => fake.calls.push('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => fake.calls.push('setPermissionCheckHandler'),
        setDevicePermissionHandler: () => undefined,
        webRequest: { onBeforeRequest: () => fake.calls.push('onBeforeRequest') },
      },
    },
    ipcMain: {
      handle: (channel: string, fn: Fn) => fake.ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
    },
    dialog: {
      showOpenDialog: vi.fn(),
      showErrorBox: (...args: unknown[]) => fake.calls.push(`showErrorBox ${String(args[1])}`),
    },
    shell: { openExternal: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
      decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString('utf8'),
    },
    BrowserWindow,
  }
})

let userData: string

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'electron-index-'))
  vi.stubEnv(E2E_USER_DATA_ENV, userData)
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
  await import('./index')
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await rm(userData, { recursive: true, force: true })
})

describe('the Electron entry', () => {
  it('sandboxes renderers and registers app:// before ready, in its own user-data folder', () => {
    expect(fake.paths.get('userData')).toBe(userData)
    expect(fake.calls).toEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'requestSingleInstanceLock'])
    expect(fake.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
      expect.objectContaining({ scheme: 'media-thumb', privileges: { standard: true, secure: true } }),
      expect.objectContaining({
        scheme: 'media-file',
        privileges: { standard: true, secure: true, stream: true, corsEnabled: true },
      }),
    ])
  })

  it('once ready: guards, the Sandbox, IPC for every command, then one secure window on app://', async () => {
    fake.markReady()
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 20_000 })
    const window = fake.windows[0]!
    expect(window.loaded).toEqual(['app://renderer/index.html'])
    const options = window.options as { show: boolean; webPreferences: { preload: string } }
    expect(options.show).toBe(false)
    expect(options.webPreferences).toEqual(secureWebPreferences(options.webPreferences.preload))
    expect(options.webPreferences.preload).toMatch(/preload[/\\]index\.js$/)
    expect(fake.calls.indexOf('setPermissionRequestHandler')).toBeLessThan(fake.calls.indexOf('new BrowserWindow'))
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...commandNames.map(ipcChannel), droppedPathChannel].sort())
    expect(fake.protocolHandlers.has('app')).toBe(true)
    expect(fake.protocolHandlers.has('media-thumb')).toBe(true)
    expect(fake.protocolHandlers.has('media-file')).toBe(true)
  })

  it('is connected to an import session kept in the user-data folder', async () => {
    const contents = fake.windows[0]!.webContents as { mainFrame: unknown }
    const submit = fake.ipcHandlers.get(ipcChannel('submit'))!
    const result = (await submit(...([{ sender: contents, senderFrame: contents.mainFrame }, {}] as never[]))) as {
      ok: boolean
    }
    // Without an importer the command answers `not-connected`; with one, an empty submit is fine.
    expect(result.ok).toBe(true)
    // The first start opens a new Sandbox session, a folder of its own under sessions/.
    const sessions = await readdir(join(userData, 'sessions'))
    expect(sessions).toEqual([expect.stringMatching(/-sandbox$/)])
    expect(existsSync(join(userData, 'sessions', sessions[0]!, 'session.json'))).toBe(true)
  })

  it('answers getAppInfo from the main window with the running Sandbox', async () => {
    const window = fake.windows[0]!
    const contents = window.webContents as { mainFrame: unknown }
    const handler = fake.ipcHandlers.get(ipcChannel('getAppInfo'))!
    const result = (await handler(
      ...([{ sender: contents, senderFrame: contents.mainFrame }, undefined] as never[]),
    )) as IpcResult<AppInfo>
    expect(result).toMatchObject({
      ok: true,
      value: { mode: 'sandbox', profileName: 'Sandbox', version: '9.9.9-test' },
    })
    const url = result.ok ? result.value.livingdocsUrl : ''
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)
    const response = await fetch(url)
    expect(response.status).toBeGreaterThanOrEqual(200)
    // The Sandbox keeps its data in the app's user-data folder.
    expect(existsSync(join(userData, 'sandbox', 'sandbox-profile.json'))).toBe(true)
  })

  it('scans only what the editor dropped or picked', async () => {
    const contents = fake.windows[0]!.webContents as { mainFrame: unknown }
    const event = { sender: contents, senderFrame: contents.mainFrame }
    const addPaths = fake.ipcHandlers.get(ipcChannel('addPaths'))!
    const refused = (await addPaths(...([event, { paths: [userData] }] as never[]))) as IpcResult<unknown>
    expect(refused).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } })
    expect(await fake.ipcHandlers.get(droppedPathChannel)!(...([event, userData] as never[]))).toBe(true)
    const started = (await addPaths(...([event, { paths: [userData] }] as never[]))) as IpcResult<unknown>
    expect(started.ok).toBe(true)
  })

  it('saves a profile with its token in safeStorage only; the Sandbox stays the mode', async () => {
    const contents = fake.windows[0]!.webContents as { mainFrame: unknown }
    const event = { sender: contents, senderFrame: contents.mainFrame }
    const invoke = (name: string, arg?: unknown) =>
      fake.ipcHandlers.get(ipcChannel(name as never))!(...([event, arg] as never[])) as Promise<IpcResult<unknown>>
    const profile = {
      name: 'Staging',
      livingdocs: { url: 'https://ld.example.com', apiVersion: 'auto', tokenEnv: 'STAGING_TOKEN' },
      storage: {
        region: 'eu-west-1',
        image: { bucket: 'stg-images', publicUrl: 'https://img.example.com' },
        video: { bucket: 'stg-videos', publicUrl: 'https://vid.example.com' },
        file: { bucket: 'stg-files', publicUrl: 'https://files.example.com' },
      },
      import: { systemName: 'newsroom' },
    }
    const saved = await invoke('saveProfile', { profile, secrets: { token: 'staging-token-0123456' } })
    expect(saved).toMatchObject({ ok: true, value: { hasToken: true } })
    expect(await readFile(join(userData, 'profiles.json'), 'utf8')).not.toContain('staging-token-0123456')
    expect(await readFile(join(userData, 'secrets.json'), 'utf8')).not.toContain('staging-token-0123456')
    expect(await invoke('listProfiles')).toMatchObject({
      ok: true,
      value: { profiles: [{ profile: { name: 'Staging' } }] },
    })
    expect(await invoke('getAppInfo')).toMatchObject({ ok: true, value: { mode: 'sandbox' } })
  })

  it('serves app:// with the CSP and nothing outside the renderer folder', async () => {
    const handle = fake.protocolHandlers.get('app')!
    const outside = (await handle(...([new Request('app://renderer/..%2F..%2Fpackage.json')] as never[]))) as Response
    expect(outside.status).toBe(404)
    expect(outside.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('holds the quit until the Sandbox servers are closed', async () => {
    const info = (await fake.ipcHandlers.get(ipcChannel('getAppInfo'))!(
      ...([
        { sender: fake.windows[0]!.webContents, senderFrame: { url: 'app://renderer/', parent: null } },
        undefined,
      ] as never[]),
    )) as IpcResult<AppInfo>
    const url = info.ok ? info.value.livingdocsUrl : ''
    const preventDefault = vi.fn()
    fake.appListeners.get('will-quit')!(...([{ preventDefault }] as never[]))
    expect(preventDefault).toHaveBeenCalled()
    await fake.exited
    expect(fake.exitCode).toBe(0)
    expect(fake.ipcHandlers.size).toBe(0)
    await expect(fetch(url)).rejects.toThrow()
  })

  it('logged start, the Sandbox and the quit to <userData>/logs', async () => {
    const dir = join(userData, 'logs')
    const [file] = await readdir(dir)
    const events = (await readFile(join(dir, file ?? ''), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { event: string }).event)
    expect(events).toEqual(expect.arrayContaining(['app.start', 'host.started', 'app.quit']))
  })
})
