import { describe, expect, it } from 'vitest'
import { buildColumns } from './column-model'
import { cellRange, rangeColumns, rangeRowIds } from './range'

const ids = ['a', 'b', 'c', 'd']
const columns = buildColumns(null)

describe('cellRange', () => {
  it('spans the active cell and its anchor in either direction', () => {
    const range = cellRange(ids, columns, { rowId: 'b', columnId: 'externalId' }, { rowId: 'd', columnId: 'id' })
    expect(range).toEqual({ rowStart: 1, rowEnd: 3, colStart: 7, colEnd: 9 })
    expect(rangeRowIds(ids, range!)).toEqual(['b', 'c', 'd'])
    expect(rangeColumns(columns, range!).map((c) => c.id)).toEqual(['id', 'systemName', 'externalId'])
  })

  it('is the active cell alone without an anchor, and nothing when the active row is filtered out', () => {
    expect(cellRange(ids, columns, { rowId: 'c', columnId: 'path' }, null)).toEqual({
      rowStart: 2,
      rowEnd: 2,
      colStart: 2,
      colEnd: 2,
    })
    expect(cellRange(ids, columns, { rowId: 'zz', columnId: 'path' }, null)).toBeNull()
  })
})
