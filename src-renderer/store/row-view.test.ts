import { describe, expect, it } from 'vitest'
import type { Row } from '../../src-main/contract'
import { deriveRowView } from './row-view'
import { applyPatch, applySnapshot } from './session-mirror'

const row = (rowId: string, status: Row['status'] = 'scanned'): Row => ({
  rowId,
  path: `/drop/${rowId}`,
  relativePath: `drop/${rowId}`,
  size: 1,
  mtimeMs: 0,
  status,
})

describe('deriveRowView', () => {
  const mirror = applySnapshot({ sessionId: 's', rows: [row('a'), row('.hidden', 'skipped'), row('b', 'unreadable')] })

  it('leaves skipped rows out by default and counts them', () => {
    expect(deriveRowView(mirror, false)).toEqual({ ids: ['a', 'b'], skipped: 1 })
  })

  it('lists every row, in session order, when the editor asks for skipped ones', () => {
    expect(deriveRowView(mirror, true)).toEqual({ ids: ['a', '.hidden', 'b'], skipped: 1 })
  })

  it('keeps the same view when a patch changes nothing the grid lists', () => {
    const before = deriveRowView(mirror, false)
    const patched = applyPatch(mirror, { upsert: [row('a', 'probed')], remove: [] })
    expect(deriveRowView(patched, false, before)).toBe(before)
  })

  it('gives a new id list when a row becomes skipped or is added', () => {
    const before = deriveRowView(mirror, false)
    const skippedNow = applyPatch(mirror, { upsert: [row('a', 'skipped')], remove: [] })
    expect(deriveRowView(skippedNow, false, before)).toEqual({ ids: ['b'], skipped: 2 })
    const added = applyPatch(mirror, { upsert: [row('c')], remove: [] })
    expect(deriveRowView(added, false, before).ids).toEqual(['a', 'b', 'c'])
  })
})
