import { describe, expect, it } from 'vitest'
import type { Row } from '../../model/row'
import { applyRecord, parseLine, rowChange, type ReplayState } from './journal-records'
import { toRow } from '../../../../src-shared/rows/row-shape'

const row = (over: Partial<Row> = {}): Row =>
  toRow({
    rowId: 'r1',
    path: '/drop/a.jpg',
    relativePath: 'drop/a.jpg',
    size: 10,
    mtimeMs: 1,
    status: 'scanned',
    ...over,
  })

describe('rowChange', () => {
  it('records only the fields that changed, and the ones that went away', () => {
    const prev = row({ status: 'conflict', issues: [], conflict: { field: 'id', existing: { mediaId: 'm' } } })
    const { issues: _gone, ...rest } = prev
    const next = toRow({
      ...rest,
      status: 'uploaded',
      upload: { state: 'uploaded', bytesSent: 1, bytesTotal: 1 },
      conflict: undefined,
    })
    expect(rowChange(prev, next)).toEqual({
      t: 'set',
      id: 'r1',
      set: { status: 'uploaded', upload: { state: 'uploaded', bytesSent: 1, bytesTotal: 1 } },
      unset: ['conflict', 'issues'],
    })
  })

  it('answers nothing when nothing changed', () => {
    const prev = row()
    expect(rowChange(prev, { ...prev })).toBeUndefined()
  })
})

describe('applyRecord', () => {
  it('replays upserts, changes, removals and meta in order', () => {
    const state: ReplayState = { rows: new Map(), meta: { createdAt: 't0' } }
    applyRecord(state, { t: 'upsert', rows: [row(), row({ rowId: 'r2' })] })
    applyRecord(state, { t: 'set', id: 'r1', set: { status: 'probed', kind: 'image' } })
    applyRecord(state, { t: 'set', id: 'r1', set: {}, unset: ['kind'] })
    applyRecord(state, { t: 'remove', ids: ['r2'] })
    applyRecord(state, { t: 'set', id: 'r2', set: { status: 'probed' } })
    applyRecord(state, { t: 'meta', meta: { createdAt: 't0', roots: ['/drop'] } })
    expect([...state.rows.values()]).toEqual([row({ status: 'probed' })])
    expect(state.meta.roots).toEqual(['/drop'])
  })
})

describe('parseLine', () => {
  it('reads a valid record and refuses torn or foreign lines', () => {
    const line = JSON.stringify({ seq: 3, t: 'set', id: 'r1', set: { status: 'uploaded' } })
    expect(parseLine(line)).toMatchObject({ seq: 3, t: 'set', id: 'r1' })
    expect(parseLine(line.slice(0, 20))).toBeUndefined()
    expect(parseLine(JSON.stringify({ seq: 4, t: 'set', id: 'r1', set: { status: 'done' } }))).toBeUndefined()
    expect(parseLine(JSON.stringify({ seq: 5, t: 'drop-table' }))).toBeUndefined()
    expect(parseLine(JSON.stringify({ seq: 6, t: 'upsert', rows: [{ rowId: 'x' }] }))).toBeUndefined()
  })
})
