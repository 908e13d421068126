import { describe, expect, it } from 'vitest'
import { normaliseLookupResponse } from './normalise-lookup'

const entry = {
  id: 'm-1',
  mediaType: 'image',
  systemName: 'archive',
  externalId: 'e-1',
  asset: { key: '2026/01/01/a.jpg', filename: 'a.jpg' },
  metadata: { title: 'A' },
}

describe('normaliseLookupResponse', () => {
  const expected = [
    {
      id: 'm-1',
      mediaType: 'image',
      systemName: 'archive',
      externalId: 'e-1',
      assetKey: '2026/01/01/a.jpg',
      filename: 'a.jpg',
      record: entry,
    },
  ]

  it('reads {results}, {mediaLibraryEntries}, a bare array and a single entry', () => {
    expect(normaliseLookupResponse({ results: [entry] })).toEqual(expected)
    expect(normaliseLookupResponse({ mediaLibraryEntries: [entry] })).toEqual(expected)
    expect(normaliseLookupResponse([entry])).toEqual(expected)
    expect(normaliseLookupResponse(entry)).toEqual(expected)
  })

  it('unwraps {ok, record} items and drops failures and junk', () => {
    expect(normaliseLookupResponse({ results: [{ ok: true, record: entry }, { ok: false }, 'x', { foo: 1 }] })).toEqual(
      expected,
    )
  })

  it('answers an empty list for no matches and undefined for a body that is no answer', () => {
    expect(normaliseLookupResponse({ results: [] })).toEqual([])
    expect(normaliseLookupResponse({ error: 'x' })).toBeUndefined()
  })
})
