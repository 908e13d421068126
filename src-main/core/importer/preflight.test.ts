import { describe, expect, it } from 'vitest'
import { FakeMediaLibrary } from '../../test-support/fake-media-library'
import { preflightLookup } from './preflight'

const seedEntry = (id: string, externalId: string) => ({
  id,
  mediaType: 'file',
  systemName: 'dam',
  externalId,
  asset: { key: `${id}.pdf`, url: `http://s3/${id}.pdf`, size: 1, mimeType: 'application/pdf', filename: `${id}.pdf` },
  metadata: {},
})

describe('preflightLookup', () => {
  it('finds the externalIds the library holds, asking each pair once, many per request', async () => {
    const library = new FakeMediaLibrary()
    library.seed(seedEntry('old-1', 'a'))
    library.seed(seedEntry('old-2', 'b'))
    const found = await preflightLookup(
      library,
      [{ externalId: 'a' }, { externalId: 'a' }, { externalId: 'c' }, { externalId: 'b', systemName: 'other' }, {}],
      { defaultSystemName: 'dam' },
    )
    expect(found.map((e) => e.id)).toEqual(['old-1'])
    // One request per systemName: dam (a, c) and other (b).
    expect(library.lookups).toBe(2)
  })

  it('retries a failed lookup', async () => {
    const library = new FakeMediaLibrary()
    library.seed(seedEntry('old-1', 'a'))
    library.lookupFaults.push({ kind: 'server', status: 503 })
    const found = await preflightLookup(library, [{ externalId: 'a', systemName: 'dam' }], {
      rules: { sleep: async () => undefined },
    })
    expect(found.map((e) => e.id)).toEqual(['old-1'])
  })

  it('gives up on auth failures at once', async () => {
    const library = new FakeMediaLibrary()
    library.lookupFaults.push({ kind: 'auth' })
    await expect(preflightLookup(library, [{ externalId: 'a', systemName: 'dam' }])).rejects.toMatchObject({
      kind: 'auth',
    })
  })
})
