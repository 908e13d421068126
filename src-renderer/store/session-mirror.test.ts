import { describe, expect, it } from 'vitest'
import type { Row } from '../../src-main/contract'
import { applyPatch, applyPatchWithChange, applySnapshot, emptyMirror } from './session-mirror'
import { toRow } from '../../src-shared/rows/row-shape'

const row = (rowId: string, change: Partial<Row> = {}): Row =>
  toRow({
    rowId,
    path: `/drop/${rowId}`,
    relativePath: `drop/${rowId}`,
    size: 1,
    mtimeMs: 0,
    status: 'scanned',
    ...change,
  })

describe('applySnapshot', () => {
  it('replaces everything with the snapshot, keeping its order', () => {
    const before = applyPatch(emptyMirror, { upsert: [row('old')], remove: [] })
    const mirror = applySnapshot({ sessionId: 's1', rows: [row('b'), row('a')] }, before)
    expect(mirror.sessionId).toBe('s1')
    expect(mirror.ids).toEqual(['b', 'a'])
    expect(mirror.byId.has('old')).toBe(false)
    expect(mirror.version).toBe(before.version + 1)
  })
})

describe('applyPatch', () => {
  it('appends new rows in patch order', () => {
    const mirror = applyPatch(emptyMirror, { upsert: [row('a'), row('b')], remove: [] })
    expect(mirror.ids).toEqual(['a', 'b'])
    expect([...mirror.byId.keys()]).toEqual(['a', 'b'])
  })

  it('replaces a changed row in place, keeping the id list itself (the grid rebuilds only on add/remove)', () => {
    const start = applySnapshot({ sessionId: 's', rows: [row('a'), row('b'), row('c')] })
    const next = applyPatch(start, { upsert: [row('b', { status: 'unreadable', reason: 'EACCES' })], remove: [] })
    expect(next.ids).toBe(start.ids)
    expect(next.byId.get('b')).toMatchObject({ status: 'unreadable', reason: 'EACCES' })
    expect(next.byId.get('a')).toBe(start.byId.get('a'))
  })

  it('removes rows and ignores ids it does not know', () => {
    const start = applySnapshot({ sessionId: 's', rows: [row('a'), row('b'), row('c')] })
    const next = applyPatch(start, { upsert: [], remove: ['b', 'missing'] })
    expect(next.ids).toEqual(['a', 'c'])
    expect(next.byId.size).toBe(2)
  })

  it('handles a row removed and re-added in one patch as a new row at the end', () => {
    const start = applySnapshot({ sessionId: 's', rows: [row('a'), row('b')] })
    const next = applyPatch(start, { upsert: [row('a', { size: 9 })], remove: ['a'] })
    expect(next.ids).toEqual(['b', 'a'])
    expect(next.byId.get('a')?.size).toBe(9)
  })

  it('gives a new mirror object per patch, and never writes into the shared empty mirror', () => {
    const start = applySnapshot({ sessionId: 's', rows: [row('a')] })
    const next = applyPatch(start, { upsert: [row('a', { size: 5 })], remove: [] })
    expect(next).not.toBe(start)
    expect(next.version).toBe(start.version + 1)
    applyPatch(emptyMirror, { upsert: [row('z')], remove: [] })
    expect(emptyMirror.byId.size).toBe(0)
    expect(emptyMirror.ids).toEqual([])
  })

  it('says which rows a patch added and removed', () => {
    const start = applySnapshot({ sessionId: 's', rows: [row('a'), row('b')] })
    const { change } = applyPatchWithChange(start, { upsert: [row('c'), row('a', { size: 2 })], remove: ['b'] })
    expect(change.added).toEqual(['c'])
    expect([...change.removed]).toEqual(['b'])
  })

  it('returns the same mirror for an empty patch', () => {
    const start = applySnapshot({ sessionId: 's', rows: [row('a')] })
    expect(applyPatch(start, { upsert: [], remove: [] })).toBe(start)
  })

  it('takes 50,000 rows in the few dozen patches a big scan sends, in order, without duplicates', () => {
    let mirror = emptyMirror
    for (let batch = 0; batch < 40; batch++) {
      const upsert = Array.from({ length: 1250 }, (_, i) => row(`r${batch * 1250 + i}`))
      mirror = applyPatch(mirror, { upsert, remove: [] })
    }
    expect(mirror.ids.length).toBe(50_000)
    expect(new Set(mirror.ids).size).toBe(50_000)
    expect(mirror.ids[0]).toBe('r0')
    expect(mirror.ids.at(-1)).toBe('r49999')
  })
})
