import { describe, expect, it } from 'vitest'
import type { ImportItem } from '../model/livingdocs'
import { matchResults } from './match-results'

const ok = (id?: string): ImportItem => ({ outcome: 'ok', ...(id ? { id } : {}), status: 200, record: {} })

describe('matchResults', () => {
  it('matches by id regardless of order', () => {
    const { byId, missing } = matchResults(['a', 'b', 'c'], [ok('c'), ok('a'), ok('b')])
    expect([...byId.keys()].sort()).toEqual(['a', 'b', 'c'])
    expect(missing).toEqual([])
  })

  it('falls back to position for items without id', () => {
    const { byId } = matchResults(['a', 'b'], [ok(), ok()])
    expect(byId.get('a')?.id).toBe('a')
    expect(byId.get('b')?.id).toBe('b')
  })

  it('does not let a positional item take an id already matched by id', () => {
    const { byId, missing } = matchResults(['a', 'b'], [ok(), ok('a')])
    expect(byId.get('a')).toEqual(ok('a'))
    expect(missing).toEqual(['b'])
  })

  it('ignores items naming ids we did not send and reports entries left without an item', () => {
    const { byId, missing } = matchResults(['a', 'b', 'c'], [ok('zzz'), ok('b')])
    expect([...byId.keys()]).toEqual(['b'])
    expect(missing).toEqual(['a', 'c'])
  })

  it('keeps the first item when the server repeats an id', () => {
    const first: ImportItem = { outcome: 'ok', id: 'a', status: 200, record: { n: 1 } }
    const { byId } = matchResults(['a'], [first, { ...first, record: { n: 2 } }])
    expect(byId.get('a')).toBe(first)
  })
})
