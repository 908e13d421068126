import { describe, expect, it } from 'vitest'
import config from '../../../resources/sandbox/project-config.json'
import type { FieldIssue, Row } from '../../../src-main/contract'
import { imageRow } from '../../../src-main/core/editing/testing/rows'
import { readProjectModel } from '../../../src-shared/project/project-model'
import { emptyLayout, orderedColumns, visibleColumns } from '../../store/column-layout'
import { issueKey } from '../../store/issue-groups'
import { buildColumns } from '../column-model'
import { announceStep, firstCellWith, problemCells, revealColumn, rowProblemCells, stepProblem } from './problem-cells'

const columns = orderedColumns(buildColumns(readProjectModel(config)), emptyLayout)
const column = (id: string) => columns.find((c) => c.id === id)!

const row = (rowId: string, issues: FieldIssue[] = [], over: Partial<Row> = {}): Row =>
  imageRow(1, {}, { rowId, ...(issues.length > 0 ? { issues } : {}), ...over })

const tooLong: FieldIssue = {
  field: 'metadata.title',
  message: 'Title is too long (120 of 100 characters).',
  source: 'client',
}
const taken: FieldIssue = {
  field: 'externalId',
  message: 'externalId "x" is also used by 1 other row.',
  source: 'client',
}
const caption: FieldIssue = { field: 'metadata.caption', message: 'Caption is required.', source: 'client' }

const rows = new Map<string, Row>([
  ['a', row('a', [taken, tooLong])],
  ['b', row('b')],
  ['c', row('c', [caption])],
  [
    'd',
    row('d', [], {
      importFailure: {
        reason: 'The Livingdocs server is unavailable (503). Gave up after 6 attempts.',
        retryable: true,
      },
    }),
  ],
])
const ids = ['a', 'b', 'c', 'd']
const cells = problemCells(ids, (id) => rows.get(id), columns)

describe('problemCells', () => {
  it('lists the problem cells row by row, in column order (hidden columns included)', () => {
    expect(cells.map((c) => `${c.rowId}:${c.columnId}`)).toEqual([
      'a:metadata.title',
      'a:externalId',
      'c:metadata.caption',
      // A failed submit has no field: it sits on the Status cell, where "Re-submit" is.
      'd:status',
    ])
    expect(cells[0]?.message).toBe(tooLong.message)
    expect(cells[0]?.keys).toEqual([issueKey(tooLong)])
  })

  it('puts a failed upload on the Upload cell, where Retry is', () => {
    const failed = row('u', [], {
      status: 'upload-failed',
      upload: {
        state: 'failed',
        bytesSent: 0,
        bytesTotal: 1,
        error: { code: 'network', message: 'Connection reset.', retryable: true },
      },
    })
    expect(rowProblemCells(failed, columns).map((c) => c.columnId)).toEqual(['upload'])
  })

  it('finds the first cell of an error group', () => {
    expect(firstCellWith(issueKey(taken), ids, (id) => rows.get(id), columns)).toMatchObject({
      rowId: 'a',
      columnId: 'externalId',
    })
    expect(firstCellWith('nothing', ids, (id) => rows.get(id), columns)).toBeUndefined()
  })
})

describe('stepProblem', () => {
  const step = (at: { rowId: string; columnId: string } | null, direction: 1 | -1) =>
    stepProblem(cells, at, direction, ids, columns)

  it('goes to the next problem after the cursor, and wraps round', () => {
    expect(step(null, 1)).toMatchObject({ index: 0, total: 4 })
    expect(step({ rowId: 'a', columnId: 'metadata.title' }, 1)?.cell.columnId).toBe('externalId')
    expect(step({ rowId: 'b', columnId: 'path' }, 1)?.cell.rowId).toBe('c')
    expect(step({ rowId: 'd', columnId: 'status' }, 1)?.index).toBe(0)
  })

  it('goes to the previous one with Shift, and wraps round', () => {
    expect(step(null, -1)?.index).toBe(3)
    expect(step({ rowId: 'c', columnId: 'metadata.caption' }, -1)?.cell.columnId).toBe('externalId')
    expect(step({ rowId: 'a', columnId: 'metadata.title' }, -1)?.index).toBe(3)
    expect(step({ rowId: 'a', columnId: 'path' }, -1)?.index).toBe(3)
  })

  it('finds nothing in a grid without problems', () => {
    expect(stepProblem([], null, 1, ids, columns)).toBeUndefined()
  })

  it('says where it went, politely', () => {
    expect(announceStep(step(null, 1)!)).toBe(`Problem 1 of 4: ${tooLong.message}`)
  })
})

describe('revealColumn', () => {
  it('turns the Technical columns on for externalId, and unhides a hidden column', () => {
    const external = column('externalId')
    expect(visibleColumns(columns, emptyLayout).some((c) => c.id === 'externalId')).toBe(false)
    expect(revealColumn(emptyLayout, external).technical).toBe(true)
    const hidden = { ...emptyLayout, hidden: ['metadata.title'] }
    expect(revealColumn(hidden, column('metadata.title')).hidden).toEqual([])
    expect(revealColumn(emptyLayout, column('metadata.title'))).toBe(emptyLayout)
  })
})
