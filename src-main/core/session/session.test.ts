import { describe, expect, it } from 'vitest'
import type { SessionPatch } from '../model/session-shapes'
import type { SessionRecord } from './persistence/journal-records'
import type { Row } from '../model/row'
import { Session } from './session'
import { toRow } from '../../../src-shared/rows/row-shape'

const row = (rowId: string, over: Partial<Row> = {}): Row =>
  toRow({
    rowId,
    path: `/d/${rowId}`,
    relativePath: `d/${rowId}`,
    size: 1,
    mtimeMs: 0,
    status: 'scanned',
    ...over,
  })

function journaled(session: Session): SessionRecord[] {
  const records: SessionRecord[] = []
  session.attachJournal({ append: (r) => records.push(r), durable: () => Promise.resolve() })
  return records
}

describe('Session', () => {
  it('journals each change as it is made: whole new rows, changed fields, removals', () => {
    const session = new Session()
    const records = journaled(session)
    session.upsertRows([row('a'), row('b')])
    session.updateRow('a', { status: 'probed' })
    session.updateRow('a', { status: 'probed' })
    session.removeRows(['b', 'missing'])
    expect(records).toEqual([
      { t: 'upsert', rows: [row('a'), row('b')] },
      { t: 'set', id: 'a', set: { status: 'probed' } },
      { t: 'remove', ids: ['b'] },
    ])
  })

  it('shapes rows before storing, journaling and patching them', () => {
    const session = new Session({ flushMs: 1 })
    const records = journaled(session)
    const patches: SessionPatch[] = []
    session.onPatch((p) => patches.push(p))
    session.setShaper((next, prev) => (prev || next.identitySuffix ? next : { ...next, identitySuffix: 'shaped' }))
    session.upsertRows([row('a')])
    session.flush()
    expect(session.getRow('a')?.identitySuffix).toBe('shaped')
    expect(records[0]).toEqual({ t: 'upsert', rows: [row('a', { identitySuffix: 'shaped' })] })
    expect(patches[0]?.upsert[0]?.identitySuffix).toBe('shaped')
  })

  it('tells row listeners synchronously, with the stored rows', () => {
    const session = new Session()
    const seen: string[] = []
    session.onRows((rows) => seen.push(...rows.map((r) => `${r.rowId}:${r.status}`)))
    session.upsertRows([row('a')])
    session.updateRow('a', { status: 'probed' })
    expect(seen).toEqual(['a:scanned', 'a:probed'])
  })

  it('starts from the rows of a reopened session without journaling them again', () => {
    const session = new Session({ rows: [row('a')] })
    const records = journaled(session)
    expect(session.getRow('a')).toEqual(row('a'))
    expect(records).toEqual([])
  })
})
