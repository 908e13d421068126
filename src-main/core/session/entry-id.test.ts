import { describe, expect, it } from 'vitest'
import { ENTRY_ID_RULE, newEntryId } from './entry-id'

describe('newEntryId', () => {
  it('fits the server rule and does not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newEntryId()))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(ENTRY_ID_RULE)
  })

  it('is the UUID without dashes', () => {
    expect(newEntryId(() => '0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('0f8fad5bd9cb469fa16570867728950e')
  })
})
