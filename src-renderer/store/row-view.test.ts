import { describe, expect, it } from 'vitest'
import type { Row } from '../../src-main/contract'
import { buildColumns } from '../grid/column-model'
import { deriveRowView, emptyFilter, followPatch, type ViewSpec } from './row-view'
import { applyPatchWithChange, applySnapshot } from './session-mirror'
import { exampleRow } from '../../src-shared/rows/testing/example-rows'

const row = (rowId: string, status: Row['status'] = 'uploaded', title?: string, size = 1): Row =>
  exampleRow(rowId, status, {
    path: `/drop/${rowId}`,
    relativePath: `drop/${rowId}`,
    size,
    mtimeMs: 0,
    ...(title !== undefined ? { entry: { id: rowId, mediaType: 'image', metadata: { title }, translations: {} } } : {}),
  })

const columns = buildColumns(null)
const column = (id: string) => columns.find((c) => c.id === id)!
const spec = (over: Partial<ViewSpec> = {}): ViewSpec => ({
  showSkipped: false,
  sort: null,
  filter: emptyFilter,
  searchColumns: columns,
  ...over,
})

describe('deriveRowView', () => {
  const mirror = applySnapshot({
    sessionId: 's',
    rows: [
      row('b', 'uploaded', 'Harbour', 30),
      row('.hidden', 'skipped'),
      row('a10', 'probed', 'Dawn', 5),
      row('a9', 'imported', '', 10),
    ],
  })

  it('leaves skipped rows out by default and counts them; lists all on request', () => {
    expect(deriveRowView(mirror, spec())).toEqual({ ids: ['b', 'a10', 'a9'], skipped: 1 })
    expect(deriveRowView(mirror, spec({ showSkipped: true })).ids).toEqual(['b', '.hidden', 'a10', 'a9'])
  })

  it('sorts by a column, numbers as numbers and names naturally', () => {
    expect(deriveRowView(mirror, spec({ sort: { column: column('size'), direction: 'desc' } })).ids).toEqual([
      'b',
      'a9',
      'a10',
    ])
    expect(deriveRowView(mirror, spec({ sort: { column: column('path'), direction: 'asc' } })).ids).toEqual([
      'a9',
      'a10',
      'b',
    ])
  })

  it('filters by words, by row class and by error group', () => {
    expect(deriveRowView(mirror, spec({ filter: { ...emptyFilter, text: 'drop/a' } })).ids).toEqual(['a10', 'a9'])
    expect(deriveRowView(mirror, spec({ filter: { ...emptyFilter, rowClass: 'imported' } })).ids).toEqual(['a9'])
    const withIssue = applySnapshot({
      sessionId: 's',
      rows: [
        { ...row('x'), issues: [{ field: 'metadata.title', message: 'Title is required.', source: 'client' }] },
        row('y'),
      ],
    })
    const issueKey = 'metadata.title\u0000Title is required.'
    expect(deriveRowView(withIssue, spec({ filter: { ...emptyFilter, issueKey } })).ids).toEqual(['x'])
  })
})

describe('followPatch', () => {
  it('keeps the order and the same list when rows only change (an edit does not move its row)', () => {
    const mirror = applySnapshot({ sessionId: 's', rows: [row('a', 'uploaded', 'B'), row('b', 'uploaded', 'A')] })
    const sorted = spec({ sort: { column: column('path'), direction: 'desc' } })
    const view = deriveRowView(mirror, sorted)
    const { mirror: next, change } = applyPatchWithChange(mirror, { upsert: [row('a', 'uploaded', 'Z')], remove: [] })
    expect(followPatch(view, next, change, sorted)).toBe(view)
  })

  it('drops removed rows and appends new rows that match the filter', () => {
    const filtered = spec({ filter: { ...emptyFilter, text: 'keep' } })
    const mirror = applySnapshot({ sessionId: 's', rows: [row('keep-1'), row('other')] })
    const view = deriveRowView(mirror, filtered)
    const patch = { upsert: [row('keep-2'), row('nope'), row('.x', 'skipped')], remove: ['keep-1'] }
    const { mirror: next, change } = applyPatchWithChange(mirror, patch)
    expect(followPatch(view, next, change, filtered)).toEqual({ ids: ['keep-2'], skipped: 1 })
  })
})
