import { describe, expect, it } from 'vitest'
import type { Row } from '../../src-main/contract'
import { describeWaiting, planResubmit } from './resubmit-plan'
import { filledRow } from '../../src-shared/rows/testing/example-rows'

const row = (rowId: string, change: Partial<Row>): Row =>
  filledRow({
    rowId,
    path: `/drop/${rowId}.jpg`,
    relativePath: `drop/${rowId}.jpg`,
    size: 1,
    mtimeMs: 0,
    status: 'uploaded',
    kind: 'image',
    entry: { id: `e-${rowId}`, mediaType: 'image', metadata: {}, translations: {} },
    ...change,
  })

const existing = { mediaId: 'lib-1', externalId: 'ext-1', systemName: 'archive' }

const rows = [
  row('rejected', {
    status: 'rejected',
    submitAttempts: 1,
    issues: [{ field: 'metadata.rating', message: 'x', source: 'server' }],
  }),
  // Found by the pre-flight lookup: never sent, no attempt.
  row('preflight', { status: 'conflict', conflict: { field: 'externalId', existing } }),
  row('server-conflict', { status: 'conflict', submitAttempts: 1, conflict: { field: 'id', existing } }),
  // The editor changed its externalId: the conflict is gone, the row may go.
  row('fixed', { status: 'conflict' }),
  row('exchange', { status: 'uploaded', submitAttempts: 1, importFailure: { reason: 'timeout', retryable: true } }),
  row('upload', { status: 'upload-failed' }),
  row('ready', { status: 'uploaded' }),
  row('imported', { status: 'imported', result: { mediaId: 'm', record: {} } }),
]
const byId = new Map(rows.map((r) => [r.rowId, r]))

describe('planResubmit', () => {
  it('sends failed rows again but keeps unresolved conflicts waiting for the editor, pre-flight ones included', () => {
    const plan = planResubmit([...byId.keys(), 'gone'], (id) => byId.get(id))
    expect(plan).toEqual({
      send: ['rejected', 'fixed', 'exchange', 'upload'],
      waiting: ['preflight', 'server-conflict'],
    })
  })
})

describe('describeWaiting', () => {
  it('says how many wait, that they are not sent, and the two ways out', () => {
    expect(describeWaiting(0)).toBe('')
    expect(describeWaiting(1)).toBe('1 conflict not re-submitted: link it or change its externalId.')
    expect(describeWaiting(1200)).toBe('1,200 conflicts not re-submitted: link them or change their externalId.')
  })
})
