/**
 * The selected range of cells: the rectangle between the active cell and its anchor, in the
 * grid's current order. Held as row and column ids (a sort moves the rows, not the selection's
 * meaning) and turned into indexes against the order shown. Pure.
 */
import type { CellPos } from '../store/grid-slice'
import type { GridColumn } from './column-model'

export interface CellRange {
  rowStart: number
  rowEnd: number
  colStart: number
  colEnd: number
}

export function cellRange(
  ids: readonly string[],
  columns: readonly GridColumn[],
  active: CellPos | null,
  anchor: CellPos | null,
  rowIndex: (id: string) => number = (id) => ids.indexOf(id),
): CellRange | null {
  if (!active) return null
  const r1 = rowIndex(active.rowId)
  const c1 = columns.findIndex((c) => c.id === active.columnId)
  if (r1 === -1 || c1 === -1) return null
  const r2 = anchor ? rowIndex(anchor.rowId) : r1
  const c2 = anchor ? columns.findIndex((c) => c.id === anchor.columnId) : c1
  if (r2 === -1 || c2 === -1) return { rowStart: r1, rowEnd: r1, colStart: c1, colEnd: c1 }
  return { rowStart: Math.min(r1, r2), rowEnd: Math.max(r1, r2), colStart: Math.min(c1, c2), colEnd: Math.max(c1, c2) }
}

export const rangeRows = (range: CellRange): number => range.rowEnd - range.rowStart + 1

/** Row ids of the range, top to bottom. */
export const rangeRowIds = (ids: readonly string[], range: CellRange): string[] =>
  ids.slice(range.rowStart, range.rowEnd + 1)

/** Columns of the range, left to right. */
export const rangeColumns = (columns: readonly GridColumn[], range: CellRange): GridColumn[] =>
  columns.slice(range.colStart, range.colEnd + 1)
