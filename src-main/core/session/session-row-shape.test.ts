/**
 * The session keeps every row a `Row` of its status (model/row.ts, src-shared/rows/row-shape.ts):
 * a move drops what the old status owned; a change that would leave a row without what its
 * status needs, or with what it cannot hold, is refused and the row stays as it was.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionRecord } from './persistence/journal-records'
import { Session } from './session'
import { exampleRow } from '../../../src-shared/rows/testing/example-rows'
import { startAttempt, applyOutcome, linkRefusal } from '../pipeline/row-outcome'

const upload = { state: 'uploaded', bytesSent: 10, bytesTotal: 10, key: 'k', url: 'http://s3/k' } as const
const conflict = { field: 'externalId', existing: { mediaId: 'lib-1', externalId: 'x' } } as const

function journaled(session: Session): SessionRecord[] {
  const records: SessionRecord[] = []
  session.attachJournal({ append: (r) => records.push(r), durable: () => Promise.resolve() })
  return records
}

afterEach(() => vi.restoreAllMocks())

describe('a session row keeps the shape of its status', () => {
  it('drops the conflict when a conflict row is sent again, and journals that it went', () => {
    const session = new Session()
    session.upsertRows([exampleRow('a', 'conflict', { upload, conflict })])
    const records = journaled(session)
    const row = session.getRow('a')!
    session.updateRow('a', startAttempt(row))
    expect(session.getRow('a')).toMatchObject({ status: 'submitting', submitAttempts: 1 })
    expect(session.getRow('a')).not.toHaveProperty('conflict')
    expect(records).toEqual([
      { t: 'set', id: 'a', set: { status: 'submitting', submitAttempts: 1 }, unset: ['conflict'] },
    ])
  })

  it('offers no link on a conflict row whose re-submit failed: the conflict it named is gone', () => {
    // Before: the failed row went back to `uploaded` still holding the old conflict, and "Link to
    // entry" took it, writing a `result` onto a row that was never imported.
    const session = new Session()
    session.upsertRows([exampleRow('a', 'conflict', { upload, conflict })])
    session.updateRow('a', startAttempt(session.getRow('a')!))
    const sending = session.getRow('a')!
    session.updateRow('a', applyOutcome({ id: 'e', status: 'failed', reason: 'timeout', retryable: true }, sending))
    const failed = session.getRow('a')!
    expect(failed.status).toBe('uploaded')
    expect(failed.conflict).toBeUndefined()
    expect(linkRefusal(failed)).toMatch(/has no conflict with a library entry/)
  })

  it('refuses a status without the field it needs, and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const session = new Session()
    session.upsertRows([exampleRow('a', 'submitting')])
    const records = journaled(session)
    const before = session.getRow('a')
    expect(session.updateRow('a', { status: 'imported' })).toBe(before)
    expect(session.getRow('a')).toBe(before)
    expect(records).toEqual([])
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('a row in state "imported" needs "result"'))
  })

  it('refuses a field the row’s status cannot hold (a result on a row not imported)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const session = new Session()
    session.upsertRows([exampleRow('a', 'uploaded')])
    const before = session.getRow('a')
    session.updateRow('a', { result: { mediaId: 'm', record: {} } })
    expect(session.getRow('a')).toBe(before)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('a row in state "uploaded" cannot hold "result"'))
  })
})
