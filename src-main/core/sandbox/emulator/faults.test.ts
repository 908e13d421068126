import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestEmulator } from './testing'
import { call, imageEntry, startTestEmulator } from './testing'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(async () => {
  await emu.dispose()
})

const importBody = (id: string) => JSON.stringify({ mediaLibraryEntries: [imageEntry(id)] })
const postImport = (id: string, init: { signal?: AbortSignal } = {}) =>
  fetch(`${emu.url}/api/2026-07/import/mediaLibrary`, {
    method: 'POST',
    headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
    body: importBody(id),
    ...init,
  })
const stored = (id: string) => emu.entries().some((e) => e.id === id)

describe('faults before processing', () => {
  it('answers 500 without storing, once', async () => {
    emu.faults.push({ status: 500 })
    const res = await postImport('f500')
    expect(res.status).toBe(500)
    expect(await res.json()).toMatchObject({ status: 500, error: 'Internal Server Error' })
    expect(stored('f500')).toBe(false)
    expect((await postImport('f500')).status).toBe(200)
    expect(stored('f500')).toBe(true)
  })

  it('answers 502 and 503 as a gateway would (HTML)', async () => {
    emu.faults.push({ status: 502 }, { status: 503 })
    const bad = await postImport('f502')
    expect(bad.status).toBe(502)
    expect(bad.headers.get('content-type')).toBe('text/html')
    expect(await bad.text()).toContain('502 Bad Gateway')
    expect((await postImport('f503')).status).toBe(503)
    expect(stored('f502') || stored('f503')).toBe(false)
  })

  it('answers 429 with Retry-After', async () => {
    emu.faults.push({ status: 429, retryAfterSeconds: 7 })
    const res = await postImport('f429')
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('7')
    expect(await res.json()).toMatchObject({ status: 429, error: 'Too Many Requests' })
    expect(stored('f429')).toBe(false)
  })

  it('drops the connection without an answer', async () => {
    emu.faults.push({ destroySocket: true })
    await expect(postImport('fdrop')).rejects.toThrow(TypeError)
    expect(stored('fdrop')).toBe(false)
  })
})

describe('faults after the batch was stored (ambiguous failures)', () => {
  it('stalls the answer: the client times out, the entry is stored', async () => {
    emu.faults.push({ delayMs: 3000 })
    await expect(postImport('fslow', { signal: AbortSignal.timeout(200) })).rejects.toThrow(/abort|timeout/i)
    expect(stored('fslow')).toBe(true)
  })

  it('stalls, then answers normally to a patient client', async () => {
    emu.faults.push({ delayMs: 300 })
    const started = Date.now()
    const res = await postImport('fpatient')
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })

  it('answers 200 with truncated JSON', async () => {
    emu.faults.push({ malformedJson: true })
    const res = await postImport('ftrunc')
    expect(res.status).toBe(200)
    await expect(res.json()).rejects.toThrow(SyntaxError)
    expect(stored('ftrunc')).toBe(true)
  })

  it('stores, then answers 500', async () => {
    emu.faults.push({ storeThenFail: 500 })
    const res = await postImport('fstorefail')
    expect(res.status).toBe(500)
    expect(stored('fstorefail')).toBe(true)
  })

  it('stores, then drops the connection', async () => {
    emu.faults.push({ destroySocket: true, afterStore: true })
    await expect(postImport('fdropafter')).rejects.toThrow(TypeError)
    expect(stored('fdropafter')).toBe(true)
  })
})

describe('fault matching and request counts', () => {
  it('applies a fault only to requests matching method and path', async () => {
    emu.faults.push({ method: 'GET', path: '/mediaLibrary/', status: 503 })
    expect((await postImport('fmatch')).status).toBe(200)
    expect(emu.faults.pending()).toBe(1)
    expect((await call(emu, 'GET', 'mediaLibrary/fmatch')).status).toBe(503)
    expect((await call(emu, 'GET', 'mediaLibrary/fmatch')).status).toBe(200)
    expect(emu.faults.pending()).toBe(0)
  })

  it('counts requests by route, faulted ones included', async () => {
    emu.requests.reset()
    emu.faults.push({ status: 500 })
    await postImport('fcount-1')
    await postImport('fcount-2')
    await call(emu, 'GET', 'mediaLibrary/fcount-2')
    await call(emu, 'GET', 'nope')
    expect(emu.requests.snapshot()).toEqual({
      'POST import/mediaLibrary': 2,
      'GET mediaLibrary/:id': 1,
      'GET (unknown route)': 1,
    })
    expect(emu.requests.count('POST import/mediaLibrary')).toBe(2)
  })
})
