import { describe, expect, it } from 'vitest'
import type { Row } from '../../contract'
import { Session } from '../session/session'
import { createSnapshotPages } from './snapshot-pages'

const titled = (id: string, title: string) => ({ id, mediaType: 'image', metadata: { title }, translations: {} })

const row = (rowId: string, title = rowId): Row => ({
  rowId,
  path: `/drop/${rowId}`,
  relativePath: `drop/${rowId}`,
  size: 1,
  mtimeMs: 0,
  status: 'scanned',
  entry: titled(rowId, title),
})

const sessionOf = (n: number) => new Session({ rows: Array.from({ length: n }, (_, i) => row(`r${i}`)) })

describe('createSnapshotPages', () => {
  it('answers every row at once without a request, as before', () => {
    const session = sessionOf(3)
    const pages = createSnapshotPages(() => session.snapshot())
    const whole = pages(undefined)
    expect(whole.rows.map((r) => r.rowId)).toEqual(['r0', 'r1', 'r2'])
    expect(whole.page).toBeUndefined()
  })

  it('pages through the rows as they were at the first page, whatever changes meanwhile', () => {
    const session = sessionOf(10)
    const pages = createSnapshotPages(() => session.snapshot())
    const first = pages({ limit: 4 })
    expect(first.rows.map((r) => r.rowId)).toEqual(['r0', 'r1', 'r2', 'r3'])
    expect(first.page).toMatchObject({ from: 0, total: 10 })
    const snapshotId = first.page?.snapshotId ?? 0
    // Removing a loaded row would shift every later row by one if pages were read from the session.
    session.removeRows(['r1', 'r5'])
    session.upsertRows([row('r6', 'changed'), row('new')])
    const second = pages({ limit: 4, snapshotId, from: 4 })
    expect(second.rows.map((r) => r.rowId)).toEqual(['r4', 'r5', 'r6', 'r7'])
    expect(second.rows[2]?.entry?.metadata.title).toBe('r6')
    const last = pages({ limit: 4, snapshotId, from: 8 })
    expect(last.rows.map((r) => r.rowId)).toEqual(['r8', 'r9'])
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
