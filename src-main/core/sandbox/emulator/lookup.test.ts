import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestEmulator } from './testing'
import { call, fileEntry, imageEntry, importResults, startTestEmulator } from './testing'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
  await importResults(emu, [
    imageEntry('look-1', { systemName: 'archive', externalId: 'A-1' }),
    fileEntry('look-2', { systemName: 'archive', externalId: 'A-2' }),
    imageEntry('look-3'),
  ])
})
afterAll(async () => {
  await emu.dispose()
})

const get = async (path: string, version = '2026-07', token?: string) => {
  const res = await call(emu, 'GET', path, undefined, token === undefined ? { version } : { version, token })
  return { status: res.status, body: (await res.json()) as unknown }
}
const ids = (list: unknown) => (list as { id: string }[]).map((e) => e.id)

describe('GET mediaLibrary/{id}', () => {
  it('answers the stored entry, also to the read-only token', async () => {
    const { status, body } = await get('mediaLibrary/look-2', '2026-07', emu.readOnlyToken)
    expect(status).toBe(200)
    expect(body).toMatchObject({
      id: 'look-2',
      mediaType: 'file',
      systemName: 'archive',
      externalId: 'A-2',
      version: 1,
    })
  })

  it('answers the documented 404 for an unknown id', async () => {
    expect(await get('mediaLibrary/missing-1')).toEqual({
      status: 404,
      body: {
        status: 404,
        error: 'Not Found',
        error_details: { name: 'NotFound', message: "MediaLibrary Entry does not exist (id: 'missing-1')" },
      },
    })
  })
})

describe('GET mediaLibrary?ids= and ?systemName=&externalId=', () => {
  it('answers the found entries in the order asked, leaving out unknown ids', async () => {
    const { status, body } = await get('mediaLibrary?ids=look-3,nope,look-1')
    expect(status).toBe(200)
    expect(ids((body as { results: unknown }).results)).toEqual(['look-3', 'look-1'])
  })

  it('finds by systemName + externalId (and the OpenAPI spelling externalIds)', async () => {
    const one = await get('mediaLibrary?systemName=archive&externalId=A-2')
    expect(ids((one.body as { results: unknown }).results)).toEqual(['look-2'])
    const plural = await get('mediaLibrary?systemName=archive&externalIds=A-1,A-2')
    expect(ids((plural.body as { results: unknown }).results)).toEqual(['look-1', 'look-2'])
    const otherSystem = await get('mediaLibrary?systemName=elsewhere&externalId=A-2')
    expect((otherSystem.body as { results: unknown[] }).results).toEqual([])
  })

  it('takes many externalIds per request in either spelling, leaving out the unknown ones', async () => {
    const asked = ['A-2', ...Array.from({ length: 48 }, (_, i) => `sha256-${i}`), 'A-1']
    const singular = await get(`mediaLibrary?systemName=archive&externalId=${asked.join(',')}`)
    expect(ids((singular.body as { results: unknown }).results)).toEqual(['look-2', 'look-1'])
    const plural = await get(`mediaLibrary?systemName=archive&externalIds=${asked.join(',')}`)
    expect(ids((plural.body as { results: unknown }).results)).toEqual(['look-2', 'look-1'])
  })

  it('wraps by version: mediaLibraryEntries or a bare array up to 2025-11', async () => {
    const legacy = await get('mediaLibrary?ids=look-1', '2025-11')
    expect(ids((legacy.body as { mediaLibraryEntries: unknown }).mediaLibraryEntries)).toEqual(['look-1'])
    emu.setLegacyShape('bare-array')
    try {
      expect(ids((await get('mediaLibrary?ids=look-1', 'v1')).body)).toEqual(['look-1'])
    } finally {
      emu.setLegacyShape('wrapped')
    }
  })

  it('answers 400 without ids or systemName + externalId', async () => {
    for (const query of [
      'mediaLibrary',
      'mediaLibrary?externalId=A-1',
      'mediaLibrary?ids=look-1&systemName=archive&externalId=A-1',
    ]) {
      const { status, body } = await get(query)
      expect(status).toBe(400)
      expect(body).toMatchObject({ status: 400, error: 'Bad Request', error_details: { message: expect.any(String) } })
    }
  })
})
