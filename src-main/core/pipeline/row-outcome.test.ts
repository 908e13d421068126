import { describe, expect, it } from 'vitest'
import type { Row } from '../model/row'
import { applyOutcome, linkToExisting, rowsToSubmit, startAttempt } from './row-outcome'
import { filledRow } from '../../../src-shared/rows/testing/example-rows'

const row = (rowId: string, over: Partial<Row> = {}): Row =>
  filledRow({
    rowId,
    path: `/x/${rowId}`,
    relativePath: `x/${rowId}`,
    size: 1,
    mtimeMs: 0,
    status: 'uploaded',
    ...over,
  })

describe('row outcomes', () => {
  it('counts attempts', () => {
    expect(startAttempt(row('a'))).toEqual({ status: 'submitting', submitAttempts: 1 })
    expect(startAttempt(row('a', { submitAttempts: 2 }))).toEqual({ status: 'submitting', submitAttempts: 3 })
  })

  it('maps each outcome onto the row', () => {
    const sent = row('e', { status: 'submitting' })
    expect(
      applyOutcome({ id: 'e', status: 'imported', mediaId: 'e', record: { id: 'e' }, confirmedBy: 'response' }, sent),
    ).toMatchObject({
      status: 'imported',
      result: { mediaId: 'e', record: { id: 'e' } },
      issues: [],
    })
    const issues = [{ field: 'metadata.title', message: 'must be string', source: 'server' as const }]
    expect(applyOutcome({ id: 'e', status: 'rejected', issues }, sent)).toMatchObject({ status: 'rejected', issues })
    const conflict = { field: 'externalId' as const, existing: { mediaId: 'm' } }
    expect(applyOutcome({ id: 'e', status: 'conflict', conflict, issues }, sent)).toMatchObject({
      status: 'conflict',
      conflict,
    })
    expect(applyOutcome({ id: 'e', status: 'failed', reason: '503', retryable: true }, sent)).toEqual({
      status: 'uploaded',
      importFailure: { reason: '503', retryable: true },
    })
  })

  it('submits rows not imported; re-submits only rows already tried', () => {
    const rows = [
      row('new'),
      row('imported', { status: 'imported', result: { mediaId: 'm', record: {} }, submitAttempts: 1 }),
      row('rejected', { status: 'rejected', submitAttempts: 1 }),
      row('failed', { status: 'uploaded', submitAttempts: 2, importFailure: { reason: 'x', retryable: true } }),
      row('busy', { status: 'submitting', submitAttempts: 1 }),
      // Found by the pre-flight lookup, never sent: a failed row for the editor all the same.
      row('preflight', { status: 'conflict' }),
      row('linked', { status: 'imported', result: { mediaId: 'old', record: { linked: true } } }),
    ]
    expect(rowsToSubmit(rows, 'all').map((r) => r.rowId)).toEqual(['new', 'rejected', 'failed', 'preflight'])
    expect(rowsToSubmit(rows, 'failed').map((r) => r.rowId)).toEqual(['rejected', 'failed', 'preflight'])
  })

  it('links a conflict row to the existing entry', () => {
    const r = row('c', {
      status: 'conflict',
      conflict: { field: 'externalId', existing: { mediaId: 'old-1', externalId: 'x' } },
    })
    expect(linkToExisting(r)).toMatchObject({ status: 'imported', result: { mediaId: 'old-1' }, conflict: undefined })
    expect(linkToExisting(row('plain'))).toEqual({})
  })
})
