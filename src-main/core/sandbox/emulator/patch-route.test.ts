import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestEmulator } from './testing'
import { call, imageEntry, importResults, imageAsset, startTestEmulator } from './testing'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
  await importResults(emu, [imageEntry('p1'), imageEntry('p2'), imageEntry('p3')])
})
afterAll(async () => {
  await emu.dispose()
})

const patch = (id: string, body: unknown, options: { version?: string; token?: string } = {}): Promise<Response> =>
  call(emu, 'PATCH', `mediaLibrary/${id}`, JSON.stringify(body), options)
const stored = async (id: string): Promise<Record<string, unknown>> =>
  (await (await call(emu, 'GET', `mediaLibrary/${id}`)).json()) as Record<string, unknown>

describe('PATCH /mediaLibrary/{id}', () => {
  it('sets a metadata property, raises the version, and answers {status:200}', async () => {
    const res = await patch('p1', {
      version: 1,
      patches: [{ operation: 'setMetadataProperty', propertyName: 'title', value: 'New' }],
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 200 })
    expect(await stored('p1')).toMatchObject({ version: 2, metadata: { title: 'New' } })
  })

  it('answers the documented 409 Conflict for a stale version and changes nothing', async () => {
    const res = await patch('p1', {
      version: 1,
      patches: [{ operation: 'setMetadataProperty', propertyName: 'title', value: 'Lost' }],
    })
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual({
      status: 409,
      error: 'Conflict',
      error_details: { name: 'Conflict', message: 'Version: Expected 2 to be equal to 1' },
    })
    expect(await stored('p1')).toMatchObject({ version: 2, metadata: { title: 'New' } })
  })

  it('removes a property with null and checks values like an import (required, unknown, length)', async () => {
    const removed = await patch('p2', {
      patches: [{ operation: 'setMetadataProperty', propertyName: 'caption', value: 'c' }],
    })
    expect(removed.status).toBe(200)
    const cleared = await patch('p2', {
      patches: [{ operation: 'setMetadataProperty', propertyName: 'caption', value: null }],
    })
    expect(cleared.status).toBe(200)
    expect((await stored('p2')).metadata).toEqual({ title: 'Title of p2' })
    for (const [propertyName, value] of [
      ['title', null],
      ['nope', 'x'],
      ['title', 'x'.repeat(201)],
    ] as const) {
      const res = await patch('p2', { patches: [{ operation: 'setMetadataProperty', propertyName, value }] })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error_details: { errors: [{ metadataProperty: propertyName }] } })
    }
    expect(await stored('p2')).toMatchObject({ version: 3 })
  })

  it('answers 400 naming the patch for an unknown operation, 404 NotFound for an unknown entry', async () => {
    const unknown = await patch('p3', { patches: [{ operation: 'notExistingOperation' }] })
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({
      error_details: { 'patches.0.operation': 'No enum match for: "notExistingOperation"' },
    })
    const missing = await patch('nope', { patches: [] })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error_details: { name: 'NotFound' } })
  })

  it('replaces the asset, and keeps updatedAt with preserveUpdatedAt only from 2026-03', async () => {
    const before = await stored('p3')
    const asset = imageAsset('p3-new')
    const res = await patch('p3', { preserveUpdatedAt: true, patches: [{ operation: 'replaceAsset', value: asset }] })
    expect(res.status).toBe(200)
    expect(await stored('p3')).toMatchObject({ asset, updatedAt: before.updatedAt, version: 2 })
    const old = await patch('p3', { preserveUpdatedAt: true, patches: [] }, { version: '2026-01' })
    expect(old.status).toBe(400)
  })

  it('checks the version for replaceAsset too, and refuses a locale on it (documented for removeAsset only)', async () => {
    const before = await stored('p3')
    const stale = await patch('p3', { version: 1, patches: [{ operation: 'replaceAsset', value: imageAsset('p3-x') }] })
    expect(stale.status).toBe(409)
    const localised = await patch('p3', {
      version: before.version,
      patches: [{ operation: 'replaceAsset', locale: 'fr', value: imageAsset('p3-fr') }],
    })
    expect(localised.status).toBe(400)
    expect(await localised.json()).toMatchObject({
      error_details: { 'patches.0.locale': expect.stringMatching(/removeAsset/) },
    })
    expect(await stored('p3')).toEqual(before)
  })

  it('needs public-api:write', async () => {
    const res = await patch('p3', { patches: [] }, { token: emu.readOnlyToken })
    expect(res.status).toBe(403)
  })
})
