/**
 * Only bench/grid.ts still uses this (with static-server.ts): the e2e suite talks to the core
 * through `media-import ui`'s own server and bridge (ui-harness.ts).
 *
 * The browser stand-in for the preload + main's IPC registration. Every contract command is an
 * exposed binding that calls `dispatchCommand` on the real handler table (the one main
 * registers), and an init script builds `window.mediaImport` with the preload's shape: one
 * method per command, `on`, `pathForFile`. Test-only hooks live on `window.__mi_harness`.
 */
import type { Page } from '@playwright/test'
import { commandNames, eventNames } from '../../src-main/contract'
import type { EventName, Events, IpcResult } from '../../src-main/contract'
import { dispatchCommand } from '../../src-main/core/app/dispatch'
import type { Emit, Handlers } from '../../src-main/core/app/handlers'

const BINDING_PREFIX = '__mi_'

interface BridgeConfig {
  commands: readonly string[]
  events: readonly string[]
  prefix: string
}

interface HarnessHooks {
  emit(event: string, payload: unknown): void
  setDropPaths(entries: Array<[string, string]>): void
}

declare global {
  interface Window {
    __mi_harness?: HarnessHooks
  }
}

/** Runs in the page before any of its scripts. Self-contained: Playwright serialises it. */
function installBridgeInPage({ commands, events, prefix }: BridgeConfig): void {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const dropPaths = new Map<string, string>()
  const bindings = window as unknown as Record<string, (arg: unknown) => Promise<unknown>>
  const bridge: Record<string, unknown> = {}
  // Arguments and answers cross as JSON text: Playwright walks objects value by value, which took
  // seconds for a 50,000-row snapshot; Electron's structured clone makes the same copy at once.
  for (const name of commands) {
    bridge[name] = async (arg?: unknown) => {
      const answer = await bindings[prefix + name]!(arg === undefined ? undefined : JSON.stringify(arg))
      return JSON.parse(answer as string) as unknown
    }
  }
  bridge.on = (event: string, listener: (payload: unknown) => void) => {
    // The same refusals as the preload's `on`.
    if (!events.includes(event)) throw new TypeError(`mediaImport.on: unknown event '${String(event)}'`)
    if (typeof listener !== 'function') throw new TypeError('mediaImport.on: the listener must be a function')
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set)
    set.add(listener)
    return () => set.delete(listener)
  }
  // Like webUtils.getPathForFile: '' for a File that is not backed by a file on disk.
  bridge.pathForFile = (file: File) => (file instanceof File ? (dropPaths.get(file.name) ?? '') : '')
  Object.defineProperty(window, 'mediaImport', { value: Object.freeze(bridge), enumerable: true })

  const hooks: HarnessHooks = {
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
    setDropPaths: (entries) => entries.forEach(([name, path]) => dropPaths.set(name, path)),
  }
  Object.defineProperty(window, '__mi_harness', { value: Object.freeze(hooks) })
}

export async function installBridge(page: Page, handlers: Handlers): Promise<void> {
  for (const name of commandNames) {
    await page.exposeBinding(`${BINDING_PREFIX}${name}`, async (source, raw: unknown): Promise<string> => {
      // Main's sender check: only our page's top frame may command the core.
      const answer: IpcResult<unknown> =
        source.frame !== page.mainFrame()
          ? { ok: false, error: { code: 'forbidden-sender', message: `${name}: not sent by the app's main frame` } }
          : await dispatchCommand(handlers, name, typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw)
      return JSON.stringify(answer)
    })
  }
  await page.addInitScript(installBridgeInPage, { commands: commandNames, events: eventNames, prefix: BINDING_PREFIX })
}

/**
 * An `Emit` that delivers events to the page in the order the core sent them. Like an IPC pipe,
 * it never waits for the page per event: what queues up while one delivery is in flight goes
 * over in the next one, in order. Events sent before the page has loaded are dropped, as main
 * drops them until the renderer is ready (its first snapshot already contains what they said).
 */
export function pageEmitter(page: Page, onError: (err: unknown) => void): Emit {
  // JSON strings cross much faster than Playwright's walk of a 2,000-row object; payloads are
  // plain data either way (Electron's structured clone makes the same copy).
  let pending: Array<[EventName, string]> = []
  let inFlight = false

  const deliver = (): void => {
    if (inFlight || pending.length === 0) return
    const batch = pending
    pending = []
    inFlight = true
    page
      .evaluate((events) => {
        for (const [name, json] of events) window.__mi_harness?.emit(name, JSON.parse(json))
      }, batch)
      .catch((err: unknown) => {
        if (!page.isClosed()) onError(err)
      })
      .finally(() => {
        inFlight = false
        deliver()
      })
  }

  return <E extends EventName>(event: E, payload: Events[E]) => {
    pending.push([event, JSON.stringify(payload)])
    deliver()
  }
}

/** Tells `pathForFile` which absolute path a dropped File's name stands for. */
export async function setDropPaths(page: Page, paths: ReadonlyMap<string, string>): Promise<void> {
  await page.evaluate((entries) => window.__mi_harness?.setDropPaths(entries), [...paths.entries()])
}
