import { describe, expect, it } from 'vitest'
import { imageRow } from '../editing/testing/rows'
import { Session } from '../session/session'
import { createSnapshotPages } from './snapshot-pages'

const sessionOf = (n: number) => new Session({ rows: Array.from({ length: n }, (_, i) => imageRow(i)) })

describe('createSnapshotPages', () => {
  it('answers every row at once without a request, as before', () => {
    const session = sessionOf(3)
    const pages = createSnapshotPages(() => session.snapshot())
    const whole = pages(undefined)
    expect(whole.rows.map((r) => r.rowId)).toEqual(['row-0', 'row-1', 'row-2'])
    expect(whole.page).toBeUndefined()
  })

  it('pages through the rows as they were at the first page, whatever changes meanwhile', () => {
    const session = sessionOf(10)
    const pages = createSnapshotPages(() => session.snapshot())
    const first = pages({ limit: 4 })
    expect(first.rows.map((r) => r.rowId)).toEqual(['row-0', 'row-1', 'row-2', 'row-3'])
    expect(first.page).toMatchObject({ from: 0, total: 10 })
    const snapshotId = first.page?.snapshotId ?? 0
    // Removing a loaded row would shift every later row by one if pages were read from the session.
    session.removeRows(['row-1', 'row-5'])
    session.upsertRows([imageRow(6, { metadata: { title: 'changed' } }), imageRow(99)])
    const second = pages({ limit: 4, snapshotId, from: 4 })
    expect(second.rows.map((r) => r.rowId)).toEqual(['row-4', 'row-5', 'row-6', 'row-7'])
    expect(second.rows[2]?.entry?.metadata.title).toBe('Title 6')
    const last = pages({ limit: 4, snapshotId, from: 8 })
    expect(last.rows.map((r) => r.rowId)).toEqual(['row-8', 'row-9'])
    // Read to its end: not kept any longer.
    expect(() => pages({ limit: 4, snapshotId, from: 8 })).toThrow(/no longer kept/)
  })

  it('refuses a page of a snapshot taken by another session', () => {
    const a = sessionOf(5)
    const b = sessionOf(5)
    const first = createSnapshotPages(() => a.snapshot())({ limit: 2 })
    const other = createSnapshotPages(() => b.snapshot())
    expect(() => other({ limit: 2, snapshotId: first.page?.snapshotId, from: 2 })).toThrow(/loads them again/)
  })
})
