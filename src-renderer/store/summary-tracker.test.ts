import { describe, expect, it } from 'vitest'
import type { FieldIssue, Row } from '../../src-main/contract'
import { summariseRows } from './issue-groups'
import { SummaryTracker } from './summary-tracker'
import { exampleRow } from '../../src-shared/rows/testing/example-rows'

const required: FieldIssue = { field: 'metadata.title', message: 'Title is required.', source: 'client' }
const dup = (n: number): FieldIssue => ({
  field: 'externalId',
  message: `externalId "x-${n}" is also used by 1 other row(s)`,
  source: 'client',
})
const row = (rowId: string, status: Row['status'], issues: FieldIssue[] = []): Row =>
  exampleRow(rowId, status, { path: `/d/${rowId}`, relativePath: `d/${rowId}`, size: 1, mtimeMs: 0, issues })

const order = (r: Row): number => Number(r.rowId.slice(1))

describe('SummaryTracker', () => {
  it('counts rows by class and groups issues, blanking the rows own values', () => {
    const tracker = new SummaryTracker()
    tracker.reset([
      row('a', 'uploaded'),
      row('b', 'uploaded', [required, dup(1)]),
      row('c', 'probed', [dup(2)]),
      row('s', 'skipped'),
    ])
    const summary = tracker.summary()
    expect(summary.counts).toEqual({ ready: 1, invalid: 2, uploading: 0, imported: 0, failed: 0 })
    expect(summary.groups.map((g) => [g.field, g.message, g.rows])).toEqual([
      ['externalId', 'externalId "…" is also used by … other row(s)', 2],
      ['metadata.title', 'Title is required.', 1],
    ])
  })

  it('follows patches to the same figures a full pass gives', () => {
    const tracker = new SummaryTracker()
    const rows = new Map<string, Row>()
    const put = (r: Row) => {
      rows.set(r.rowId, r)
      tracker.upsert(r)
    }
    for (let i = 0; i < 200; i++)
      put(row(`r${i}`, i % 7 === 0 ? 'imported' : 'uploaded', i % 3 === 0 ? [required] : []))
    for (let i = 0; i < 200; i += 2)
      put(row(`r${i}`, i % 5 === 0 ? 'rejected' : 'uploaded', i % 4 === 0 ? [dup(i)] : []))
    for (let i = 0; i < 200; i += 9) {
      rows.delete(`r${i}`)
      tracker.remove(`r${i}`)
    }
    // The same figures; a group's example is a row still in it (the full pass takes the first such row too).
    expect(tracker.summary()).toEqual(summariseRows([...rows.values()].sort((a, b) => order(a) - order(b))))
  })

  it('knows the media types of the rows and the titles still from file names, as rows change', () => {
    const typed = (rowId: string, mediaType: string, title: string, status: Row['status'] = 'uploaded'): Row =>
      exampleRow(rowId, status, {
        path: `/d/${rowId}`,
        relativePath: `d/${rowId}`,
        prefill: {
          mediaType,
          metadata: { title: 'DSC_0417' },
          sources: { title: { from: 'file-name' } },
          fallback: ['title'],
        },
        entry: { id: rowId, mediaType, metadata: { title }, translations: {} },
      })
    const tracker = new SummaryTracker()
    tracker.reset([typed('a', 'image', 'DSC_0417'), typed('b', 'video', 'Harbour at dawn'), row('s', 'skipped')])
    expect(tracker.summary()).toMatchObject({ mediaTypes: ['image', 'video'], fileNameTitles: 1 })
    // A title typed over the file name, and an image that became a file: both followed.
    tracker.upsert(typed('a', 'file', 'Pilot boat'))
    expect(tracker.summary()).toMatchObject({ mediaTypes: ['file', 'video'], fileNameTitles: 0 })
    // An imported row is done: its file-name title is no longer ours to warn about.
    tracker.upsert(typed('c', 'image', 'DSC_0417', 'imported'))
    tracker.remove('b')
    expect(tracker.summary()).toMatchObject({ mediaTypes: ['file', 'image'], fileNameTitles: 0 })
  })
})
