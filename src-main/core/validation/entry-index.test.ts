import { describe, expect, it } from 'vitest'
import type { RowEntry } from '../model/row'
import { buildEntryIndex, externalKey, IdentityIndex } from './entry-index'

const entry = (fields: Partial<RowEntry>): RowEntry => ({ metadata: {}, ...fields }) as RowEntry

describe('IdentityIndex', () => {
  it('holds what buildEntryIndex builds for the same rows', () => {
    const rows = [
      { rowId: 'a', entry: entry({ id: 'x', externalId: 'e1' }) },
      { rowId: 'b', entry: entry({ id: 'x', externalId: 'e2', systemName: 'own' }) },
      { rowId: 'c', entry: entry({ externalId: 'e1' }) },
      { rowId: 'd', entry: entry({ externalId: '  ' }) },
    ]
    const live = new IdentityIndex(() => 'wire')
    for (const { rowId, entry: e } of rows) live.set(rowId, e)
    expect(live.index).toEqual(buildEntryIndex(rows, { defaultSystemName: 'wire' }))
    expect(live.index.externalIds.get(externalKey('wire', 'e1'))).toEqual(['a', 'c'])
  })

  it('answers the rows that shared an old or a new key with the changed row', () => {
    const live = new IdentityIndex(() => 'wire')
    live.set('a', entry({ id: 'x' }))
    live.set('b', entry({ id: 'x' }))
    live.set('c', entry({ id: 'y', externalId: 'e' }))
    expect(live.set('a', entry({ id: 'y' }))).toEqual(['b', 'c'])
    expect(live.index.ids.get('x')).toEqual(['b'])
    expect(live.set('a', entry({ id: 'y' }))).toEqual([])
    expect(live.set('c', undefined)).toEqual(['a'])
    expect(live.index.ids.get('y')).toEqual(['a'])
    expect(live.index.externalIds.size).toBe(0)
  })
})
