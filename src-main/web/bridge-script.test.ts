/**
 * The browser bridge runs in the page; here it runs in a bare VM context with the page's globals
 * faked (window, fetch, EventSource), to hold its shape to the preload's and its requests to the
 * server's rules. The real browser runs it in e2e/browser/ui-command.spec.ts.
 */
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { commandNames, eventNames } from '../contract'
import { ANSWER_EVENT, bridgeScript, DROP_REFUSAL, READY_EVENT, SERVER_GONE, TEST_HOOKS_GLOBAL } from './bridge-script'

type Listener = (message: { data: string }) => void

function load(fetchImpl: (url: string, init: RequestInit) => Promise<unknown>, options: { testHooks?: boolean } = {}) {
  const sources: Array<{ url: string; listeners: Map<string, Listener> }> = []
  class FakeEventSource {
    readonly listeners = new Map<string, Listener>()
    constructor(readonly url: string) {
      sources.push(this)
    }
    addEventListener(name: string, listener: Listener) {
      this.listeners.set(name, listener)
    }
  }
  const window: Record<string, unknown> = {}
  runInNewContext(bridgeScript('tok', 'x-media-import-token', options), {
    window,
    File,
    fetch: fetchImpl,
    EventSource: FakeEventSource,
    setTimeout,
    JSON,
    crypto: globalThis.crypto,
  })
  const bridge = window.mediaImport as Record<string, (...args: unknown[]) => unknown>
  const fire = (name: string, data: unknown) => sources[0]!.listeners.get(name)!({ data: JSON.stringify(data) })
  return { bridge, sources, fire, window }
}

describe('the browser bridge (window.mediaImport)', () => {
  it("has the preload's shape: one method per command, on and pathForFile, frozen", () => {
    const { bridge } = load(async () => ({}))
    expect(Object.keys(bridge).sort()).toEqual([...commandNames, 'on', 'pathForFile'].sort())
    expect(Object.isFrozen(bridge)).toBe(true)
  })

  it('posts each command as JSON with the token in a header, once the event stream is open', async () => {
    const calls: Array<[string, RequestInit]> = []
    const { bridge, sources, fire } = load(async (url, init) => {
      calls.push([url, init])
      return { ok: true, json: async () => ({ ok: true, value: 'answer' }) }
    })
    expect(sources[0]!.url).toMatch(/^\/__mi\/events\?stream=[0-9a-f]{32}$/)
    const answer = bridge.addPaths!({ paths: ['/photos'] }, 'ignored second argument')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(calls).toHaveLength(0)
    fire(READY_EVENT, {})
    expect(await answer).toEqual({ ok: true, value: 'answer' })
    const [url, init] = calls[0]!
    expect(url).toBe('/__mi/command/addPaths')
    expect(init).toMatchObject({
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'x-media-import-token': 'tok',
        'x-media-import-stream': sources[0]!.url.split('=')[1],
        'x-media-import-call': '1',
      },
      body: '{"paths":["/photos"]}',
    })
    await bridge.getAppInfo!()
    expect(calls[1]![1].body).toBe('')
  })

  it('takes each answer the server put on the event stream (202) for the call it answers', async () => {
    const { bridge, fire } = load(async () => ({ status: 202, ok: true }))
    fire(READY_EVENT, {})
    const first = bridge.getSnapshot!() as Promise<unknown>
    const second = bridge.getAppInfo!() as Promise<unknown>
    await new Promise((resolve) => setTimeout(resolve, 10))
    fire(ANSWER_EVENT, { call: 2, answer: { ok: true, value: 'info' } })
    fire(ANSWER_EVENT, { call: 1, answer: { ok: true, value: 'rows' } })
    expect(await first).toEqual({ ok: true, value: 'rows' })
    expect(await second).toEqual({ ok: true, value: 'info' })
  })

  it('reloads the page (workspaceChanged) when the stream opens again, since events may have been missed', async () => {
    const { bridge, fire } = load(async () => ({
      ok: true,
      json: async () => ({ ok: true, value: { profileName: 'Sandbox' } }),
    }))
    const reloads: unknown[] = []
    bridge.on!('workspaceChanged', (info: unknown) => reloads.push(info))
    fire(READY_EVENT, {})
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(reloads).toEqual([])
    fire(READY_EVENT, {})
    await expect.poll(() => reloads).toEqual([{ profileName: 'Sandbox' }])
  })

  it('says in a sentence when the server is gone', async () => {
    const { bridge, fire } = load(async () => {
      throw new TypeError('Failed to fetch')
    })
    fire(READY_EVENT, {})
    await expect(bridge.getAppInfo!()).rejects.toThrow(SERVER_GONE)
  })

  it('delivers contract events to their listeners until unsubscribed, and refuses others', () => {
    const { bridge, fire } = load(async () => ({}))
    const got: unknown[] = []
    const off = bridge.on!(eventNames[0], (payload: unknown) => got.push(payload)) as () => void
    fire(eventNames[0], { n: 1 })
    off()
    fire(eventNames[0], { n: 2 })
    expect(got).toEqual([{ n: 1 }])
    expect(() => bridge.on!('nope', () => undefined)).toThrow(/unknown event 'nope'/)
    expect(() => bridge.on!(eventNames[0], 'not a function')).toThrow(/must be a function/)
  })

  it('refuses to resolve dropped files, saying what to do instead', () => {
    const { bridge } = load(async () => ({}))
    expect(() => bridge.pathForFile!({ name: 'a.jpg' })).toThrow(DROP_REFUSAL)
  })

  it('has no test hook unless the server was started for the e2e harness', () => {
    const { bridge, window } = load(async () => ({}))
    expect(window[TEST_HOOKS_GLOBAL]).toBeUndefined()
    expect(() => bridge.pathForFile!(new File([], 'a.jpg'))).toThrow(DROP_REFUSAL)
  })

  it("with the e2e harness's hook, maps a dropped File's name to the path a test registered, as webUtils does", () => {
    const { bridge, window } = load(async () => ({}), { testHooks: true })
    const hooks = window[TEST_HOOKS_GLOBAL] as { setDropPaths(entries: Array<[string, string]>): void }
    hooks.setDropPaths([['a.jpg', '/shoot/a.jpg']])
    expect(bridge.pathForFile!(new File([], 'a.jpg'))).toBe('/shoot/a.jpg')
    expect(bridge.pathForFile!(new File([], 'other.jpg'))).toBe('')
    expect(bridge.pathForFile!({ name: 'a.jpg' })).toBe('')
  })
})
